import type { LibrarySummary } from '../data/protocol';
import { sendMessage } from '../utils/messaging';
import { useQuery, type Query } from './useQuery';

/** Asks the background what the library holds; `retry` asks again. */
export function useLibrarySummary(load: () => Promise<LibrarySummary> = () => sendMessage('library/summary', undefined)) {
  const { query, retry } = useQuery('library/summary', load);
  // The key never changes and is never `undefined`: the query is never idle.
  return { query: query as Query<LibrarySummary>, retry };
}
