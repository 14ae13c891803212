/**
 * The library changed: the background says so once the engine follows (`library/changed` answered), and every open
 * extension page that loaded something from it once hears it (`LibraryUpdated`).
 */
import { browser } from 'wxt/browser';
import type { LibraryUpdated } from '../data/protocol';

const UPDATED: LibraryUpdated = { channel: 'positions', type: 'library/updated' };

/** In the background. No open page is not an error: the next page to open reads the library as it is. */
export function announceLibraryUpdated(): void {
  browser.runtime.sendMessage(UPDATED).catch(() => undefined);
}

/** In an extension page: calls `onUpdate` at each change. Returns how to stop listening. */
export function watchLibraryUpdates(onUpdate: () => void): () => void {
  const listener = (message: unknown) => {
    const m = message as LibraryUpdated | undefined;
    if (m?.channel === 'positions' && m.type === 'library/updated') onUpdate();
    // No answer: other listeners (and the sender) are not kept waiting.
    return undefined;
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
