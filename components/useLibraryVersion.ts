import { useEffect, useState } from 'preact/hooks';
import { watchLibraryUpdates } from '../utils/libraryUpdates';

/**
 * A number that goes up each time the background says the library changed: put in a query's key, it makes a view
 * loaded once (the catalog, the totals, a search's hits) read the library again, without a reload of the page.
 */
export function useLibraryVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => watchLibraryUpdates(() => setVersion((n) => n + 1)), []);
  return version;
}
