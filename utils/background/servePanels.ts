/**
 * The `panel` port: a side panel page connects, says which tab it follows, and receives that tab's
 * paragraph each time it changes (`data/protocol.ts`: PanelFollow, PanelParagraph).
 */
import { browser } from 'wxt/browser';
import { PANEL_PORT, type PanelFollow } from '../../data/protocol';
import type { EditorRelay, PanelLink } from './createEditorRelay';

export function servePanels(relay: EditorRelay): void {
  browser.runtime.onConnect.addListener((port) => {
    // Only our own pages may follow a tab: content scripts can connect too, and must not read other tabs.
    if (port.name !== PANEL_PORT || !port.sender?.url?.startsWith(browser.runtime.getURL('/'))) return;
    const link: PanelLink = { post: (message) => port.postMessage(message) };
    port.onMessage.addListener((message: unknown) => {
      const follow = message as PanelFollow;
      if (follow?.type === 'follow' && Number.isInteger(follow.tabId)) relay.follow(link, follow.tabId);
    });
    port.onDisconnect.addListener(() => relay.unfollow(link));
  });
  browser.tabs.onRemoved.addListener((tabId) => relay.forgetTab(tabId));
}
