/**
 * Looking a position up, as the side panel's search box and the browse-by-measure view do:
 * a measure reference (« mesure 5 », « 4 bis ») lists that measure's positions; a short
 * look-up (a name, an acronym, a few words, typos included) goes through Fuse.js; a longer
 * text is a paragraph and goes through the matching engine. Filters by measure, theme
 * and author apply to all three.
 */
import Fuse from 'fuse.js';
import type { Matcher } from './match';
import { measureRefs } from './measureRefs';
import { isOurs, type AuthorId, type Library, type Position } from '../library/schema';

export interface SearchQuery {
  /** What the user typed; empty lists the filtered positions in library order. */
  text?: string;
  measure?: string;
  theme?: string;
  /** `ours`: only the Collectif's and its members' wording. */
  authors?: 'ours' | 'all' | AuthorId;
  limit?: number;
}

export interface SearchHit {
  position: Position;
  /** Character ranges of the wording that matched the look-up. */
  highlights: [number, number][];
}

/** Up to this many words, a look-up is a look-up (Fuse.js); beyond, a paragraph (the engine). */
const SHORT_QUERY_WORDS = 5;

export function createSearch(library: Library, matcher: Matcher) {
  const measureKeys = new Set(library.measures.map((m) => m.key));
  const fuse = new Fuse(library.positions, {
    keys: [
      { name: 'text', weight: 1 },
      { name: 'speaker', weight: 0.6 },
      { name: 'organisation', weight: 0.6 },
      { name: 'section', weight: 0.4 },
    ],
    includeMatches: true,
    ignoreLocation: true,
    ignoreDiacritics: true,
    threshold: 0.3,
    minMatchCharLength: 3,
  });
  const byId = new Map(library.positions.map((p) => [p.id, p]));

  function keep(q: SearchQuery) {
    return (p: Position) =>
      (!q.measure || p.measures.includes(q.measure)) &&
      (!q.theme || p.themes.includes(q.theme)) &&
      (!q.authors || q.authors === 'all' || (q.authors === 'ours' ? isOurs(p.author) : p.author === q.authors));
  }

  return function search(q: SearchQuery): SearchHit[] {
    const limit = q.limit ?? 50;
    const text = (q.text ?? '').trim();
    const filter = keep(q);
    if (!text) return library.positions.filter(filter).slice(0, limit).map((position) => ({ position, highlights: [] }));
    const refs = measureRefs(/^\d/.test(text) ? `mesure ${text}` : text, 'PAN1', measureKeys);
    if (refs.length && text.split(/\s+/).length <= 4)
      return library.positions
        .filter((p) => p.measures.some((m) => refs.includes(m)) && filter(p))
        .sort((a, b) => Number(isOurs(b.author)) - Number(isOurs(a.author)))
        .slice(0, limit)
        .map((position) => ({ position, highlights: [] }));
    if (text.split(/\s+/).length <= SHORT_QUERY_WORDS) {
      return fuse
        .search(text, { limit: limit * 3 })
        .filter((r) => filter(r.item))
        .slice(0, limit)
        .map((r) => ({
          position: r.item,
          highlights: (r.matches ?? []).filter((m) => m.key === 'text').flatMap((m) => m.indices.map(([a, b]) => [a, b + 1] as [number, number])),
        }));
    }
    return matcher
      .match(text, { k: limit })
      .map((r) => ({ position: byId.get(r.id)!, highlights: r.highlights }))
      .filter((h) => h.position && filter(h.position));
  };
}

export type Search = ReturnType<typeof createSearch>;
