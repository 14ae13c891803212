import type { LibrarySummary } from '../data/protocol';
import { sendMessage } from '../utils/messaging';
import { useLibraryVersion } from './useLibraryVersion';
import { useQuery, type Query } from './useQuery';

/** Asks the background what the library holds, and again when it changes; `retry` asks again. */
export function useLibrarySummary(load: () => Promise<LibrarySummary> = () => sendMessage('library/summary', undefined)) {
  const version = useLibraryVersion();
  const { query, retry } = useQuery('library/summary', load, { refresh: version });
  // The key is never `undefined`: the query is never idle.
  return { query: query as Query<LibrarySummary>, retry };
}
