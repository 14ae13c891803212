/**
 * One way to drive either browser, so that a test is written once and runs in both (issue 13):
 * Debian's Chromium through playwright-core (CDP), Debian's Firefox ESR through puppeteer-core over
 * WebDriver BiDi. A test sees `TestBrowser` / `TestPage` / `TestFrame` only: pages, frames, keys,
 * and the extension's own pages; never which library or protocol is behind.
 *
 * Both load the built extension with the fixture server's host (127.0.0.1) added to its content
 * scripts and granted (see `fixtureHostsCopy`), since a headless browser cannot click « Autoriser ».
 *
 * Firefox needs, learnt the hard way (issue 13's probe):
 * - `--remote-allow-system-access`, or navigating to a `moz-extension://` page is refused;
 * - `browser.installExtension(dir)` installs the unpacked build as a temporary add-on; the pref
 *   `extensions.webextensions.uuids` fixes its `moz-extension://<uuid>/` address;
 * - `page.goto('moz-extension://…')` never resolves (no load event for extension pages): the
 *   navigation is started without waiting, then the page's own `location` is awaited;
 * - its French UI (hence `i18n.getMessage`) comes from the langpack of `firefox-esr-l10n-fr`.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame as PwFrame, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Frame as PpFrame, type KeyInput, type Page as PpPage } from 'puppeteer-core';
import { CHROMIUM, chromiumArgs, EXTENSION_DIR, fixtureHostsCopy, ROOT } from './extension';

export type BrowserName = 'chromium' | 'firefox';

/** Which browsers the cross-browser files run: `E2E_BROWSERS=firefox npx vitest …` for one. */
export const BROWSERS: BrowserName[] = (process.env.E2E_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((name) => name.trim())
  .filter((name): name is BrowserName => name === 'chromium' || name === 'firefox');

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output/firefox-mv2');
const FIREFOX_LANGPACKS = '/usr/lib/firefox-esr/browser/extensions';

type Fn<A, R> = (arg: A) => R | Promise<R>;

export interface TestFrame {
  evaluate<R, A = undefined>(fn: Fn<A, R>, arg?: A): Promise<R>;
  /** Waits until `fn` returns something truthy in the frame, and returns it (JSON). */
  waitFor<R, A = undefined>(fn: Fn<A, R>, arg?: A, timeout?: number): Promise<R>;
  waitForSelector(selector: string, timeout?: number): Promise<void>;
  click(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  /** The document of the iframe matched by `selector` in this frame. */
  child(selector: string): Promise<TestFrame>;
}

export interface TestPage extends TestFrame {
  url(): string;
  /** Types like a user: one key event per character. */
  type(text: string): Promise<void>;
  /** A key or a chord, e.g. `Enter`, `Control+z`. */
  press(chord: string): Promise<void>;
  bringToFront(): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface TestBrowser {
  name: BrowserName;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`. */
  extensionBase: string;
  /** Every request the pages opened here made (and, in Chromium, the extension's worker), in order. */
  requests: string[];
  openPage(url: string, viewport?: Viewport): Promise<TestPage>;
  /** An extension page, e.g. `sidepanel.html?tab=3`. */
  openExtensionPage(path: string, viewport?: Viewport): Promise<TestPage>;
  /** The page that `action` makes a page open (`window.open`: a pop-up window, a new tab). */
  pageOpenedBy(action: () => Promise<void>): Promise<TestPage>;
  close(): Promise<void>;
}

export interface Viewport {
  width: number;
  height: number;
}

export interface LaunchOptions {
  lang?: string;
  /** Host names the browser resolves to 127.0.0.1 (a real site's name for an HTTPS test server), e.g. `docs.google.com`. */
  mapHosts?: string[];
}

export function launchBrowser(name: BrowserName, options: LaunchOptions = {}): Promise<TestBrowser> {
  return name === 'chromium' ? launchChromium(options.lang ?? 'fr', options.mapHosts ?? []) : launchFirefox(options.lang ?? 'fr', options.mapHosts ?? []);
}

// ——— Chromium (playwright-core, CDP) ———

function pwFrame(frame: PwFrame): TestFrame {
  return {
    evaluate: (fn, arg) => frame.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeout = 20_000) => (await (await frame.waitForFunction(fn as never, arg, { timeout, polling: 100 })).jsonValue()) as never,
    waitForSelector: async (selector, timeout = 20_000) => void (await frame.waitForSelector(selector, { timeout })),
    click: (selector) => frame.click(selector),
    focus: (selector) => frame.focus(selector),
    child: async (selector) => {
      const child = await (await frame.waitForSelector(selector)).contentFrame();
      if (!child) throw new Error(`child(${selector}): not an iframe`);
      return pwFrame(child);
    },
  };
}

function pwPage(page: PwPage): TestPage {
  return {
    ...pwFrame(page.mainFrame()),
    url: () => page.url(),
    type: (text) => page.keyboard.type(text, { delay: 5 }),
    press: (chord) => page.keyboard.press(chord),
    bringToFront: () => page.bringToFront(),
    screenshot: async (path) => void (await page.screenshot({ path })),
    close: () => (page.isClosed() ? Promise.resolve() : page.close()),
  };
}

async function launchChromium(lang: string, mapHosts: string[]): Promise<TestBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`launchBrowser(chromium): no build in ${EXTENSION_DIR}. Run \`npm run build\`.`);
  const profile = mkdtempSync(join(tmpdir(), 'positions-e2e-chromium-'));
  const extensionDir = fixtureHostsCopy(EXTENSION_DIR, profile);
  const context: BrowserContext = await chromium.launchPersistentContext(join(profile, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [...chromiumArgs(extensionDir, lang), ...(mapHosts.length ? [`--host-resolver-rules=${mapHosts.map((host) => `MAP ${host} 127.0.0.1`).join(', ')}`] : [])],
    ignoreHTTPSErrors: mapHosts.length > 0,
    env: { ...process.env, LANGUAGE: lang, LANG: `${lang === 'fr' ? 'fr_FR' : 'en_US'}.UTF-8` },
  });
  const requests: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionBase = `chrome-extension://${new URL(worker.url()).host}/`;
  const newPage = async (viewport?: Viewport) => {
    const page = await context.newPage();
    if (viewport) await page.setViewportSize(viewport);
    return page;
  };
  return {
    name: 'chromium',
    extensionBase,
    requests,
    openPage: async (url, viewport) => {
      const page = await newPage(viewport);
      await page.goto(url);
      return pwPage(page);
    },
    openExtensionPage: async (path, viewport = { width: 380, height: 900 }) => {
      const page = await newPage(viewport);
      await page.goto(`${extensionBase}${path}`);
      return pwPage(page);
    },
    pageOpenedBy: async (action) => {
      const [page] = await Promise.all([context.waitForEvent('page', { timeout: 30_000 }), action()]);
      await page.waitForLoadState();
      return pwPage(page);
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// ——— Firefox (puppeteer-core, WebDriver BiDi) ———

/** `Control+z` → held modifiers, then the key. */
async function ppPress(page: PpPage, chord: string): Promise<void> {
  const keys = chord.split('+') as KeyInput[];
  const key = keys.pop() as KeyInput;
  for (const modifier of keys) await page.keyboard.down(modifier);
  await page.keyboard.press(key);
  for (const modifier of keys.reverse()) await page.keyboard.up(modifier);
}

/** Playwright's CSS selectors look inside open shadow roots; puppeteer's do behind `pierce/`. */
const deep = (selector: string) => `pierce/${selector}`;

function ppFrame(frame: PpFrame): TestFrame {
  return {
    evaluate: (fn, arg) => frame.evaluate(fn as never, arg) as never,
    waitFor: async (fn, arg, timeout = 20_000) => {
      const handle = await frame.waitForFunction(fn as (arg: unknown) => unknown, { timeout, polling: 100 }, arg);
      return (await handle.jsonValue()) as never;
    },
    waitForSelector: async (selector, timeout = 20_000) => void (await frame.waitForSelector(deep(selector), { timeout })),
    click: (selector) => frame.click(deep(selector)),
    focus: (selector) => frame.focus(deep(selector)),
    child: async (selector) => {
      const handle = await frame.waitForSelector(deep(selector));
      const child = await handle?.contentFrame();
      if (!child) throw new Error(`child(${selector}): not an iframe`);
      return ppFrame(child);
    },
  };
}

function ppPage(page: PpPage): TestPage {
  return {
    ...ppFrame(page.mainFrame()),
    url: () => page.url(),
    type: (text) => page.keyboard.type(text, { delay: 5 }),
    press: (chord) => ppPress(page, chord),
    bringToFront: () => page.bringToFront(),
    screenshot: async (path) => void (await page.screenshot({ path: path as `${string}.png` })),
    close: () => (page.isClosed() ? Promise.resolve() : page.close()),
  };
}

function hasFirefoxLangpack(lang: string): boolean {
  return lang === 'en' || (existsSync(FIREFOX_LANGPACKS) && readdirSync(FIREFOX_LANGPACKS).some((file) => file.startsWith(`langpack-${lang}@`)));
}

async function launchFirefox(lang: string, mapHosts: string[]): Promise<TestBrowser> {
  if (!existsSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'))) throw new Error(`launchBrowser(firefox): no build in ${FIREFOX_EXTENSION_DIR}. Run \`npm run build:firefox\`.`);
  if (!existsSync(FIREFOX)) throw new Error(`launchBrowser(firefox): no Firefox at ${FIREFOX}. Install it with \`apt-get install -y firefox-esr firefox-esr-l10n-fr\` or set FIREFOX_PATH.`);
  if (!hasFirefoxLangpack(lang)) throw new Error(`launchBrowser(firefox): no "${lang}" langpack in ${FIREFOX_LANGPACKS}. Install it with \`apt-get install -y firefox-esr-l10n-${lang}\`.`);
  const profile = mkdtempSync(join(tmpdir(), 'positions-e2e-firefox-'));
  const extensionDir = fixtureHostsCopy(FIREFOX_EXTENSION_DIR, profile);
  const uuid = randomUUID();
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    // A fresh profile's first start can pass puppeteer's 30 s on two busy cores (it did once in CI, the
    // same run's other Firefox starts took seconds); the suite's hooks allow 120 s.
    timeout: 90_000,
    headless: true,
    acceptInsecureCerts: true,
    userDataDir: join(profile, 'profile'),
    args: ['--remote-allow-system-access'],
    env: { ...process.env, LANGUAGE: lang, LANG: `${lang === 'fr' ? 'fr_FR' : 'en_US'}.UTF-8` },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ 'positions@contrelatraite.org': uuid }),
      // The UI language (and with it the extension's `i18n`), from the system langpack.
      'intl.locale.requested': lang,
      'extensions.autoDisableScopes': 0,
      'extensions.enabledScopes': 15,
      // Nothing of Firefox's own goes out during the tests either.
      'browser.safebrowsing.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      ...(mapHosts.length ? { 'network.dns.localDomains': mapHosts.join(',') } : {}),
    },
  });
  const requests: string[] = [];
  const pages = new Set<PpPage>();
  const track = (page: PpPage) => {
    pages.add(page);
    page.on('request', (request) => void requests.push(request.url()));
  };
  const id = await browser.installExtension(extensionDir);
  if (id !== 'positions@contrelatraite.org') throw new Error(`launchBrowser(firefox): installed as ${id}, expected positions@contrelatraite.org`);
  const extensionBase = `moz-extension://${uuid}/`;
  const newPage = async (viewport?: Viewport) => {
    const page = await browser.newPage();
    track(page);
    if (viewport) await page.setViewport(viewport);
    return page;
  };
  return {
    name: 'firefox',
    extensionBase,
    requests,
    openPage: async (url, viewport) => {
      const page = await newPage(viewport);
      await page.goto(url);
      return ppPage(page);
    },
    openExtensionPage: async (path, viewport = { width: 380, height: 900 }) => {
      const page = await newPage(viewport);
      // Firefox sends no load event for extension pages: start the navigation, then ask the page
      // until its extension document is there. (Not waitForFunction: its polling can run in the
      // about:blank realm that the navigation destroys, and BiDi then fails instead of retrying.)
      void page.goto(`${extensionBase}${path}`).catch(() => undefined);
      for (const deadline = Date.now() + 20_000; ; ) {
        const ready = await page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete').catch(() => false);
        if (ready) break;
        if (Date.now() > deadline) throw new Error(`openExtensionPage(${path}): the page did not load in 20 s`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return ppPage(page);
    },
    pageOpenedBy: async (action) => {
      const before = new Set(browser.targets());
      const [target] = await Promise.all([browser.waitForTarget((t) => t.type() === 'page' && !before.has(t), { timeout: 30_000 }), action()]);
      const page = await target.page();
      if (!page) throw new Error('pageOpenedBy: the new target has no page');
      track(page);
      return ppPage(page);
    },
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
