/**
 * The panel's side of the selection menu: take the words the background keeps for this window
 * (`panel/takeSearch`), at start and each time the background says some are waiting.
 */
import { browser } from 'wxt/browser';
import type { PanelSearchReady } from '../data/protocol';
import { sendMessage } from './messaging';

/** Calls `onText` with each look-up handed to this window's panel. Returns a function that stops listening. */
export function watchPendingSearch(onText: (text: string) => void): () => void {
  let windowId: number | undefined;
  let stopped = false;
  const take = () =>
    sendMessage('panel/takeSearch', { windowId }).then(
      (pending) => pending && !stopped && onText(pending.text),
      (error: unknown) => console.warn('Positions: could not read the selection to look up.', error),
    );
  const listener = (message: unknown) => {
    const ready = message as PanelSearchReady;
    if (ready?.channel !== 'positions' || ready.type !== 'panel/searchReady') return;
    if (ready.windowId !== undefined && windowId !== undefined && ready.windowId !== windowId) return;
    void take();
  };
  browser.runtime.onMessage.addListener(listener);
  void browser.windows
    .getCurrent()
    .then((win) => (windowId = win.id))
    .catch(() => undefined)
    .then(take);
  return () => {
    stopped = true;
    browser.runtime.onMessage.removeListener(listener);
  };
}

/** `?q=…` in the panel's address: open in search mode with these words (tests; Firefox's sidebar has no other way in). */
export function searchFromAddress(location: Pick<Location, 'search'> = window.location): string | undefined {
  const params = new URLSearchParams(location.search);
  const q = params.get('q')?.trim();
  return q || (params.get('mode') === 'search' ? '' : undefined);
}
