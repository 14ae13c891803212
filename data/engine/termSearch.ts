/**
 * BM25 over the index's own postings (`Vocabulary`), scored exactly as MiniSearch 7 scores
 * a document whose field holds each stem once: same formula and parameters (k 1.2, b 0.7,
 * d 0.5), same running mean of field lengths, same fuzzy weights, same order of additions
 * (so the same floating-point sums), each matched query term multiplying the score as
 * MiniSearch's « quality » does, and the same stable order of results.
 *
 * Why not MiniSearch itself: its inverted index keeps a Map per stem of every passage
 * holding it, beside the postings the gate needs anyway (document frequencies,
 * co-occurrence). At twenty times the shipped library those Maps took 28 MiB of the
 * engine's 49 and half of each query's time, to return results as string-keyed objects
 * the engine turned back into maps. Here the postings are the gate's own sorted slot
 * lists, scores add up in typed arrays, and only MiniSearch's radix tree stays, for the
 * typo-tolerant lookup of terms (`SearchableMap.fuzzyGet`).
 */
import type SearchableMap from 'minisearch/SearchableMap';

/** What the search needs of the index: see `Vocabulary` in searchIndex.ts. */
export interface Postings {
  /** Stem → its id; the stem of each id; the slots holding each stem, ascending. */
  ids: Map<string, number>;
  postings: (readonly number[] | Int32Array)[];
  /** Every stem the index has seen, for fuzzy lookup (value: its id). */
  terms: SearchableMap<number>;
  /** Slots handed out so far; the position id and the number of distinct stems at each slot. */
  nextSlot: number;
  slotIds: (string | undefined)[];
  lengths: number[];
  /** Positions indexed and their mean number of stems (a running mean, as MiniSearch keeps it). */
  count: number;
  avgLength: number;
}

export interface TermHit {
  id: string;
  score: number;
}

/** A hit by slot, for callers that add scores up by slot. */
export interface SlotHit {
  slot: number;
  score: number;
  /** How many of the query's terms the position matched (what `coordination` raises to its power). */
  matched: number;
}

/**
 * The hits of one search in the order first met, read from the search's own scratch arrays rather than as one object
 * each (a sentence meets thousands of passages at twenty times the library): valid until that search is asked again.
 */
export interface FlatHits {
  readonly slots: readonly number[];
  score(slot: number): number;
  matched(slot: number): number;
}

export interface TermSearchOptions {
  /** Edit distance allowed for a term (a share of its length below 1), or false. */
  fuzzy?: (term: string) => number | false;
  /** Weight of a fuzzy match at distance 0 (MiniSearch's default: 0.45). */
  fuzzyWeight?: number;
  /** Only slots below this one, and the statistics as they are (used while a batch is added). */
  below?: number;
  /**
   * The power of the number of terms a position matches, by which its summed BM25 is
   * multiplied: 1 is MiniSearch's (and the default), 0 the plain Okapi sum.
   */
  coordination?: number;
  /**
   * False: the hits in the order positions were first met, not best first. For callers that read every
   * hit (sum them by slot, take the best): sorting them all was a sixth of a query's time at twenty times
   * the library. The best is the same either way, ties included (the first met).
   */
  sorted?: boolean;
}

// MiniSearch's defaults (`defaultBM25params`, `maxFuzzy`, `weights.fuzzy`).
const K = 1.2;
const B = 0.7;
const D = 0.5;
const MAX_FUZZY = 6;
const FUZZY_WEIGHT = 0.45;

/**
 * MiniSearch's `calcBM25Score`, term frequency 1, written the same way so it rounds the same way:
 * `idf(…) * lengthFactor(…)`. Split in two so that a term's idf is computed once, not once per
 * passage holding it, and a passage's length factor once per state of the statistics.
 */
function idf(matchingCount: number, totalCount: number): number {
  return Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
}
function lengthFactor(fieldLength: number, avgFieldLength: number): number {
  const termFreq = 1;
  return D + (termFreq * (K + 1)) / (termFreq + K * (1 - B + (B * fieldLength) / avgFieldLength));
}

/** MiniSearch's running mean of field lengths, on adding and on removing a document. */
export function addLength(v: Postings, slot: number, length: number): void {
  v.lengths[slot] = length;
  v.avgLength = (v.avgLength * v.count + length) / (v.count + 1);
  v.count++;
}

export function removeLength(v: Postings, slot: number): void {
  const length = v.lengths[slot];
  v.avgLength = v.count === 1 ? 0 : (v.avgLength * v.count - length) / (v.count - 1);
  v.count--;
}

/** Binary search in a sorted array of integers (a posting list, a passage's stem ids). */
export function sortedHas(a: ArrayLike<number>, x: number): boolean {
  return sortedIndex(a, x) >= 0;
}

/** Where `x` is in the sorted array, or -1. */
export function sortedIndex(a: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] === x) return mid;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** How many of the sorted postings are below `limit`. */
function countBelow(p: readonly number[] | Int32Array, limit: number): number {
  let n = p.length;
  while (n > 0 && p[n - 1] >= limit) n--;
  return n;
}

