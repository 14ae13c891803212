import preact from '@preact/preset-vite';
import { defineConfig, type WxtViteConfig } from 'wxt';

/**
 * Content Security Policy of every extension page (side panel, popup, options, background).
 *
 * The extension promises to make no network request: the library, the index and the
 * matching all live in the browser. `connect-src 'none'` makes the browser refuse any
 * fetch/XHR/WebSocket from our pages, so a future dependency that "phones home" fails
 * loudly instead of leaking a user's draft. Scripts and styles only come from the package.
 * Valid for Chrome MV3 (`content_security_policy.extension_pages`) and, converted to a
 * string by WXT, for Firefox MV2.
 */
const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Any web site, for « Activer sur ce site »: only ever requested one site at a time. */
const SITE_ORIGINS = ['https://*/*', 'http://*/*'];

/** Keyboard shortcut that opens the side panel (see `commands` below and README). */
const PANEL_SHORTCUT = 'Alt+Shift+Y';

/**
 * The oldest browsers that have everything the extension uses (tests/unit/manifestVersions.test.ts
 * keeps this table and the code in step):
 * - Chrome 119: `matchOriginAsFallback` for the scripts registered on a turned-on site (119), after
 *   `sidePanel.open()` (116), the side panel itself (114), `world: 'MAIN'` content scripts in the
 *   manifest (111) and `storage.session` (102).
 * - Firefox 140: `data_collection_permissions` (140), after `world: 'MAIN'` content scripts and
 *   `scripting` with `matchOriginAsFallback` (128).
 */
export const MINIMUM_VERSIONS = { chrome: '119', firefox: '140.0' } as const;

/** Debian's Chromium for `npm run dev` (no browser download works offline; the e2e tests also drive Firefox ESR). */
const CHROMIUM = '/usr/bin/chromium';

export default defineConfig({
  // Explicit imports everywhere: a reader (and the command line, and vitest) sees where each name comes from.
  imports: false,
  // The cast bridges two Vite copies: WXT builds with its own Vite 7, while @preact/preset-vite's
  // types come from the top-level Vite 8 (pulled in by vitest). The plugin detects the running
  // Vite at build time, so only the types differ.
  vite: () => ({ plugins: [preact()] }) as unknown as WxtViteConfig,
  manifest: ({ browser, command, manifestVersion }) => ({
    name: '__MSG_extName__',
    short_name: '__MSG_extShortName__',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    // `sidePanel` is added by WXT for Chrome MV3 because entrypoints/sidepanel exists;
    // Firefox gets `sidebar_action` for the same page instead. IndexedDB needs no permission.
    // `scripting`: register the content scripts on a site the user turns on (Roundcube, Etherpad,
    // Nextcloud… at any address) and start them in the open tab. `activeTab`: the popup learns the
    // current tab's address, to offer « Activer sur ce site », only when the user opens it.
    // The built-in sites' host permissions come from the content scripts' `matches` (utils/builtinSites.ts).
    // `contextMenus`: the « Chercher « … » dans les positions » item on selected text (it reads only
    // the words the user selected, when they click it).
    // `storage`: `storage.session` (memory, never on disk), so that the frame holding the paragraph
    // survives a service-worker restart and « Insérer » still lands; and in `storage.local`, only the
    // site names of editor frames turned on with a site (CryptPad's sandbox), never text (no install warning).
    // README « Permissions » explains each one to users.
    permissions: ['scripting', 'activeTab', 'contextMenus', 'storage'],
    // Alt+Shift+Y opens the panel: free in Chrome and Firefox (Chromium leaves Alt+Shift+P, C and W
    // unassigned because it reserves them; the e2e test checks the key is really given). Users can
    // change it in chrome://extensions/shortcuts or about:addons. Firefox toggles its sidebar itself.
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: PANEL_SHORTCUT }, description: '__MSG_commandOpenPanel__' } }
        : { 'open-side-panel': { suggested_key: { default: PANEL_SHORTCUT }, description: '__MSG_commandOpenPanel__' } },
    // Asked for one site at a time, when the user clicks « Activer sur ce site »; never all at once.
    // (Manifest V2, Firefox's default build, lists optional origins under `optional_permissions`.)
    ...(manifestVersion === 2 ? { optional_permissions: SITE_ORIGINS } : { optional_host_permissions: SITE_ORIGINS }),
    content_security_policy: {
      // `wxt` (dev server) needs to reach its own localhost server for hot reload.
      extension_pages:
        command === 'serve'
          ? EXTENSION_PAGES_CSP.replace("connect-src 'none'", 'connect-src http://localhost:* ws://localhost:*')
          : EXTENSION_PAGES_CSP,
    },
    // Firefox gets Manifest V2 (WXT's default there, `npm run build:firefox`): built-in sites granted at
    // install, page-world scripts and the sidebar work, the background stays loaded (README « Firefox »).
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'positions@contrelatraite.org',
              strict_min_version: MINIMUM_VERSIONS.firefox,
              // Firefox (140+) asks every new add-on to declare what it collects: nothing.
              data_collection_permissions: { required: ['none'] },
            } as Record<string, unknown>,
          },
        }
      : { minimum_chrome_version: MINIMUM_VERSIONS.chrome }),
  }),
  webExt: {
    // `npm run dev` must never try to download a browser: use Debian's Chromium.
    binaries: { chrome: CHROMIUM, chromium: CHROMIUM },
    // Chromium refuses to run as root (containers) without it.
    chromiumArgs: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  },
});
