import { useEffect, useRef, useState } from 'preact/hooks';
import type { FocusedParagraph, Suggestion } from '../data/protocol';
import { sendMessage } from '../utils/messaging';

export interface Suggestions {
  /** The cards shown: the latest answer, kept while the next one is on its way (never a blank flash). */
  results: Suggestion[];
  /** `idle`: not writing; `loading`: an answer is on its way; `ready`: `results` answer the paragraph. */
  status: 'idle' | 'loading' | 'ready' | 'error';
  error?: unknown;
}

/** The look-up for a paragraph: a short one is read with its neighbour, as the page sends it. */
export function matchText(paragraph: Pick<FocusedParagraph, 'text' | 'context'>): string {
  return paragraph.context ? `${paragraph.context}\n\n${paragraph.text}` : paragraph.text;
}

/**
 * The suggestions for the paragraph being written. The page already waits for a pause in the
 * typing, so every paragraph is asked for at once; an answer that arrives after a newer question is
 * dropped. An empty paragraph (a new line, another editor just clicked into) is the quiet state:
 * the cards of the paragraph before would be stale there.
 */
export function useSuggestions(paragraph: FocusedParagraph | undefined, k = 5): Suggestions {
  const [state, setState] = useState<Suggestions>({ results: [], status: 'idle' });
  const asked = useRef(0);
  const text = paragraph?.text.trim() ? matchText(paragraph) : undefined;

  useEffect(() => {
    if (text === undefined) {
      asked.current++;
      setState({ results: [], status: 'idle' });
      return;
    }
    const question = ++asked.current;
    setState((previous) => ({ ...previous, status: 'loading' }));
    sendMessage('library/match', { text, k }).then(
      (results) => question === asked.current && setState({ results, status: 'ready' }),
      (error: unknown) => question === asked.current && setState((previous) => ({ ...previous, status: 'error', error })),
    );
  }, [text, k]);

  return state;
}
