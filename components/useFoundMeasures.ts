import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Suggestion } from '../data/protocol';
import { isOurs } from '../data/library/schema';

/**
 * The measures the suggestions found in the draft so far, in the order they came up: the first
 * measure of each of the Collectif's wordings offered for a paragraph of the followed tab. The
 * letter outline offers them (« Reprendre les mesures trouvées dans le brouillon »). Forgotten
 * when the panel follows another tab.
 */
export function useFoundMeasures(tabId: number | undefined): [string[], (results: Suggestion[]) => void] {
  const [found, setFound] = useState<string[]>([]);
  useEffect(() => setFound([]), [tabId]);
  const onResults = useCallback((results: Suggestion[]) => {
    const keys = results.filter((r) => isOurs(r.author) && r.measures.length).map((r) => r.measures[0]!);
    setFound((now) => {
      const added = [...new Set(keys)].filter((key) => !now.includes(key));
      return added.length ? [...now, ...added] : now;
    });
  }, []);
  return [found, onResults];
}
