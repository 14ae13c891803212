/**
 * Launches Debian's Chromium with the built extension (.output/chrome-mv3) in a throw-away
 * profile, and gives the tests its id, its service worker and a way to open its pages.
 * It builds nothing: `npm test` runs `wxt build` first (or run `npm run build` by hand).
 *
 * Chromium 156 loads unpacked extensions in the new headless mode (`--headless=new`) with
 * `--load-extension`; no display and no Xvfb are needed.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Debian ships only en-US here; the `chromium-l10n` package adds the other UI languages. */
const CHROMIUM_LOCALES = '/usr/lib/chromium/locales';

export interface LaunchedExtension {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Opens an extension page, e.g. `sidepanel.html`, in a new tab. */
  openPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

export function chromiumArgs(extensionDir: string, lang: string): string[] {
  return [
    '--headless=new',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--lang=${lang}`,
  ];
}

function hasLocale(lang: string): boolean {
  return readdirSync(CHROMIUM_LOCALES).some((file) => file === `${lang}.pak` || (file.startsWith(`${lang}-`) && file.endsWith('.pak')));
}

/**
 * A copy of the built extension whose content scripts also run on the fixture server (127.0.0.1),
 * with `http://127.0.0.1/*` and `http://localhost/*` as granted host permissions (so tab URLs are visible). A headless browser cannot click
 * the « Autoriser » of a permission prompt, so this is how the tests reach the fixture pages: the
 * static match stands for a built-in site (Gmail…), the granted localhost for a site the user turned
 * on with « Activer sur ce site » (`site/enable` then registers the scripts there, as in the product).
 */
export function fixtureHostsCopy(extensionDir: string, into: string): string {
  const dir = join(into, 'extension');
  cpSync(extensionDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    manifest_version: number;
    content_scripts?: Array<{ matches: string[] }>;
    host_permissions?: string[];
    permissions?: string[];
  };
  for (const script of manifest.content_scripts ?? []) script.matches.push('http://127.0.0.1/*');
  // docs.google.com: the built-in Docs scripts already run there, but a tab's URL (to find it from the
  // panel's page with ?tab=) is visible only with a host permission on its origin, port included.
  const hosts = ['http://127.0.0.1/*', 'http://localhost/*', 'https://docs.google.com/*'];
  // Manifest V2 (Firefox's build) lists host permissions among the others.
  if (manifest.manifest_version === 2) manifest.permissions = [...(manifest.permissions ?? []), ...hosts];
  else manifest.host_permissions = [...(manifest.host_permissions ?? []), ...hosts];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return dir;
}

export async function launchExtension(
  options: { lang?: string; fixtureHosts?: boolean; prepare?: (builtDir: string, profile: string) => string; /** Host names resolved to 127.0.0.1 (real site names for the fixture server). */ mapHosts?: string[] } = {},
): Promise<LaunchedExtension> {
  const { lang = 'fr', fixtureHosts = false, mapHosts = [] } = options;
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`launchExtension: no built extension in ${EXTENSION_DIR}. Run \`npm run build\` first (npm test does it).`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`launchExtension: no Chromium at ${CHROMIUM}. Install it with \`apt-get install -y chromium\` or set CHROMIUM_PATH.`);
  }
  if (CHROMIUM === '/usr/bin/chromium' && existsSync(CHROMIUM_LOCALES) && !hasLocale(lang)) {
    // Without its .pak, Chromium silently falls back to English and chrome.i18n with it.
    throw new Error(`launchExtension: Chromium has no "${lang}" locale in ${CHROMIUM_LOCALES}. Install it with \`apt-get install -y chromium-l10n\`.`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'positions-e2e-'));
  // `prepare`: another build made from the built one (the demo build of `npm start`, scripts/demoBuild.mjs).
  const extensionDir = options.prepare ? options.prepare(EXTENSION_DIR, profile) : fixtureHosts ? fixtureHostsCopy(EXTENSION_DIR, profile) : EXTENSION_DIR;
  const context = await chromium.launchPersistentContext(join(profile, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [...chromiumArgs(extensionDir, lang), ...(mapHosts.length ? [`--host-resolver-rules=${mapHosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}`] : [])],
    // Chromium reads its UI language (hence chrome.i18n's) from the environment on Linux.
    env: { ...process.env, LANGUAGE: lang, LANG: `${lang === 'fr' ? 'fr_FR' : 'en_US'}.UTF-8` },
  });
  const close = async () => {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
    const extensionId = new URL(serviceWorker.url()).host;
    const openPage = async (path: string, viewport = { width: 380, height: 720 }) => {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    };
    return { context, extensionId, serviceWorker, openPage, close };
  } catch (error) {
    await close();
    throw error;
  }
}
