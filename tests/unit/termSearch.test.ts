/**
 * The engine's BM25 (termSearch.ts) replaced MiniSearch's inverted index on the promise of the
 * same scores: these tests hold it to that against a real MiniSearch fed the same stems, on
 * the shipped library, before and after a source is added and another removed (MiniSearch
 * vacuumed, as it cleans removed documents up).
 */
import MiniSearch from 'minisearch';
import { describe, expect, test } from 'vitest';
import { addToIndex, buildIndex, removeFromIndex, type SearchIndex } from '../../data/engine/searchIndex';
import type { TermSearchOptions } from '../../data/engine/termSearch';
import { analyze } from '../../data/engine/normalise';
import { shippedLibrary } from '../../data/tools/cli-lib';

const library = shippedLibrary();
const index = buildIndex(library);

/** MiniSearch over the same analysed wordings, as the engine used it before. */
function reference(ix: SearchIndex): MiniSearch<{ id: string; text: string }> {
  const mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], tokenize: (s) => (s ? s.split(' ') : []), processTerm: (t) => t });
  mini.addAll(ix.library.positions.map((p) => ({ id: p.id, text: [...ix.features.get(p.id)!.stems].map((s) => ix.vocab.stems[s]).join(' ') })));
  return mini;
}

// What the engine asks: rare words with typo tolerance (fuzzy weight 0.3), synonyms and associations without.
const typos = (t: string) => (t.length >= 6 && index.df(t) === 0 ? 0.2 : false);
const QUERIES: { why: string; text: string; opts: TermSearchOptions; mini: object }[] = [
  { why: 'one rare word', text: 'proxénétisme', opts: {}, mini: {} },
  { why: 'several words, some in many passages', text: 'hébergement sécurisé des victimes mineures à Paris', opts: {}, mini: {} },
  { why: 'typos read as the library’s words', text: 'hebergemnt des mineurs isolés, tests ossseux', opts: { fuzzy: typos, fuzzyWeight: 0.3 }, mini: { fuzzy: typos, weights: { fuzzy: 0.3, prefix: 0.3 } } },
  { why: 'words the library never uses', text: 'kermesse cantine mutuelle', opts: {}, mini: {} },
];

function expectSame(ix: SearchIndex, mini: MiniSearch<{ id: string; text: string }>) {
  for (const q of QUERIES) {
    const terms = [...new Set(analyze(q.text))];
    const ours = ix.search(terms, q.opts).map((r) => [r.id, r.score]);
    const theirs = mini.search({ combineWith: 'OR', queries: terms, ...q.mini } as never).map((r) => [r.id, r.score]);
    expect(ours, q.why).toEqual(theirs);
  }
  // The gate's typo reading: the word one letter away that the best passage holds.
  for (const typo of ['ossseux', 'proxenetsme', 'trafficking']) {
    const [best] = mini.search(typo, { fuzzy: 1 });
    expect(ix.nearestTerm(typo, 1), typo).toBe(best?.terms.find((t) => t !== typo));
  }
}

describe('BM25 over the index’s postings scores as MiniSearch does', () => {
  test('on the shipped library: same passages, same scores, same order', () => {
    expectSame(index, reference(index));
  });

  test('after a source is added and another removed, in place', async () => {
    const added = library.positions.slice(0, 40).map((p, i) => ({ ...p, id: `test-import:${i}`, sourceId: 'test-import' }));
    const mini = reference(index);
    addToIndex(index, added);
    mini.addAll(added.map((p) => ({ id: p.id, text: [...index.features.get(p.id)!.stems].map((s) => index.vocab.stems[s]).join(' ') })));
    const gone = [library.positions[5].id, added[3].id, library.positions[200].id];
    removeFromIndex(index, gone);
    for (const id of gone) mini.discard(id);
    await mini.vacuum();
    expectSame(index, mini);
  });
});

describe('hits left unsorted (`sorted: false`), for callers that read them all', () => {
  test('the same hits with the same scores, the best first met among equals', () => {
    for (const q of QUERIES) {
      const terms = [...new Set(analyze(q.text))];
      const sorted = index.rank(terms, q.opts);
      const loose = index.rank(terms, { ...q.opts, sorted: false });
      const bySlot = (hits: typeof sorted) => [...hits].sort((a, b) => a.slot - b.slot);
      expect(bySlot(loose), q.why).toEqual(bySlot(sorted));
      let best = loose[0];
      for (const h of loose) if (h.score > best.score) best = h;
      expect(best, q.why).toEqual(sorted[0]);
    }
  });

  test('read where the search keeps them (`scored`): the same hits in the same order, until the next search', () => {
    for (const q of QUERIES) {
      const terms = [...new Set(analyze(q.text))];
      const loose = index.rank(terms, { ...q.opts, sorted: false });
      const flat = index.scored(terms, q.opts);
      expect(flat.slots.map((slot) => ({ slot, score: flat.score(slot), matched: flat.matched(slot) })), q.why).toEqual(loose);
    }
  });
});

describe('the matched-term count (coordination)', () => {
  const terms = [...new Set(analyze('hébergement sécurisé des victimes mineures à Paris'))];
  // Its own index: the tests above add and remove passages in the shared one.
  const ix = buildIndex(library);
  const mini = reference(ix);
  const theirs = new Map(mini.search({ combineWith: 'OR', queries: terms } as never).map((r) => [r.id as string, r]));

  test('0 gives the plain Okapi sum: MiniSearch’s score divided by the number of terms matched', () => {
    const ours = ix.search(terms, { coordination: 0 });
    expect(ours.length).toBe(theirs.size);
    for (const r of ours) {
      const m = theirs.get(r.id)!;
      expect(r.score).toBeCloseTo(m.score / m.terms.length, 9);
    }
  });

  test('a passage holding one telling word can then outrank one holding several common ones', () => {
    const rank = (coordination: number) => ix.search(terms, { coordination }).map((r) => r.id);
    const single = [...theirs.values()].filter((m) => m.terms.length === 1).map((m) => m.id as string);
    const best = (ids: string[], of: string[]) => Math.min(...of.map((id) => ids.indexOf(id)));
    expect(best(rank(0), single)).toBeLessThan(best(rank(1), single));
  });
});
