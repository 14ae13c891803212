/**
 * Spaces and typographic variants aside, is `wording` already in `paragraph`? Asked by the panel (its copy of
 * the paragraph) and by the page before an insert (the paragraph read at that moment), so both read it alike.
 */
export function alreadyIn(paragraph: string | undefined, wording: string): boolean {
  if (!paragraph) return false;
  const loose = (s: string) => s.replace(/[\s\u00A0\u202F]+/g, ' ').replace(/[’‘]/g, "'").trim();
  return loose(paragraph).includes(loose(wording));
}
