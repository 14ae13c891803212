/**
 * « Activer sur ce site »: Roundcube, Etherpad and Nextcloud live at any address, so the assistant
 * runs there only once the user turns it on for that site. The page that has the button calls
 * `permissions.request` in its click handler (browsers only ask from a user gesture), then sends
 * `site/enable`; the background registers the content scripts for that site and starts them in the
 * open tab. Turning it off unregisters them and gives the permission back.
 *
 * Permissions granted or removed elsewhere (chrome://extensions « Accès aux sites ») are followed too,
 * and the registrations are re-checked each time the background starts.
 */
import { browser } from 'wxt/browser';
import type { SiteStatus } from '../../data/protocol';
import type { Handlers } from '../../data/service';
import { BUILTIN_MATCHES } from '../builtinSites';
import { sendToTab } from '../messaging';
import { framePatterns, isBuiltin, isUserSitePattern, sitePattern } from './sitePattern';

/**
 * The built content script (WXT names it after its entrypoint). The page-world bridge is not
 * registered: the background injects it on request (`pageBridge.ts`).
 */
const ISOLATED_SCRIPT = '/content-scripts/content.js' as const;
const ID_PREFIX = 'site:';

/**
 * `storage.local` key: for each site turned on, the frames' sites turned on with it (CryptPad's
 * sandbox domain), so that turning the site off turns them off too.
 */
const FRAMES_KEY = 'siteFrames';
type FramesBySite = Record<string, string[]>;

async function framesBySite(): Promise<FramesBySite> {
  const stored = (await browser.storage.local.get(FRAMES_KEY))[FRAMES_KEY] as unknown;
  return stored && typeof stored === 'object' ? (stored as FramesBySite) : {};
}

async function setFramesOf(pattern: string, frames: string[]): Promise<void> {
  const all = await framesBySite();
  if (frames.length) all[pattern] = frames;
  else delete all[pattern];
  await browser.storage.local.set({ [FRAMES_KEY]: all });
}

/**
 * The addresses of the iframes in tab `tabId`'s top page. Works on a site not turned on yet because
 * opening the popup or the panel grants `activeTab`; `[]` when the page cannot be read.
 */
async function frameUrlsIn(tabId: number): Promise<string[]> {
  try {
    const [result] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [0] },
      func: () => Array.from(document.querySelectorAll('iframe'), (frame) => frame.src),
    });
    return Array.isArray(result?.result) ? (result.result as unknown[]).filter((url): url is string => typeof url === 'string') : [];
  } catch {
    return [];
  }
}

const ids = (pattern: string) => ({ isolated: `${ID_PREFIX}${pattern}`, main: `${ID_PREFIX}main:${pattern}` });

export type SiteAccessHandlers = Pick<Handlers, 'site/status' | 'site/enable' | 'site/disable'>;

/**
 * The sites the manifest's content scripts run on: BUILTIN_MATCHES, plus the demo page in the
 * demo build `npm start` makes (scripts/demoBuild.ts), which must count as built in, not as a site
 * to register a second time.
 */
function builtins(): readonly string[] {
  const matches = browser.runtime.getManifest().content_scripts?.flatMap((script) => script.matches ?? []);
  return matches?.length ? matches : BUILTIN_MATCHES;
}

