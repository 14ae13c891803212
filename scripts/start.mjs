#!/usr/bin/env node
/**
 * `npm start`: after `wxt build` (run by the npm script), serves the demo page on 127.0.0.1
 * and opens Debian's Chromium, with a window, with the demo build of the extension
 * (scripts/demoBuild.ts: the demo page is a built-in site, the toolbar icon opens the side panel,
 * the icon is pinned). The browser profile is kept in .output/chromium-profile, so the library stays
 * between runs. Close the browser (or press Ctrl+C here) to stop.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const EXTENSION = join(ROOT, '.output/chrome-mv3');
const DEMO_EXTENSION = join(ROOT, '.output/chrome-mv3-demo');
const PROFILE = join(ROOT, '.output/chromium-profile');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PREFERRED_PORT = 4173;

function fail(lines) {
  console.error(`\n${lines.join('\n')}\n`);
  process.exit(1);
}

if (!existsSync(join(EXTENSION, 'manifest.json'))) {
  fail([
    `Extension introuvable dans ${EXTENSION}. Lancez « npm start » (qui construit d'abord) ou « npm run build ».`,
    `No built extension in ${EXTENSION}. Run "npm start" (it builds first) or "npm run build".`,
  ]);
}
if (!existsSync(CHROMIUM)) {
  fail([
    `Chromium introuvable (${CHROMIUM}). Installez-le : sudo apt-get install -y chromium chromium-l10n`,
    `Chromium not found (${CHROMIUM}). Install it: sudo apt-get install -y chromium chromium-l10n`,
  ]);
}
if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  fail([
    "Pas d'écran graphique ici (ni DISPLAY ni WAYLAND_DISPLAY) : Chromium ne peut pas ouvrir de fenêtre.",
    `L'extension est prête dans ${EXTENSION} : chargez-la à la main (voir README), ou lancez « xvfb-run npm start ».`,
    'Les tests, eux, tournent sans écran : « npm test ».',
    '',
    'No graphical display here (neither DISPLAY nor WAYLAND_DISPLAY): Chromium cannot open a window.',
    `The extension is built in ${EXTENSION}: load it by hand (see README), or run "xvfb-run npm start".`,
    'Tests need no display: "npm test".',
  ]);
}

// The static server is TypeScript shared with the e2e tests; tsx loads it.
register();
const { startServer } = await import('../tests/e2e/server.ts');
const { makeDemoBuild, unpackedExtensionId } = await import('./demoBuild.ts');
const server = await startServer({ port: PREFERRED_PORT }).catch((error) =>
  error?.code === 'EADDRINUSE' ? startServer({ port: 0 }) : Promise.reject(error),
);

makeDemoBuild(EXTENSION, DEMO_EXTENSION);
mkdirSync(PROFILE, { recursive: true });
pinExtension(PROFILE, DEMO_EXTENSION);
const args = [
  `--user-data-dir=${PROFILE}`,
  `--disable-extensions-except=${DEMO_EXTENSION}`,
  `--load-extension=${DEMO_EXTENSION}`,
  '--no-first-run',
  '--no-default-browser-check',
  server.url,
];
// Chromium refuses to start as root without this (containers, CI machines).
if (process.getuid?.() === 0) args.unshift('--no-sandbox');

console.log(`Page de démonstration / demo page: ${server.url}`);
console.log('Positions fonctionne déjà sur cette page : cliquez sur son icône dans la barre d’outils pour ouvrir le panneau, puis écrivez.');
console.log('Positions already works on this page: click its toolbar icon to open the panel, then write.');
console.log('Fermez Chromium ou Ctrl+C pour arrêter. / Close Chromium or press Ctrl+C to stop.');

/**
 * Pins the extension's icon in the toolbar (Chromium's `extensions.pinned_extensions` preference), so
 * the side panel is one click away (the id is computed from the folder's path, as Chromium does).
 */
function pinExtension(profile, extensionDir) {
  const id = unpackedExtensionId(extensionDir);
  const file = join(profile, 'Default', 'Preferences');
  mkdirSync(join(profile, 'Default'), { recursive: true });
  let prefs = {};
  try {
    prefs = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // A new profile: Chromium fills in the rest.
  }
  prefs.extensions ??= {};
  prefs.extensions.pinned_extensions = [...new Set([...(prefs.extensions.pinned_extensions ?? []), id])];
  writeFileSync(file, JSON.stringify(prefs));
}

const browser = spawn(CHROMIUM, args, { stdio: ['ignore', 'ignore', 'pipe'] });
let stderrTail = '';
browser.stderr.on('data', (chunk) => {
  stderrTail = (stderrTail + chunk).slice(-2000);
});

const stop = async (code) => {
  await server.close();
  process.exit(code);
};
browser.on('error', (error) => {
  console.error(`Chromium n'a pas pu démarrer / Chromium failed to start: ${error.message}`);
  void stop(1);
});
browser.on('exit', (code) => {
  if (code && code !== 0) console.error(`Chromium s'est arrêté (code ${code}) / Chromium exited (code ${code}):\n${stderrTail}`);
  void stop(code ?? 0);
});
process.on('SIGINT', () => browser.kill('SIGTERM'));
process.on('SIGTERM', () => browser.kill('SIGTERM'));
