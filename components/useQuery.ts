import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Query<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; value: T };

/**
 * Runs `load` when `key` changes and keeps its latest answer; an answer to an older key is dropped.
 * `undefined` as the key means nothing to load (status `idle`). `retry` loads the same key again.
 * `refresh`: a number that, when it changes, reads the same key again (the library's version, `useLibraryVersion`).
 */
export function useQuery<T>(key: string | undefined, load: () => Promise<T>, options: { refresh?: number } = {}) {
  const [query, setQuery] = useState<Query<T> | { status: 'idle' }>({ status: key === undefined ? 'idle' : 'loading' });
  const [attempt, setAttempt] = useState(0);
  const lastKey = useRef<string | undefined>(undefined);
  useEffect(() => {
    const keep = key === lastKey.current;
    lastKey.current = key;
    if (key === undefined) {
      setQuery({ status: 'idle' });
      return;
    }
    let current = true;
    // The same key read again (the library changed): the last answer stays on screen meanwhile, and stays if that read
    // fails. A new key shows loading, then its answer or its error.
    setQuery((q) => (keep && q.status === 'ready' ? q : { status: 'loading' }));
    load().then(
      (value) => current && setQuery({ status: 'ready', value }),
      (error: unknown) => {
        if (!current) return;
        setQuery((q) => {
          if (keep && q.status === 'ready') {
            console.warn('Positions: reading the library again failed; the last answer stays.', error);
            return q;
          }
          return { status: 'error', error };
        });
      },
    );
    return () => {
      current = false;
    };
    // `key` stands for everything `load` reads: `load` itself is a new function on every render.
  }, [key, attempt, options.refresh]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { query, retry };
}
