/**
 * The demo build `npm start` runs: a copy of the built extension (.output/chrome-mv3) in which the
 * demo page's address (127.0.0.1 and localhost, any port) is a built-in site, like Gmail, so the
 * product works there at once, without « Activer sur ce site » and Chrome's permission prompt; and
 * whose toolbar icon opens the side panel in one click (no popup: the background then asks Chrome
 * to open the panel on the icon's click). The extension people install is not changed.
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

/** The demo page's origins, as content-script match patterns (patterns ignore ports). */
export const DEMO_MATCHES: readonly string[] = ['http://127.0.0.1/*', 'http://localhost/*'];

/** Copies `extensionDir` to `into` and turns the copy into the demo build; returns `into`. */
export function makeDemoBuild(extensionDir: string, into: string): string {
  rmSync(into, { recursive: true, force: true });
  cpSync(extensionDir, into, { recursive: true });
  const path = `${into}/manifest.json`;
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { name: string; content_scripts?: { matches: string[] }[]; action?: { default_popup?: string } };
  for (const script of manifest.content_scripts ?? []) script.matches = [...new Set([...script.matches, ...DEMO_MATCHES])];
  if (manifest.action) delete manifest.action.default_popup;
  manifest.name = `${manifest.name.startsWith('__MSG_') ? 'Positions' : manifest.name} (démo)`;
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return into;
}

/**
 * The id Chromium gives an unpacked extension loaded from `dir` (an absolute path): the first 32 hex
 * digits of the path's SHA-256, written with the letters a-p. `npm start` pins that id's icon.
 */
export function unpackedExtensionId(dir: string): string {
  return [...createHash('sha256').update(dir).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join('');
}