export function createTermSearch(v: Postings) {
  // Scratch space by slot, reused by every query: a stamp says whether a slot was touched by
  // the current term or query, so nothing needs clearing between queries.
  let total = new Float64Array(0);
  let part = new Float64Array(0);
  let quality = new Int32Array(0);
  let termStamp = new Int32Array(0);
  let queryStamp = new Int32Array(0);
  let stamps = 0;
  // Each slot's length factor, valid while the statistics it was computed with stay (`factorsOf`).
  let factors = new Float64Array(0);
  let factorsOf = { count: -1, avgLength: NaN, nextSlot: -1 };
  const grow = () => {
    if (total.length < v.nextSlot) {
      const n = Math.max(v.nextSlot, total.length * 2, 64);
      total = new Float64Array(n);
      part = new Float64Array(n);
      quality = new Int32Array(n);
      termStamp = new Int32Array(n);
      queryStamp = new Int32Array(n);
    }
    if (factorsOf.nextSlot === v.nextSlot && factorsOf.count === v.count && factorsOf.avgLength === v.avgLength) return;
    if (factors.length < total.length) {
      const more = new Float64Array(total.length);
      more.set(factors);
      factors = more;
    }
    // While a batch is added the statistics stay until its end (`addToIndex`): only the new slots need a factor.
    const from = factorsOf.count === v.count && factorsOf.avgLength === v.avgLength ? Math.max(0, factorsOf.nextSlot) : 0;
    for (let slot = from; slot < v.nextSlot; slot++) factors[slot] = lengthFactor(v.lengths[slot] ?? 0, v.avgLength);
    factorsOf = { count: v.count, avgLength: v.avgLength, nextSlot: v.nextSlot };
  };

  /** Adds one stem's BM25 scores (times `weight`) to `part`, noting slots first touched by this term in `touched`. */
  function scoreStem(id: number | undefined, weight: number, stamp: number, below: number, touched: number[]): void {
    if (id === undefined) return;
    const p = v.postings[id];
    const df = countBelow(p, below);
    const termIdf = idf(df, v.count);
    for (let i = 0; i < df; i++) {
      const slot = p[i];
      const s = weight * (termIdf * factors[slot]);
      if (termStamp[slot] !== stamp) {
        termStamp[slot] = stamp;
        part[slot] = s;
        touched.push(slot);
      } else part[slot] += s;
    }
  }

  /** Exact matches of the term, then its fuzzy matches in the radix tree's order. */
  function scoreTerm(term: string, opts: TermSearchOptions, stamp: number, below: number, touched: number[]): void {
    scoreStem(v.ids.get(term), 1, stamp, below, touched);
    const fuzzy = opts.fuzzy?.(term) ?? false;
    if (fuzzy === false || fuzzy === 0) return;
    const maxDistance = fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(term.length * fuzzy)) : fuzzy;
    if (!maxDistance) return;
    const weight = opts.fuzzyWeight ?? FUZZY_WEIGHT;
    for (const [t, [id, distance]] of v.terms.fuzzyGet(term, maxDistance)) {
      if (distance) scoreStem(id, (weight * t.length) / (t.length + distance), stamp, below, touched);
    }
  }

  /**
   * Positions holding any of the terms (each term once), best first: BM25 summed over the
   * terms, times the number of terms matched (to the power `coordination`). Ties keep the
   * order positions were first met.
   */
  function rank(terms: readonly string[], opts: TermSearchOptions = {}): SlotHit[] {
    const found = scored(terms, opts);
    const hits = found.slots.map((slot) => ({ slot, score: found.score(slot), matched: found.matched(slot) }));
    return opts.sorted === false ? hits : hits.sort((a, b) => b.score - a.score);
  }

  /** `rank`'s hits unsorted, without an object each (`FlatHits`: valid until the next search). */
  function scored(terms: readonly string[], opts: TermSearchOptions = {}): FlatHits {
    grow();
    const below = opts.below ?? v.nextSlot;
    const query = ++stamps;
    const order: number[] = [];
    const touched: number[] = [];
    for (const term of terms) {
      const stamp = ++stamps;
      touched.length = 0;
      scoreTerm(term, opts, stamp, below, touched);
      for (const slot of touched) {
        if (queryStamp[slot] !== query) {
          queryStamp[slot] = query;
          total[slot] = part[slot];
          quality[slot] = 1;
          order.push(slot);
        } else {
          total[slot] = total[slot] + part[slot];
          quality[slot]++;
        }
      }
    }
    const c = opts.coordination ?? 1;
    return { slots: order, score: (slot) => total[slot] * quality[slot] ** c, matched: (slot) => quality[slot] };
  }

  /** `rank` with position ids. */
  function search(terms: readonly string[], opts: TermSearchOptions = {}): TermHit[] {
    return rank(terms, opts).map((h) => ({ id: v.slotIds[h.slot]!, score: h.score }));
  }

  /**
   * The indexed term one edit away from `term` that the best-scoring position holds (as
   * MiniSearch's `search(term, { fuzzy: maxDistance })` would return first in its `terms`),
   * or undefined.
   */
  function nearestTerm(term: string, maxDistance: number): string | undefined {
    grow();
    const stamp = ++stamps;
    const touched: number[] = [];
    const matched = new Map<number, string[]>();
    const variants: [string, number, number][] = [];
    const exact = v.ids.get(term);
    if (exact !== undefined) variants.push([term, exact, 1]);
    for (const [t, [id, distance]] of v.terms.fuzzyGet(term, maxDistance)) if (distance) variants.push([t, id, (FUZZY_WEIGHT * t.length) / (t.length + distance)]);
    for (const [t, id, weight] of variants) {
      scoreStem(id, weight, stamp, v.nextSlot, touched);
      for (const slot of v.postings[id]) (matched.get(slot) ?? matched.set(slot, []).get(slot)!).push(t);
    }
    let best = -1;
    for (const slot of touched) if (best < 0 || part[slot] > part[best]) best = slot;
    if (best < 0) return undefined;
    // MiniSearch lists a result's terms as the keys of an object: integer-like keys first.
    const keys = Object.keys(Object.fromEntries(matched.get(best)!.map((t) => [t, true])));
    return keys.find((t) => t !== term);
  }

  return { rank, scored, search, nearestTerm };
}
