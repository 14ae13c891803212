/**
 * For the side panel: follow one tab's paragraph. Connects the `panel` port, asks for `tabId`, and
 * calls `onParagraph` with its current paragraph at once and after every change (`undefined` when
 * the user left the editor). Returns a function that stops following.
 */
import { browser } from 'wxt/browser';
import { PANEL_PORT, type FocusedParagraph, type PanelFollow, type PanelParagraph } from '../data/protocol';

export function followTab(tabId: number, onParagraph: (paragraph: FocusedParagraph | undefined) => void): () => void {
  const port = browser.runtime.connect({ name: PANEL_PORT });
  port.onMessage.addListener((message: unknown) => {
    const update = message as PanelParagraph;
    if (update?.type === 'paragraph' && update.tabId === tabId) onParagraph(update.paragraph);
  });
  const follow: PanelFollow = { type: 'follow', tabId };
  port.postMessage(follow);
  return () => port.disconnect();
}

/**
 * The tab the panel works for: `?tab=<id>` in the panel's address when given (an e2e test, or a panel
 * opened in a tab), otherwise the active tab of the panel's window.
 */
export async function targetTabId(location: Location = window.location): Promise<number | undefined> {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromUrl) && fromUrl > 0) return fromUrl;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}
