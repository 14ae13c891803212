import { useCallback, useEffect, useState } from 'preact/hooks';
import type { LibrarySummary } from '../data/protocol';
import { sendMessage } from '../utils/messaging';

export type Query<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; value: T };

/** Asks the background what the library holds; `retry` asks again. */
export function useLibrarySummary(load: () => Promise<LibrarySummary> = () => sendMessage('library/summary', undefined)) {
  const [query, setQuery] = useState<Query<LibrarySummary>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setQuery({ status: 'loading' });
    load().then(
      (value) => current && setQuery({ status: 'ready', value }),
      (error: unknown) => current && setQuery({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
    // Only `retry` asks again: `load` is a new function on every render and must not re-trigger.
  }, [attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { query, retry };
}
