/**
 * The search index over the library's positions: the passages holding each stem (sorted
 * slot lists), which serve both BM25 retrieval (termSearch.ts, scored as MiniSearch scores)
 * and the on-topic gate (document frequencies, co-occurrence); each position's stems (as
 * sorted ids, compact enough for twenty times the shipped library, and in reading order
 * for word pairs) and concepts, the
 * passages holding each concept, clusters of near-identical wordings, and term associations
 * learned from the library.
 *
 * The index follows the library: `addToIndex` and `removeFromIndex` update every part in
 * place when a source is imported or removed, without rebuilding (learned associations
 * alone wait for the next full build, as they only widen queries a little). Serialised with
 * a version, so opening the side panel loads the index instead of rebuilding it.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { Thesaurus } from './concepts';
import { expandAcronyms } from './acronyms';
import { analyzeWithSurface } from './normalise';
import { addLength, createTermSearch, removeLength, sortedHas, type FlatHits, type Postings, type SlotHit, type TermHit, type TermSearchOptions } from './termSearch';
import type { Library, Position } from '../library/schema';

/** Bump when the serialised shape, the analysis, the thesaurus or what counts as a near-identical wording changes: older indexes are then rebuilt. */
export const INDEX_VERSION = 11;

export interface PositionFeatures {
  /** The position's number in the index, for postings (never reused). */
  slot: number;
  /** Ids of the wording's stems (see `SearchIndex.stemId`), sorted, each once. */
  stems: Int32Array;
  /** Ids of the wording's stems in reading order, acronyms as written: the word pairs it says, without analysing it again. */
  sequence: Int32Array;
  /** Concept ids the wording expresses. */
  concepts: string[];
  /** Index of the cluster of near-identical wordings this position belongs to. */
  cluster: number;
}

export interface SearchIndex {
  library: Library;
  byId: Map<string, Position>;
  features: Map<string, PositionFeatures>;
  /** For each stem, stems that keep its company in the library (positive PMI), best first. */
  associations: Map<string, string[]>;
  /** Members of each cluster, in library order (an emptied cluster stays, empty). */
  clusters: string[][];
  thesaurus: Thesaurus;
  /** BM25 over the stems, best first (see termSearch.ts). */
  search(terms: readonly string[], opts?: TermSearchOptions): TermHit[];
  /** The same by slot (`vocab.slotIds` gives the position). */
  rank(terms: readonly string[], opts?: TermSearchOptions): SlotHit[];
  /** The same unsorted, without an object a hit: valid until the next search (`FlatHits`). */
  scored(terms: readonly string[], opts?: TermSearchOptions): FlatHits;
  /** The indexed term within `maxDistance` edits that the best-scoring position holds. */
  nearestTerm(term: string, maxDistance: number): string | undefined;
  /** Number of positions whose wording holds the stem. */
  df(stem: string): number;
  /** The library's word statistics: the sum of all document frequencies (the gate's language model). */
  counts: { total: number };
  /** Does the position's wording hold the stem? */
  hasStem(f: PositionFeatures, stem: string): boolean;
  /** Number of positions whose wording holds both stems. */
  coOccurrence(a: string, b: string): number;
  /** Number of positions whose wording holds the concept. */
  conceptDf(concept: string): number;
  /** Positions (slots, ascending) whose wording holds each concept. */
  conceptPostings: Map<string, number[]>;
  /** Stem dictionary and postings (stem id → slots, ascending), for the functions above. */
  vocab: Vocabulary;
}

/** Stems as small integers, and the passages (slots) holding each: what BM25 and the gate read. */
export interface Vocabulary extends Postings {
  stems: string[];
  postings: number[][];
}

function newVocabulary(): Vocabulary {
  return { ids: new Map(), stems: [], postings: [], terms: new SearchableMap<number>(), nextSlot: 0, slotIds: [], lengths: [], count: 0, avgLength: 0 };
}

const thesaurusSingleton = { value: undefined as Thesaurus | undefined };
export function sharedThesaurus(): Thesaurus {
  thesaurusSingleton.value ??= new Thesaurus();
  return thesaurusSingleton.value;
}

/** A position analysed for the index: its stems (acronyms both ways) and concepts. */
function analysePosition(p: Position, thesaurus: Thesaurus): { stems: string[]; sequence: string[]; concepts: string[] } {
  const tokens = analyzeWithSurface(p.text);
  // « ASE » is also indexed as « aide sociale à l'enfance », and the long form as « ASE ».
  const stems = [...new Set(expandAcronyms(tokens).map((t) => t.stem))];
  const concepts = [...new Set(thesaurus.detect(tokens).map((h) => h.concept))];
  return { stems, sequence: tokens.map((t) => t.stem), concepts };
}

