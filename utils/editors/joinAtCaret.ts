/**
 * How inserted wording meets the text around the caret, as a writer would join it: a space after
 * the sentence before it (« …avec la justice. Les préfectures… »), nothing at the start of an empty
 * paragraph or after an opening bracket or quote, a space before the next word when the caret was
 * in the middle of a line, and never two spaces. Pure: the content script calls it with the text it
 * reads around the caret, whatever the editor, and so does anything that composes the insert.
 *
 * @example
 *   joinAtCaret('…avec la justice.', 'Les préfectures…', '').text   // → ' Les préfectures…'
 *   joinAtCaret('', 'Les préfectures…', '').text                    // → 'Les préfectures…'
 *   joinAtCaret('Nous demandons ', 'que…', ' et')                   // → 'que…' (spaces already there)
 */

/** Any white space, the no-break ones included (French typography, editors' trailing nbsp). */
const SPACE = /[\s\u00A0\u202F\u2009\u200B]/u;
/** Characters after which a word is glued: opening brackets, opening quotes, an apostrophe, a line start. */
const GLUED_AFTER = /[([{«“‘'’/\-–—]$/u;
/** Characters before which nothing is added: closing punctuation. */
const GLUED_BEFORE = /^[)\]}».,;:!?…”’/]/u;

export interface Joined {
  /** The text to insert at the caret: the wording with the spaces it needs. */
  text: string;
  /** What was added before and after the wording ('' or ' '). */
  lead: string;
  trail: string;
}

/**
 * `before`: the text of the caret's paragraph up to the caret (only its last characters matter);
 * `after`: from the caret to the end of the paragraph. `insert` is trimmed of its own outer spaces.
 */
export function joinAtCaret(before: string, insert: string, after: string): Joined {
  const wording = insert.replace(/^[\s\u00A0\u202F]+|[\s\u00A0\u202F]+$/gu, '');
  if (!wording) return { text: '', lead: '', trail: '' };
  const last = before.slice(-1);
  const first = after.slice(0, 1);
  const lead = before === '' || SPACE.test(last) || GLUED_AFTER.test(before) || GLUED_BEFORE.test(wording) ? '' : ' ';
  const trail = after === '' || SPACE.test(first) || GLUED_BEFORE.test(after) || GLUED_AFTER.test(wording) ? '' : ' ';
  return { text: `${lead}${wording}${trail}`, lead, trail };
}
