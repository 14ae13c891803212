/**
 * « Activer sur ce site », for the popup (and the side panel): the current tab's site and whether
 * the assistant runs there, and the two clicks that turn it on and off. The background does the
 * registering (`utils/background/siteAccess.ts`); this side asks the browser for the permission,
 * which only works from the click itself.
 */
import { browser } from 'wxt/browser';
import type { SiteStatus } from '../data/protocol';
import { sendMessage } from './messaging';

export interface CurrentSite {
  url: string;
  tabId: number;
  host: string;
  status: SiteStatus;
}

/** The active tab's site. Its address is readable because opening the popup grants `activeTab`. */
export async function currentSite(): Promise<CurrentSite | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.url || tab.id === undefined) return undefined;
  return siteAt(tab.id, tab.url);
}

/**
 * The site of tab `tabId`, for the side panel. Without the `tabs` permission a tab's address is only
 * readable where the extension already runs or was just invoked (`activeTab`); `knownUrl` (the
 * page address the content script reported) stands in then. `undefined` when it cannot be known.
 */
export async function siteOfTab(tabId: number, knownUrl?: string): Promise<CurrentSite | undefined> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const url = tab?.url || knownUrl;
  return url ? siteAt(tabId, url) : undefined;
}

async function siteAt(tabId: number, url: string): Promise<CurrentSite> {
  const status = await sendMessage('site/status', { url, tabId });
  return { url, tabId, host: hostOf(url), status };
}

/** Calls `onChange` when tab `tabId` loads another address (to ask again whether Positions runs there). */
export function watchTabAddress(tabId: number, onChange: () => void): () => void {
  const listener = (id: number, change: { status?: string; url?: string }) => {
    if (id === tabId && (change.url !== undefined || change.status === 'complete')) onChange();
  };
  browser.tabs.onUpdated.addListener(listener);
  return () => browser.tabs.onUpdated.removeListener(listener);
}

/**
 * Must be called straight from the click handler: the browser shows its permission prompt only
 * for a user gesture, so nothing may be awaited before `permissions.request`. If the popup closes
 * while the prompt is open (Firefox), the background still registers the site on `permissions.onAdded`.
 * The browser grants all the asked origins or none.
 */
export function enableSite(site: CurrentSite): Promise<SiteStatus> {
  if (!site.status.pattern) return Promise.resolve(site.status);
  // The page's cross-origin editor frames (CryptPad's sandbox domain) are asked for in the same prompt.
  const frames = site.status.frames ?? [];
  return browser.permissions
    .request({ origins: [site.status.pattern, ...frames] })
    .then((granted) => (granted ? sendMessage('site/enable', { url: site.url, tabId: site.tabId, frames }) : site.status));
}

export function disableSite(site: CurrentSite): Promise<SiteStatus> {
  return sendMessage('site/disable', { url: site.url });
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}