export function createSiteAccess() {
  const registeredIds = async () => new Set((await browser.scripting.getRegisteredContentScripts()).map((script) => script.id));

  async function register(pattern: string): Promise<void> {
    const { isolated, main } = ids(pattern);
    const existing = await registeredIds();
    // Earlier versions also registered the page-world script: it is injected on request now.
    if (existing.has(main)) await browser.scripting.unregisterContentScripts({ ids: [main] });
    if (existing.has(isolated)) return;
    await browser.scripting.registerContentScripts([
      { id: isolated, matches: [pattern], js: [ISOLATED_SCRIPT], allFrames: true, matchOriginAsFallback: true, persistAcrossSessions: true, runAt: 'document_idle' },
    ]);
  }

  async function unregister(pattern: string): Promise<void> {
    const existing = await registeredIds();
    const wanted = Object.values(ids(pattern)).filter((id) => existing.has(id));
    if (wanted.length) await browser.scripting.unregisterContentScripts({ ids: wanted });
  }

  /** Starts the script in a tab that was open before the site was turned on (no reload needed). */
  async function startIn(tabId: number): Promise<void> {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [ISOLATED_SCRIPT] });
  }

  /** Stops the scripts already running in the site's open tabs (before its permission is given back). */
  async function stopIn(pattern: string): Promise<void> {
    const tabs = await browser.tabs.query({ url: pattern }).catch(() => []);
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? false : sendToTab(tab.id, 'content/stop', undefined))));
  }

  async function turnOff(site: string): Promise<void> {
    await unregister(site);
    await stopIn(site);
    // Giving the permission back fails for a permission the manifest requires (the e2e build's
    // fixture hosts): the scripts are unregistered all the same.
    await browser.permissions.remove({ origins: [site] }).catch(() => false);
  }

  /**
   * Turns off the frames' sites turned on with `pattern` (its editor frames on another domain), and
   * forgets them. A frame's site another site turned on still uses (a shared sandbox) stays on.
   */
  async function dropFramesOf(pattern: string): Promise<void> {
    const all = await framesBySite();
    if (!all[pattern]) return;
    const usedElsewhere = new Set(Object.entries(all).flatMap(([site, frames]) => (site === pattern ? [] : frames)));
    for (const frame of all[pattern]) if (frame !== pattern && !usedElsewhere.has(frame)) await turnOff(frame);
    await setFramesOf(pattern, []);
  }

  async function isOn(pattern: string): Promise<boolean> {
    return (await browser.permissions.contains({ origins: [pattern] })) && (await registeredIds()).has(ids(pattern).isolated);
  }

  /**
   * Whether the assistant may read in a page of `url`: a built-in site, or one the user turned on.
   * Asked for every message a content script sends (each paragraph as the user types): the state
   * alone, not the frames `status` lists for the panel.
   */
  async function isActive(url: string | undefined): Promise<boolean> {
    const pattern = url ? sitePattern(url) : undefined;
    if (!url || !pattern) return false;
    return isBuiltin(url, builtins()) || isOn(pattern);
  }

  /** `tabId`: the tab showing `url`, to find its cross-origin frames (see `SiteStatus.frames`). */
  async function status(url: string, tabId?: number): Promise<SiteStatus> {
    const pattern = sitePattern(url);
    if (!pattern) return { state: 'unsupported' };
    if (isBuiltin(url, builtins())) return { state: 'builtin', pattern };
    if (await isOn(pattern)) {
      const frames: string[] = [];
      for (const frame of (await framesBySite())[pattern] ?? []) if (await isOn(frame)) frames.push(frame);
      return { state: 'enabled', pattern, ...(frames.length ? { frames } : {}) };
    }
    const frames = tabId === undefined ? [] : framePatterns(await frameUrlsIn(tabId), url, builtins());
    return { state: 'disabled', pattern, ...(frames.length ? { frames } : {}) };
  }

  const handlers: SiteAccessHandlers = {
    'site/status': async ({ url, tabId }) => status(url, tabId),
    'site/enable': async ({ url, tabId, frames = [] }) => {
      const pattern = sitePattern(url);
      if (!pattern) return { state: 'unsupported' };
      if (isBuiltin(url, builtins())) return { state: 'builtin', pattern };
      if (!(await browser.permissions.contains({ origins: [pattern] }))) {
        throw new Error(`Positions: access to ${pattern} was not granted. Ask for it with permissions.request in the click handler first.`);
      }
      await register(pattern);
      // The frames' sites the user granted in the same prompt (a refused or foreign one is left out).
      const withSite: string[] = [];
      for (const frame of frames) {
        if (frame === pattern || withSite.includes(frame) || !isUserSitePattern(frame, builtins())) continue;
        if (!(await browser.permissions.contains({ origins: [frame] }))) continue;
        await register(frame);
        withSite.push(frame);
      }
      await setFramesOf(pattern, withSite);
      if (tabId !== undefined) await startIn(tabId);
      return status(url);
    },
    'site/disable': async ({ url }) => {
      const pattern = sitePattern(url);
      if (!pattern) return { state: 'unsupported' };
      if (isBuiltin(url, builtins())) return { state: 'builtin', pattern };
      // Frames first: once the page's permission goes, `permissions.onRemoved` finds nothing left to drop.
      await dropFramesOf(pattern);
      await turnOff(pattern);
      return status(url);
    },
  };

  /** Registrations follow the granted permissions, whoever changed them. */
  async function sync(): Promise<void> {
    // A site whose access was taken away elsewhere while the background slept takes its frames with it.
    const before = new Set((await browser.permissions.getAll()).origins ?? []);
    for (const site of Object.keys(await framesBySite())) if (!before.has(site)) await dropFramesOf(site);
    const granted = new Set((await browser.permissions.getAll()).origins ?? []);
    for (const pattern of granted) if (isUserSitePattern(pattern, builtins())) await register(pattern);
    for (const id of await registeredIds()) {
      const pattern = id.startsWith(`${ID_PREFIX}main:`) ? id.slice(`${ID_PREFIX}main:`.length) : id.slice(ID_PREFIX.length);
      if (id.startsWith(ID_PREFIX) && !granted.has(pattern)) {
        await browser.scripting.unregisterContentScripts({ ids: [id] });
        await stopIn(pattern);
      }
    }
  }

  function listen(): void {
    browser.permissions.onAdded.addListener(({ origins = [] }) => {
      for (const pattern of origins) if (isUserSitePattern(pattern, builtins())) void register(pattern).catch(warn);
    });
    browser.permissions.onRemoved.addListener(({ origins = [] }) => {
      // The permission is gone already: the tabs cannot be found by address any more; the
      // background drops what their scripts still send (`isActive`).
      for (const pattern of origins) void unregister(pattern).then(() => dropFramesOf(pattern)).catch(warn);
    });
  }

  return { handlers, sync, listen, isActive };
}

function warn(error: unknown): void {
  console.warn('Positions: updating the sites the assistant runs on failed.', error);
}
