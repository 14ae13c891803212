import { useEffect, useState } from 'preact/hooks';
import type { FocusedParagraph } from '../data/protocol';
import { followTab, watchTargetTab } from '../utils/followTab';

/** The tab the panel works for (`?tab=<id>`, or the active tab of its window, following tab switches). */
export function usePanelTab(): { tabId: number | undefined; known: boolean } {
  const [state, setState] = useState<{ tabId: number | undefined; known: boolean }>({ tabId: undefined, known: false });
  useEffect(() => watchTargetTab((tabId) => setState({ tabId, known: true })), []);
  return state;
}

/** That tab's paragraph as the user writes (`undefined` when not writing there). */
export function useParagraph(tabId: number | undefined): FocusedParagraph | undefined {
  const [paragraph, setParagraph] = useState<FocusedParagraph>();
  useEffect(() => {
    setParagraph(undefined);
    if (tabId === undefined) return;
    return followTab(tabId, setParagraph);
  }, [tabId]);
  return paragraph;
}
