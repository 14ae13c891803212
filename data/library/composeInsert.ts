/**
 * What « Insérer » puts in the page, composed by the background from the library, never taken
 * from the message: an extension page asks for *a position and a variant*, not for a string, so
 * no page (nor a bug in one) can insert words that are not verbatim from the library, and
 * the government's and the CNCDH's words can never go in as the Collectif's (rule 2), whatever
 * the UI shows. The formatting itself is `citation.ts`'s.
 */
import { CITATION_STYLES, quoteForLetter, type CitationStyle } from './citation';
import { outline } from './outline';
import { isDraftRemark, isOurs, type Library } from './schema';

/**
 * An insert request. `position`: one position's wording, `plain` (the wording alone) or `source`
 * (« wording » with its source, as « Insérer avec la source », in the options' citation `style`,
 * inline by default). `outline`: the letter outline of
 * `measures` (`outline.ts`: labels only around verbatim, cited quotations of the Collectif).
 */
export type InsertRequest =
  | { kind: 'position'; id: string; variant: 'plain' | 'source'; style?: CitationStyle }
  | { kind: 'outline'; measures: string[]; with?: string };

export const INSERT_VARIANTS = ['plain', 'source'] as const;

/** Refused insert requests: the sentence says why (for the console and the sender). */
export class InsertRefusedError extends Error {
  override name = 'InsertRefusedError';
}

/** The text to insert for `request`, from `library`; throws `InsertRefusedError` when it may not be inserted. */
export function composeInsert(library: Library, request: unknown): string {
  const o = request as Partial<Extract<InsertRequest, { kind: 'outline' }>> | null | undefined;
  if (o?.kind === 'outline') {
    if (!Array.isArray(o.measures) || !o.measures.every((m) => typeof m === 'string')) throw new InsertRefusedError('Positions: an outline insert needs the measures of the outline.');
    return outline(library, o.measures, { with: typeof o.with === 'string' ? o.with : undefined }).text.trimEnd();
  }
  const r = request as Partial<Extract<InsertRequest, { kind: 'position' }>> | null | undefined;
  if (r?.kind !== 'position') throw new InsertRefusedError(`Positions: cannot insert "${String(r?.kind)}"; an insert names a position ({ kind: 'position', id, variant }).`);
  if (typeof r.id !== 'string' || !r.id) throw new InsertRefusedError('Positions: an insert needs the id of a position.');
  if (!INSERT_VARIANTS.includes(r.variant as never)) throw new InsertRefusedError(`Positions: unknown insert variant "${String(r.variant)}" (plain or source).`);
  const position = library.positions.find((p) => p.id === r.id);
  if (!position) throw new InsertRefusedError(`Positions: no position "${r.id}" in the library.`);
  if (!isOurs(position.author)) {
    throw new InsertRefusedError(`Positions: position "${r.id}" is the ${position.author}'s wording; it is context and is never inserted as the Collectif's.`);
  }
  // A remark on a draft's wording is the Collectif's, but not wording for a letter (the card only copies it, cited).
  if (isDraftRemark(position)) throw new InsertRefusedError(`Positions: position "${r.id}" is a remark on a draft's wording; it is copied with its citation, never inserted.`);
  if (r.variant === 'plain') return position.text;
  if (r.style !== undefined && !CITATION_STYLES.includes(r.style)) throw new InsertRefusedError(`Positions: unknown citation style "${String(r.style)}" (inline, footnote or none).`);
  return quoteForLetter(position, library.sources.find((s) => s.id === position.sourceId), r.style ?? 'inline');
}
