/**
 * The ways to reach the panel without the toolbar: the selection menu « Chercher « … » dans les
 * positions » (opens the panel in search mode with the selected words) and the keyboard shortcut
 * (`commands` in wxt.config.ts; Firefox toggles its sidebar itself with `_execute_sidebar_action`).
 *
 * The panel cannot be given the words when it opens (its address is fixed), so they wait here until
 * it asks (`panel/takeSearch`), and an already open panel is told to ask (`panel/searchReady`).
 */
import { browser } from 'wxt/browser';
import type { Handlers } from '../../data/service';
import type { PanelSearchReady, PendingSearch } from '../../data/protocol';
import { t } from '../i18n';
import { openSidePanel } from '../openSidePanel';

export const SEARCH_MENU_ID = 'positions-search-selection';
export const OPEN_PANEL_COMMAND = 'open-side-panel';
/** A look-up not taken within this time is dropped (the panel failed to open, or was closed). */
const PENDING_MS = 30_000;
/** Selected text past this length is cut: a look-up is a few words or a paragraph, not a page. */
const MAX_SELECTION = 2_000;

export type ShortcutHandlers = Pick<Handlers, 'panel/takeSearch'>;

/** Tells open extension pages a look-up is waiting; rejects when none listens (the panel is still opening). */
function broadcast(ready: PanelSearchReady): Promise<unknown> {
  return browser.runtime.sendMessage(ready);
}

export function createSearchHandoff(deps: { now?: () => number; notify?: (ready: PanelSearchReady) => Promise<unknown> } = {}) {
  const { now = Date.now, notify = broadcast } = deps;
  let pending: (PendingSearch & { at: number }) | undefined;
  const handlers: ShortcutHandlers = {
    'panel/takeSearch': async ({ windowId }) => {
      const taken = pending;
      if (!taken || now() - taken.at > PENDING_MS) return undefined;
      // A panel in another window leaves it for its own panel.
      if (windowId !== undefined && taken.windowId !== undefined && windowId !== taken.windowId) return undefined;
      pending = undefined;
      return { text: taken.text, windowId: taken.windowId };
    },
  };
  return {
    handlers,
    /** Keeps `text` for the panel of `windowId` and tells an open panel to take it. */
    offer(text: string, windowId?: number) {
      pending = { text: text.trim().slice(0, MAX_SELECTION), windowId, at: now() };
      // No listener yet is fine: a panel that is still opening asks when it starts.
      notify({ channel: 'positions', type: 'panel/searchReady', windowId }).catch(() => undefined);
    },
  };
}

export type SearchHandoff = ReturnType<typeof createSearchHandoff>;

/** Registers the selection menu and the shortcut. Call once when the background starts. */
export function serveShortcuts(handoff: SearchHandoff): void {
  // Menus survive a restart in Chrome but not in Firefox: start from a clean slate each time.
  void browser.contextMenus
    .removeAll()
    .then(() => browser.contextMenus.create({ id: SEARCH_MENU_ID, title: t('contextMenuSearch'), contexts: ['selection'] }))
    .catch((error: unknown) => console.warn('Positions: the selection menu could not be added.', error));

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== SEARCH_MENU_ID || !info.selectionText) return;
    // First, while the click still counts as the user's gesture: nothing may be awaited before.
    openSidePanel(tab?.windowId).catch((error: unknown) => console.warn('Positions: the panel could not be opened.', error));
    handoff.offer(info.selectionText, tab?.windowId);
  });

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== OPEN_PANEL_COMMAND) return;
    openSidePanel(tab?.windowId).catch((error: unknown) => console.warn('Positions: the panel could not be opened.', error));
  });
}
