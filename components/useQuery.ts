import { useCallback, useEffect, useState } from 'preact/hooks';

export type Query<T> = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; value: T };

/**
 * Runs `load` when `key` changes and keeps its latest answer; an answer to an older key is dropped.
 * `undefined` as the key means nothing to load (status `idle`). `retry` loads the same key again.
 */
export function useQuery<T>(key: string | undefined, load: () => Promise<T>, options: { keepPrevious?: boolean } = {}) {
  const [query, setQuery] = useState<Query<T> | { status: 'idle' }>({ status: key === undefined ? 'idle' : 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (key === undefined) {
      setQuery({ status: 'idle' });
      return;
    }
    let current = true;
    // `keepPrevious`: the last answer stays on screen while the same thing is read again (the library changed), and
    // stays if that read fails; the first read still shows loading and errors.
    const keep = options.keepPrevious;
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
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { query, retry };
}