function stemIdOf(vocab: Vocabulary, stem: string): number {
  let id = vocab.ids.get(stem);
  if (id === undefined) {
    id = vocab.stems.length;
    vocab.ids.set(stem, id);
    vocab.stems.push(stem);
    vocab.postings.push([]);
    vocab.terms.set(stem, id);
  }
  return id;
}

function assemble(
  library: Library,
  features: Map<string, PositionFeatures>,
  vocab: Vocabulary,
  clusters: string[][],
  associations: Map<string, string[]>,
  thesaurus: Thesaurus,
): SearchIndex {
  const conceptPostings = new Map<string, number[]>();
  let total = 0;
  for (const f of features.values()) {
    for (const c of f.concepts) (conceptPostings.get(c) ?? conceptPostings.set(c, []).get(c)!).push(f.slot);
    total += f.stems.length;
  }
  const { rank, scored, search, nearestTerm } = createTermSearch(vocab);
  const dfOf = (stem: string) => {
    const id = vocab.ids.get(stem);
    return id === undefined ? 0 : vocab.postings[id].length;
  };
  return {
    library,
    byId: new Map(library.positions.map((p) => [p.id, p])),
    features,
    associations,
    clusters,
    thesaurus,
    vocab,
    search,
    rank,
    scored,
    nearestTerm,
    conceptPostings,
    counts: { total },
    df: dfOf,
    hasStem(f, stem) {
      const id = vocab.ids.get(stem);
      return id !== undefined && sortedHas(f.stems, id);
    },
    coOccurrence(a, b) {
      const ia = vocab.ids.get(a);
      const ib = vocab.ids.get(b);
      if (ia === undefined || ib === undefined) return 0;
      const pa = vocab.postings[ia];
      const pb = vocab.postings[ib];
      let i = 0;
      let j = 0;
      let n = 0;
      while (i < pa.length && j < pb.length) {
        if (pa[i] === pb[j]) {
          n++;
          i++;
          j++;
        } else if (pa[i] < pb[j]) i++;
        else j++;
      }
      return n;
    },
    conceptDf: (c) => conceptPostings.get(c)?.length ?? 0,
  };
}

export function buildIndex(library: Library, thesaurus = sharedThesaurus()): SearchIndex {
  const vocab = newVocabulary();
  const features = new Map<string, PositionFeatures>();
  for (const p of library.positions) {
    const { stems, sequence, concepts } = analysePosition(p, thesaurus);
    const slot = vocab.nextSlot++;
    const ids = Int32Array.from(stems.map((s) => stemIdOf(vocab, s))).sort();
    for (const id of ids) vocab.postings[id].push(slot);
    vocab.slotIds[slot] = p.id;
    addLength(vocab, slot, ids.length);
    features.set(p.id, { slot, stems: ids, sequence: Int32Array.from(sequence, (s) => stemIdOf(vocab, s)), concepts, cluster: -1 });
  }
  const clusters = clusterNearDuplicates(library.positions, features);
  return assemble(library, features, vocab, clusters, learnAssociations(features, vocab), thesaurus);
}

const ours = (p: Position) => p.author === 'collectif' || p.author === 'association';

/**
 * Same side (the Collectif and its member associations are one: a report's synthesis gives the Collectif
 * the words its full account gives to the member who said them; the administration and the CNCDH each
 * keep their own), stems overlapping by 80 % of the smaller set (of at least six), and the
 * same wording: sets of nearly the same size, or the shorter said within the longer, 80 % of it in
 * one run (a sentence of the synthesis repeated in the detailed report's longer paragraph).
 * Overlap alone joined a short sentence to any longer one holding its words (« les moyens alloués
 * à la lutte … à la mesure des besoins » to a demand four times its length on the same means): one
 * result showed one wording and cited, as « also at », a place that says something else.
 */
function nearDuplicates(p: Position, q: Position, fp: PositionFeatures, fq: PositionFeatures): boolean {
  if (ours(p) !== ours(q) || (!ours(p) && p.author !== q.author)) return false;
  if (Math.min(fp.stems.length, fq.stems.length) < 6 || overlap(fp.stems, fq.stems) < 0.8) return false;
  if (Math.min(fp.stems.length, fq.stems.length) >= 0.8 * Math.max(fp.stems.length, fq.stems.length)) return true;
  const [short, long] = fp.sequence.length <= fq.sequence.length ? [fp.sequence, fq.sequence] : [fq.sequence, fp.sequence];
  return longestRun(short, long) >= 0.8 * short.length;
}

