import { useCallback, useEffect, useState } from 'preact/hooks';
import { readSettings, SETTINGS_KEY, type Settings } from './settings';

/** The settings as stored now (extension pages share `localStorage`). */
export function loadSettings(): Settings {
  try {
    return readSettings(globalThis.localStorage?.getItem(SETTINGS_KEY) ?? null);
  } catch {
    return readSettings(null);
  }
}

/** Calls `listener` when another page (the options page, another panel) changes the settings. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === SETTINGS_KEY) listener(readSettings(event.newValue));
  };
  globalThis.addEventListener?.('storage', onStorage);
  return () => globalThis.removeEventListener?.('storage', onStorage);
}

/** The settings, kept current, and a way to change some of them. */
export function useSettings(): [Settings, (change: Partial<Settings>) => void] {
  const [settings, setSettings] = useState(loadSettings);
  useEffect(() => watchSettings(setSettings), []);
  const update = useCallback((change: Partial<Settings>) => {
    const next = { ...loadSettings(), ...change };
    const text = JSON.stringify(next);
    globalThis.localStorage?.setItem(SETTINGS_KEY, text);
    setSettings(next);
    // Other pages hear the change through `storage`; this page tells itself (the language re-renders it).
    globalThis.dispatchEvent?.(new StorageEvent('storage', { key: SETTINGS_KEY, newValue: text }));
  }, []);
  return [settings, update];
}
