/**
 * A real Etherpad (npm `ep_etherpad-lite` 1.8.14, installed apart in tests/e2e/etherpad/ from its own
 * lockfile, see install.mjs there) for the e2e tests: started in a throw-away folder with a dirty DB,
 * on 127.0.0.1 only, with rate limits raised for typing tests; stopped (and its folder removed) after.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './extension';
import { freePort } from './server';

export const ETHERPAD_DIR = join(ROOT, 'tests/e2e/etherpad');

export interface EtherpadServer {
  /** Base URL, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** The pad's text as the server stores it, through Etherpad's HTTP API (`getText`). */
  padText(padId: string): Promise<string>;
  /** The pad's plain-text export (`/p/<id>/export/txt`), what a user downloads. */
  exportText(padId: string): Promise<string>;
  close(): Promise<void>;
}

export async function startEtherpad(): Promise<EtherpadServer> {
  const serverJs = join(ETHERPAD_DIR, 'src/node/server.js');
  if (!existsSync(serverJs)) {
    throw new Error(`startEtherpad: no Etherpad in ${ETHERPAD_DIR}/src. Run \`node tests/e2e/etherpad/install.mjs\` (npm test does it).`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'positions-etherpad-'));
  const port = await freePort();
  const settings = {
    title: 'Etherpad (Positions tests)',
    ip: '127.0.0.1',
    port,
    dbType: 'dirty',
    dbSettings: { filename: join(dir, 'dirty.db') },
    defaultPadText: '',
    minify: false,
    loglevel: 'WARN',
    suppressErrorsInPadText: true,
    automaticReconnectionTimeout: 0,
    // Typing tests send one change per keystroke or so: far above the defaults' limits.
    commitRateLimiting: { duration: 1, points: 10_000 },
    importExportRateLimiting: { windowMs: 1000, max: 10_000 },
  };
  writeFileSync(join(dir, 'settings.json'), JSON.stringify(settings, null, 2));
  const child: ChildProcess = spawn(
    process.execPath,
    [serverJs, '--settings', join(dir, 'settings.json'), '--apikey', join(dir, 'APIKEY.txt'), '--sessionkey', join(dir, 'SESSIONKEY.txt'), '--credentials', join(dir, 'credentials.json')],
    {
      cwd: ETHERPAD_DIR,
      // Etherpad checks for updates at static.etherpad.org on start: send that nowhere (no network in tests).
      env: { ...process.env, NODE_ENV: 'production', HTTPS_PROXY: 'http://127.0.0.1:9', https_proxy: 'http://127.0.0.1:9', NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}/`;
  const close = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // It answers on /api once started (npm ls and the plugin scan take ~15 s on 2 busy cores).
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) {
      await close();
      throw new Error(`startEtherpad: Etherpad exited (${child.exitCode}) before answering:\n${log}`);
    }
    const up = await fetch(`${url}api`).then((r) => r.ok, () => false);
    if (up) break;
    if (Date.now() > deadline) {
      await close();
      throw new Error(`startEtherpad: no answer on ${url}api after 90 s:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const apiKey = readFileSync(join(dir, 'APIKEY.txt'), 'utf8').trim();
  return {
    url,
    padText: async (padId) => {
      const reply = (await (await fetch(`${url}api/1/getText?apikey=${apiKey}&padID=${encodeURIComponent(padId)}`)).json()) as { code: number; message: string; data?: { text: string } };
      if (reply.code !== 0 || !reply.data) throw new Error(`Etherpad getText(${padId}): ${reply.message}`);
      return reply.data.text;
    },
    exportText: async (padId) => {
      const response = await fetch(`${url}p/${encodeURIComponent(padId)}/export/txt`);
      if (!response.ok) throw new Error(`Etherpad export of ${padId}: HTTP ${response.status}`);
      return response.text();
    },
    close,
  };
}