/** The longest run of stems the two sequences say in the same order, one after the other. */
function longestRun(a: Int32Array, b: Int32Array): number {
  let best = 0;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1] + 1 : 0;
      if (cur[j] > best) best = cur[j];
    }
    [prev, cur] = [cur, prev];
  }
  return best;
}

/**
 * Near-identical wordings: the same demand in a synthesis and in the detailed report, or
 * repeated by a speaker. Two positions of the same side (the Collectif's, or not) that are
 * `nearDuplicates` are one result that keeps every citation.
 */
function clusterNearDuplicates(positions: readonly Position[], features: Map<string, PositionFeatures>): string[][] {
  const parent = positions.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  // Candidate pairs share a rare stem; compare only those.
  const byStem = new Map<number, number[]>();
  positions.forEach((p, i) => {
    for (const s of features.get(p.id)!.stems) (byStem.get(s) ?? byStem.set(s, []).get(s)!).push(i);
  });
  const compared = new Set<number>();
  for (const [, list] of byStem) {
    if (list.length > 12) continue;
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a];
        const j = list[b];
        const key = i * 100003 + j;
        if (compared.has(key)) continue;
        compared.add(key);
        if (nearDuplicates(positions[i], positions[j], features.get(positions[i].id)!, features.get(positions[j].id)!)) parent[find(i)] = find(j);
      }
    }
  }
  const groups = new Map<number, string[]>();
  positions.forEach((p, i) => {
    const r = find(i);
    (groups.get(r) ?? groups.set(r, []).get(r)!).push(p.id);
  });
  const clusters = [...groups.values()];
  clusters.forEach((ids, c) => ids.forEach((id) => (features.get(id)!.cluster = c)));
  return clusters;
}

/** Share of the smaller sorted id set found in the larger. */
function overlap(a: Int32Array, b: Int32Array): number {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a];
  let n = 0;
  for (const s of small) if (sortedHas(large, s)) n++;
  return small.length ? n / small.length : 0;
}

/**
 * Adds positions (a newly imported source) to the index in place: stem postings, BM25
 * lengths and statistics, concept postings, clusters (a new position joins the
 * cluster of a near-identical wording already there). Ids already indexed are refused.
 */
export function addToIndex(index: SearchIndex, positions: readonly Position[]): void {
  for (const p of positions) if (index.byId.has(p.id)) throw new Error(`Positions : la position ${p.id} est déjà dans l’index`);
  const { vocab } = index;
  // Candidates for a cluster are the positions indexed before this batch, scored as they were.
  const first = vocab.nextSlot;
  for (const p of positions) {
    const { stems, sequence, concepts } = analysePosition(p, index.thesaurus);
    const slot = vocab.nextSlot++;
    const ids = Int32Array.from(stems.map((s) => stemIdOf(vocab, s))).sort();
    for (const id of ids) vocab.postings[id].push(slot);
    vocab.slotIds[slot] = p.id;
    index.counts.total += ids.length;
    const f: PositionFeatures = { slot, stems: ids, sequence: Int32Array.from(sequence, (s) => stemIdOf(vocab, s)), concepts, cluster: -1 };
    // A near-identical wording already indexed: join its cluster (candidates share a rare stem).
    const candidates = new Set<string>();
    for (const s of stems) if (index.df(s) <= 12) for (const r of index.search([s], { below: first })) candidates.add(r.id);
    for (const id of candidates) {
      const other = index.byId.get(id);
      const fo = index.features.get(id);
      if (other && fo && fo.cluster >= 0 && nearDuplicates(p, other, f, fo)) {
        f.cluster = fo.cluster;
        break;
      }
    }
    if (f.cluster < 0) {
      f.cluster = index.clusters.length;
      index.clusters.push([]);
    }
    index.clusters[f.cluster].push(p.id);
    index.features.set(p.id, f);
    index.byId.set(p.id, p);
    for (const c of concepts) (index.conceptPostings.get(c) ?? index.conceptPostings.set(c, []).get(c)!).push(slot);
  }
  for (let slot = first; slot < vocab.nextSlot; slot++) addLength(vocab, slot, index.features.get(vocab.slotIds[slot]!)!.stems.length);
  index.library = { ...index.library, positions: [...index.library.positions, ...positions] };
}

/** Removes positions (a removed source) from the index in place; unknown ids are ignored. */
export function removeFromIndex(index: SearchIndex, ids: readonly string[]): void {
  const gone = new Set(ids.filter((id) => index.features.has(id)));
  if (!gone.size) return;
  const { vocab } = index;
  for (const id of gone) {
    const f = index.features.get(id)!;
    for (const s of f.stems) {
      const list = vocab.postings[s];
      const at = list.indexOf(f.slot);
      if (at >= 0) list.splice(at, 1);
    }
    index.counts.total -= f.stems.length;
    const cluster = index.clusters[f.cluster];
    if (cluster) cluster.splice(cluster.indexOf(id), 1);
    for (const c of f.concepts) {
      const list = index.conceptPostings.get(c);
      if (list) list.splice(list.indexOf(f.slot), 1);
    }
    removeLength(vocab, f.slot);
    vocab.slotIds[f.slot] = undefined;
    index.features.delete(id);
    index.byId.delete(id);
  }
  index.library = { ...index.library, positions: index.library.positions.filter((p) => !gone.has(p.id)) };
}

