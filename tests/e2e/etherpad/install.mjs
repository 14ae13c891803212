// Installs the real Etherpad the e2e tests run (ep_etherpad-lite, from this folder's lockfile), apart
// from the project: its dependencies need `--legacy-peer-deps` with npm 7+ (set in .npmrc here) and
// would weigh on every `npm install` of the extension. Does nothing when the locked version is
// already laid out (src/ and the stamp match the lockfile). `npm test` and .ci/run call it.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const lock = readFileSync(join(here, 'package-lock.json'));
const digest = createHash('sha256').update(lock).digest('hex');
const stamp = join(here, 'src/.positions-installed');
if (existsSync(join(here, 'src/node/server.js')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) process.exit(0);
console.log('etherpad: installing ep_etherpad-lite for the e2e tests from tests/e2e/etherpad/package-lock.json');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// `npm install`, not `npm ci`: with legacy peer deps the lockfile leaves out ueberdb2's optional peer
// drivers (sqlite3…), which `npm ci`'s own check then reports missing. `npm install` installs exactly the
// locked versions all the same. Its postinstall lays the folder out as Etherpad expects (layout.mjs).
// Start from nothing: the laid-out tree is not one npm would recognise.
rmSync(join(here, 'node_modules'), { recursive: true, force: true });
rmSync(join(here, 'src'), { recursive: true, force: true });
execFileSync(npm, ['install', '--no-audit', '--no-fund'], { cwd: here, stdio: 'inherit' });
writeFileSync(stamp, digest);
