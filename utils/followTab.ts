/**
 * For the side panel: which tab it works for, and that tab's paragraph as the user writes.
 *
 * The paragraph comes through the `panel` port (`data/protocol.ts`: PanelFollow, PanelParagraph;
 * the background side is `utils/background/servePanels.ts`).
 */
import { browser, type Browser } from 'wxt/browser';
import { PANEL_PORT, type FocusedParagraph, type PanelFollow, type PanelParagraph } from '../data/protocol';

/**
 * Chrome stops an idle extension service worker after about 30 seconds, and with it the port and
 * the background's memory of where the user was writing (so « Insérer » would find no editor).
 * A message on the port counts as activity (Chrome 114+), so an open panel sends one this often.
 */
const KEEP_ALIVE_MS = 20_000;
/** After the port dropped (background restarted, extension updated), try again this soon. */
const RECONNECT_MS = 1_000;

/**
 * Follows one tab's paragraph. Connects the `panel` port, asks for `tabId`, and calls `onParagraph`
 * with its current paragraph at once and after every change (`undefined` when the user left the
 * editor). Keeps the background awake while following, and reconnects if the port drops; right
 * after a reconnect an empty answer only means the background forgot, so it is not passed on.
 * Returns a function that stops following.
 */
export function followTab(tabId: number, onParagraph: (paragraph: FocusedParagraph | undefined) => void): () => void {
  let port: Browser.runtime.Port | undefined;
  let stopped = false;
  let reconnected = false;
  let retry: ReturnType<typeof setTimeout> | undefined;

  const connect = () => {
    if (stopped) return;
    try {
      port = browser.runtime.connect({ name: PANEL_PORT });
    } catch (error) {
      // The extension itself was reloaded: this page is orphaned and will be closed by the browser.
      console.warn('Positions: cannot reach the background.', error);
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      const update = message as PanelParagraph;
      if (update?.type !== 'paragraph' || update.tabId !== tabId) return;
      if (reconnected && update.paragraph === undefined) return;
      reconnected = false;
      onParagraph(update.paragraph);
    });
    port.onDisconnect.addListener(() => {
      port = undefined;
      if (stopped) return;
      reconnected = true;
      retry = setTimeout(connect, RECONNECT_MS);
    });
    const follow: PanelFollow = { type: 'follow', tabId };
    port.postMessage(follow);
  };

  connect();
  // The background ignores anything but `follow`; receiving it is what keeps it awake.
  const keepAlive = setInterval(() => port?.postMessage({ type: 'keep-alive' }), KEEP_ALIVE_MS);
  return () => {
    stopped = true;
    clearInterval(keepAlive);
    clearTimeout(retry);
    port?.disconnect();
  };
}

/** `?tab=<id>` in the panel's address: follow that tab only (an e2e test, or the panel opened in a tab). */
export function tabFromAddress(location: Pick<Location, 'search'> = window.location): number | undefined {
  const fromUrl = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(fromUrl) && fromUrl > 0 ? fromUrl : undefined;
}

/**
 * The tab the panel works for: `?tab=<id>` when given, otherwise the active tab of the panel's
 * window, updated each time the user switches tabs there. Calls `onTab` at once and on every change;
 * returns a function that stops watching.
 */
export function watchTargetTab(onTab: (tabId: number | undefined) => void, location: Pick<Location, 'search'> = window.location): () => void {
  const fixed = tabFromAddress(location);
  if (fixed !== undefined) {
    onTab(fixed);
    return () => undefined;
  }
  let windowId: number | undefined;
  let stopped = false;
  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (!stopped && info.windowId === windowId) onTab(info.tabId);
  };
  browser.tabs.onActivated.addListener(onActivated);
  // The side panel (Chrome) and the sidebar (Firefox) belong to one window: its active tab is the one.
  void browser.windows
    .getCurrent()
    .then(async (win) => {
      windowId = win.id;
      const [tab] = await browser.tabs.query({ active: true, windowId });
      if (!stopped) onTab(tab?.id);
    })
    .catch((error: unknown) => {
      console.warn('Positions: cannot tell which tab is active.', error);
      if (!stopped) onTab(undefined);
    });
  return () => {
    stopped = true;
    browser.tabs.onActivated.removeListener(onActivated);
  };
}