/**
 * Associations between terms, learned from the library at build time: stems that appear
 * together in positions far more often than chance (pointwise mutual information, at least
 * three shared positions). They widen a query a little toward the library's own wording.
 */
function learnAssociations(features: Map<string, PositionFeatures>, vocab: Vocabulary, perStem = 4): Map<string, string[]> {
  const n = features.size;
  // Stems of more than two letters in three passages or more and at most an eighth of them: the
  // only ones that can be associated, or associated with (three shared passages needed).
  const df = vocab.postings.map((p) => p.length);
  const eligible = vocab.stems.map((s, i) => s.length > 2 && df[i] >= 3 && df[i] <= n / 8);
  const stemsAt: Int32Array[] = [];
  for (const f of features.values()) stemsAt[f.slot] = f.stems;
  // Passages shared with each other stem, counted in a dense array by walking the stem's postings.
  const shared = new Int32Array(vocab.stems.length);
  const touched: number[] = [];
  const out = new Map<string, string[]>();
  for (let s = 0; s < vocab.stems.length; s++) {
    if (!eligible[s]) continue;
    touched.length = 0;
    for (const slot of vocab.postings[s]) for (const t of stemsAt[slot]) if (t !== s && eligible[t] && shared[t]++ === 0) touched.push(t);
    const scored: [number, number][] = [];
    for (const t of touched) {
      const c = shared[t];
      shared[t] = 0;
      if (c < 3) continue;
      const pmi = Math.log((c * n) / (df[s] * df[t]));
      if (pmi > 2) scored.push([t, pmi * Math.min(1, c / 5)]);
    }
    scored.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    if (scored.length) out.set(vocab.stems[s], scored.slice(0, perStem).map(([t]) => vocab.stems[t]));
  }
  return out;
}

/** What `serialiseIndex` writes: enough to search without re-analysing the library. */
export interface SerialisedIndex {
  version: number;
  /** How many positions the index holds, to check it matches the library it is loaded with. */
  positions: number;
  /** BM25's mean number of stems per position, as kept while positions came and went (scores depend on it). */
  avgLength: number;
  /** The stem dictionary: a stem's id is its place here. */
  stems: string[];
  /** Position id, stem ids, concepts, cluster, stem ids in reading order — in library order. */
  features: [string, number[], string[], number, number[]][];
  associations: [string, string[]][];
  clusters: string[][];
}

export function serialiseIndex(index: SearchIndex): SerialisedIndex {
  return {
    version: INDEX_VERSION,
    positions: index.library.positions.length,
    avgLength: index.vocab.avgLength,
    stems: index.vocab.stems,
    features: index.library.positions.map((p) => {
      const f = index.features.get(p.id)!;
      return [p.id, [...f.stems], f.concepts, f.cluster, [...f.sequence]];
    }),
    associations: [...index.associations],
    clusters: index.clusters,
  };
}

/**
 * Loads a serialised index for `library`. Throws, saying why, when the index was written
 * by another version or for another library: the caller rebuilds it.
 */
export function loadIndex(data: SerialisedIndex, library: Library, thesaurus = sharedThesaurus()): SearchIndex {
  if (data.version !== INDEX_VERSION) throw new Error(`Positions : index de version ${data.version}, version ${INDEX_VERSION} attendue`);
  if (data.positions !== library.positions.length || data.features.length !== library.positions.length)
    throw new Error('Positions : l’index ne correspond pas à cette bibliothèque');
  const vocab = newVocabulary();
  for (const s of data.stems) stemIdOf(vocab, s);
  const features = new Map<string, PositionFeatures>();
  for (const [id, stems, concepts, cluster, sequence] of data.features) {
    const slot = vocab.nextSlot++;
    const ids = Int32Array.from(stems);
    for (const s of ids) vocab.postings[s].push(slot);
    vocab.slotIds[slot] = id;
    vocab.lengths[slot] = ids.length;
    features.set(id, { slot, stems: ids, sequence: Int32Array.from(sequence), concepts, cluster });
  }
  vocab.count = data.features.length;
  vocab.avgLength = data.avgLength;
  return assemble(library, features, vocab, data.clusters, new Map(data.associations), thesaurus);
}
