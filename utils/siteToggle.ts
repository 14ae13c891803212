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
  const status = await sendMessage('site/status', { url: tab.url });
  return { url: tab.url, tabId: tab.id, host: hostOf(tab.url), status };
}

/**
 * Must be called straight from the click handler: the browser shows its permission prompt only
 * for a user gesture, so nothing may be awaited before `permissions.request`. If the popup closes
 * while the prompt is open (Firefox), the background still registers the site on `permissions.onAdded`.
 */
export function enableSite(site: CurrentSite): Promise<SiteStatus> {
  if (!site.status.pattern) return Promise.resolve(site.status);
  return browser.permissions
    .request({ origins: [site.status.pattern] })
    .then((granted) => (granted ? sendMessage('site/enable', { url: site.url, tabId: site.tabId }) : site.status));
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
