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
/** How long after the panel's window gets the focus the panel page knows whether it has it. */
const FOCUS_SETTLES_MS = 100;

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
 * Which tab the panel works for, as the user moves between windows. Pure (the browser's events are
 * fed in by `watchTargetTab`), so it is unit-tested.
 *
 * The side panel (Chrome) and the sidebar (Firefox) belong to one window: its active tab is the one.
 * But a webmail may open its compose page in a pop-up window (Roundcube's « Ouvrir dans une nouvelle
 * fenêtre »), which has no panel of its own: while the user writes there, the panel follows the
 * pop-up's tab. When the focus comes back to the panel's window, it keeps following the pop-up if the
 * focus is in the panel itself (that is how « Insérer » is clicked), and goes back to its window's
 * active tab if the user went back to the page; likewise when the user switches tabs there, or when
 * the pop-up closes. Another ordinary window has its own panel, and is left to it.
 */
export interface TabChooser {
  readonly target: number | undefined;
  /** The panel's own window and its active tab, once known. */
  start(windowId: number | undefined, activeTabId: number | undefined): void;
  /** A tab became active in some window. */
  activated(tabId: number, windowId: number): void;
  /**
   * A window got the focus (`undefined`: none of the browser's windows has it); `panelHasFocus` when
   * it is the panel's window and the focus is in the panel, not in the page beside it.
   */
  focused(window: { id: number; type?: string; activeTabId?: number } | undefined, panelHasFocus?: boolean): void;
  /** A tab was closed. */
  removed(tabId: number): void;
}

export function createTabChooser(onChange: (tabId: number | undefined) => void): TabChooser {
  let own: number | undefined;
  let ownActive: number | undefined;
  let popup: { windowId: number; tabId: number } | undefined;
  let reported: number | undefined | null = null;
  const target = () => popup?.tabId ?? ownActive;
  const report = () => {
    const now = target();
    if (now === reported) return;
    reported = now;
    onChange(now);
  };
  return {
    get target() {
      return target();
    },
    start(windowId, activeTabId) {
      own = windowId;
      ownActive = activeTabId;
      report();
    },
    activated(tabId, windowId) {
      if (windowId === own) {
        ownActive = tabId;
        popup = undefined;
      } else if (windowId === popup?.windowId) popup = { windowId, tabId };
      else return;
      report();
    },
    focused(window, panelHasFocus = false) {
      if (!window) return;
      if (window.id === own) {
        if (!popup || panelHasFocus) return;
        popup = undefined;
      } else if (window.type === 'popup' && window.activeTabId !== undefined) popup = { windowId: window.id, tabId: window.activeTabId };
      else return;
      report();
    },
    removed(tabId) {
      if (tabId === popup?.tabId) popup = undefined;
      else if (tabId === ownActive) ownActive = undefined;
      else return;
      report();
    },
  };
}

/**
 * The tab the panel works for: `?tab=<id>` when given, otherwise the active tab of the panel's
 * window, updated each time the user switches tabs there, or a pop-up window's tab while the user
 * writes there (`createTabChooser`). Calls `onTab` at once and on every change; returns a function
 * that stops watching.
 */
export function watchTargetTab(onTab: (tabId: number | undefined) => void, location: Pick<Location, 'search'> = window.location): () => void {
  const fixed = tabFromAddress(location);
  if (fixed !== undefined) {
    onTab(fixed);
    return () => undefined;
  }
  let stopped = false;
  let ownWindow: number | undefined;
  const chooser = createTabChooser((tabId) => {
    if (!stopped) onTab(tabId);
  });
  const onActivated = (info: { tabId: number; windowId: number }) => chooser.activated(info.tabId, info.windowId);
  const onRemoved = (tabId: number) => chooser.removed(tabId);
  const onFocusChanged = (windowId: number) => {
    if (windowId === browser.windows.WINDOW_ID_NONE) return;
    if (windowId === ownWindow) {
      // Whether the click went to the panel or to the page beside it is known once the focus has moved.
      setTimeout(() => {
        if (!stopped) chooser.focused({ id: windowId }, document.hasFocus());
      }, FOCUS_SETTLES_MS);
      return;
    }
    void browser.windows
      .get(windowId, { populate: true })
      .then((win) => {
        if (!stopped) chooser.focused({ id: windowId, type: win.type, activeTabId: win.tabs?.find((tab) => tab.active)?.id });
      })
      .catch(() => undefined); // closed meanwhile
  };
  // From the panel to the page beside it, the window keeps the focus: no event above says so, but the panel's
  // page loses it. Back to the page (the window still focused, the panel not): follow the page again.
  const onBlur = () => {
    setTimeout(() => {
      void browser.windows
        .getLastFocused()
        .then((win) => {
          if (!stopped && win.id !== undefined && win.id === ownWindow) chooser.focused({ id: win.id }, document.hasFocus());
        })
        .catch(() => undefined);
    }, FOCUS_SETTLES_MS);
  };
  browser.tabs.onActivated.addListener(onActivated);
  browser.tabs.onRemoved.addListener(onRemoved);
  browser.windows.onFocusChanged.addListener(onFocusChanged);
  window.addEventListener('blur', onBlur);
  void browser.windows
    .getCurrent()
    .then(async (win) => {
      ownWindow = win.id;
      const [tab] = await browser.tabs.query({ active: true, windowId: win.id });
      if (!stopped) chooser.start(win.id, tab?.id);
    })
    .catch((error: unknown) => {
      console.warn('Positions: cannot tell which tab is active.', error);
      if (!stopped) chooser.start(undefined, undefined);
    });
  return () => {
    stopped = true;
    browser.tabs.onActivated.removeListener(onActivated);
    browser.tabs.onRemoved.removeListener(onRemoved);
    browser.windows.onFocusChanged.removeListener(onFocusChanged);
    window.removeEventListener('blur', onBlur);
  };
}
