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
import { isBuiltin, isUserSitePattern, sitePattern } from './sitePattern';

/** The built content scripts (WXT names them after their entrypoints). */
const ISOLATED_SCRIPT = '/content-scripts/content.js' as const;
const MAIN_SCRIPT = '/content-scripts/page-bridge.js' as const;
const ID_PREFIX = 'site:';

const ids = (pattern: string) => ({ isolated: `${ID_PREFIX}${pattern}`, main: `${ID_PREFIX}main:${pattern}` });

export type SiteAccessHandlers = Pick<Handlers, 'site/status' | 'site/enable' | 'site/disable'>;

export function createSiteAccess() {
  const registeredIds = async () => new Set((await browser.scripting.getRegisteredContentScripts()).map((script) => script.id));

  async function register(pattern: string): Promise<void> {
    const { isolated, main } = ids(pattern);
    const existing = await registeredIds();
    const common = { matches: [pattern], allFrames: true, matchOriginAsFallback: true, persistAcrossSessions: true };
    const scripts: Parameters<typeof browser.scripting.registerContentScripts>[0] = [];
    if (!existing.has(main)) scripts.push({ ...common, id: main, js: [MAIN_SCRIPT], world: 'MAIN', runAt: 'document_start' });
    if (!existing.has(isolated)) scripts.push({ ...common, id: isolated, js: [ISOLATED_SCRIPT], runAt: 'document_idle' });
    if (scripts.length) await browser.scripting.registerContentScripts(scripts);
  }

  async function unregister(pattern: string): Promise<void> {
    const existing = await registeredIds();
    const wanted = Object.values(ids(pattern)).filter((id) => existing.has(id));
    if (wanted.length) await browser.scripting.unregisterContentScripts({ ids: wanted });
  }

  /** Starts the scripts in a tab that was open before the site was turned on (no reload needed). */
  async function startIn(tabId: number): Promise<void> {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [MAIN_SCRIPT], world: 'MAIN' });
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: [ISOLATED_SCRIPT] });
  }

  async function status(url: string): Promise<SiteStatus> {
    const pattern = sitePattern(url);
    if (!pattern) return { state: 'unsupported' };
    if (isBuiltin(url)) return { state: 'builtin', pattern };
    const granted = await browser.permissions.contains({ origins: [pattern] });
    const registered = (await registeredIds()).has(ids(pattern).isolated);
    return { state: granted && registered ? 'enabled' : 'disabled', pattern };
  }

  const handlers: SiteAccessHandlers = {
    'site/status': async ({ url }) => status(url),
    'site/enable': async ({ url, tabId }) => {
      const pattern = sitePattern(url);
      if (!pattern) return { state: 'unsupported' };
      if (isBuiltin(url)) return { state: 'builtin', pattern };
      if (!(await browser.permissions.contains({ origins: [pattern] }))) {
        throw new Error(`Positions: access to ${pattern} was not granted. Ask for it with permissions.request in the click handler first.`);
      }
      await register(pattern);
      if (tabId !== undefined) await startIn(tabId);
      return status(url);
    },
    'site/disable': async ({ url }) => {
      const pattern = sitePattern(url);
      if (!pattern) return { state: 'unsupported' };
      if (isBuiltin(url)) return { state: 'builtin', pattern };
      await unregister(pattern);
      // Giving the permission back fails for a permission the manifest requires (the e2e build's
      // fixture host): the scripts are unregistered all the same.
      await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
      return status(url);
    },
  };

  /** Registrations follow the granted permissions, whoever changed them. */
  async function sync(): Promise<void> {
    const granted = new Set((await browser.permissions.getAll()).origins ?? []);
    for (const pattern of granted) if (isUserSitePattern(pattern)) await register(pattern);
    for (const id of await registeredIds()) {
      const pattern = id.startsWith(`${ID_PREFIX}main:`) ? id.slice(`${ID_PREFIX}main:`.length) : id.slice(ID_PREFIX.length);
      if (id.startsWith(ID_PREFIX) && !granted.has(pattern)) await browser.scripting.unregisterContentScripts({ ids: [id] });
    }
  }

  function listen(): void {
    browser.permissions.onAdded.addListener(({ origins = [] }) => {
      for (const pattern of origins) if (isUserSitePattern(pattern)) void register(pattern).catch(warn);
    });
    browser.permissions.onRemoved.addListener(({ origins = [] }) => {
      for (const pattern of origins) void unregister(pattern).catch(warn);
    });
  }

  return { handlers, sync, listen };
}

function warn(error: unknown): void {
  console.warn('Positions: updating the sites the assistant runs on failed.', error);
}
