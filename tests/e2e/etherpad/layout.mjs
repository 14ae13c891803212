// Lays this folder out as Etherpad's own checkout, the only way `ep_etherpad-lite` starts: the package
// as `src/` with its dependencies in `src/node_modules`, and `node_modules/ep_etherpad-lite` pointing
// to `src/`. (Etherpad finds its root as the parent of a folder named `src`, requires itself as
// `ep_etherpad-lite/…`, serves browser libraries from `src/node_modules`, and lists its plugins with
// `npm ls` in the root, which fails on any other arrangement of links.)
// Run by npm after `npm install` here (postinstall); install.mjs wipes and reinstalls when needed.
import { existsSync, lstatSync, mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, 'node_modules');
const installed = join(modules, 'ep_etherpad-lite');
const src = join(here, 'src');
if (!existsSync(installed)) throw new Error(`layout: ${installed} is missing; run \`node install.mjs\` in ${here}.`);
if (!lstatSync(installed).isSymbolicLink()) {
  rmSync(src, { recursive: true, force: true });
  renameSync(installed, src);
  rmSync(join(src, 'node_modules'), { recursive: true, force: true });
  renameSync(modules, join(src, 'node_modules'));
  mkdirSync(modules);
  symlinkSync('../src', installed, 'dir');
}
