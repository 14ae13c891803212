/**
 * One value kept in `storage.session` under `key`: memory the browser keeps while it runs, across
 * service-worker restarts, never written to disk, and by default unreadable by content scripts.
 */
import { browser } from 'wxt/browser';
import type { RelayStore } from './createEditorRelay';

export function sessionStore(key: string): RelayStore {
  const area = browser.storage.session;
  return {
    load: async () => (await area.get(key))[key] as Awaited<ReturnType<RelayStore['load']>>,
    save: (value) => area.set({ [key]: value }),
  };
}
