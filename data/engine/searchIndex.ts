/**
 * The search index over the library's positions: a BM25 index (MiniSearch) over stems,
 * concepts and context, plus what ranking needs beside it (each position's stems and
 * concepts, clusters of near-identical wordings, term associations learned from the
 * library). Built once at library build time and serialised with a version, so opening
 * the side panel loads it instead of rebuilding it.
 */
import MiniSearch from 'minisearch';
import { Thesaurus } from './concepts';
import { expandAcronyms } from './acronyms';
import { analyzeWithSurface } from './normalise';
import type { Library, Position } from '../library/schema';

/** Bump when the serialised shape or the analysis changes: older indexes are then rebuilt. */
export const INDEX_VERSION = 1;

export interface IndexedDoc {
  id: string;
  /** Stems of the wording, space-separated (already analysed: the index does not re-tokenise). */
  text: string;
  /** Concept ids the wording expresses. */
  concepts: string;
}

export interface PositionFeatures {
  stems: Set<string>;
  concepts: Set<string>;

  /** Index of the cluster of near-identical wordings this position belongs to. */
  cluster: number;
}

export interface SearchIndex {
  library: Library;
  byId: Map<string, Position>;
  features: Map<string, PositionFeatures>;
  /** For each stem, stems that keep its company in the library (positive PMI), best first. */
  associations: Map<string, string[]>;
  /** Members of each cluster, in library order. */
  clusters: string[][];
  mini: MiniSearch<IndexedDoc>;
  thesaurus: Thesaurus;
  /** Number of positions whose wording holds the stem. */
  df(stem: string): number;
  /** Number of positions whose wording holds the concept. */
  conceptDf(concept: string): number;
  /** Positions whose wording holds each concept. */
  conceptPostings: Map<string, string[]>;
}

function conceptPostingsOf(features: Map<string, PositionFeatures>): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [id, f] of features) for (const c of f.concepts) (m.get(c) ?? m.set(c, []).get(c)!).push(id);
  return m;
}

function withConcepts(features: Map<string, PositionFeatures>) {
  const conceptPostings = conceptPostingsOf(features);
  return { conceptPostings, conceptDf: (c: string) => conceptPostings.get(c)?.length ?? 0 };
}

export const MINISEARCH_OPTIONS = {
  fields: ['text', 'concepts'],
  idField: 'id',
  // Documents are analysed before indexing: split on spaces, keep terms as they are.
  tokenize: (s: string) => (s ? s.split(' ') : []),
  processTerm: (t: string) => t,
} as const;

const thesaurusSingleton = { value: undefined as Thesaurus | undefined };
export function sharedThesaurus(): Thesaurus {
  thesaurusSingleton.value ??= new Thesaurus();
  return thesaurusSingleton.value;
}

export function buildIndex(library: Library, thesaurus = sharedThesaurus()): SearchIndex {
  const features = new Map<string, PositionFeatures>();
  const docs: IndexedDoc[] = [];
  for (const p of library.positions) {
    const tokens = analyzeWithSurface(p.text);
    // « ASE » is also indexed as « aide sociale à l'enfance », and the long form as « ASE ».
    const stems = expandAcronyms(tokens).map((t) => t.stem);
    const concepts = new Set(thesaurus.detect(tokens).map((h) => h.concept));
    features.set(p.id, { stems: new Set(stems), concepts, cluster: -1 });
    docs.push({ id: p.id, text: stems.join(' '), concepts: [...concepts].join(' ') });
  }
  const mini = new MiniSearch<IndexedDoc>({ ...MINISEARCH_OPTIONS, fields: [...MINISEARCH_OPTIONS.fields] });
  mini.addAll(docs);
  const clusters = clusterNearDuplicates(library.positions, features);
  return { library, byId: new Map(library.positions.map((p) => [p.id, p])), features, associations: learnAssociations(features), clusters, mini, thesaurus, df: dfOf(features), ...withConcepts(features) };
}

/**
 * Near-identical wordings: the same demand in a synthesis and in the detailed report, or
 * repeated by a speaker. Two positions of the same side (the Collectif's, or not) whose stem
 * sets overlap by 80 % of the smaller one are one result that keeps every citation.
 */
function clusterNearDuplicates(positions: readonly Position[], features: Map<string, PositionFeatures>): string[][] {
  const parent = positions.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const ours = (p: Position) => p.author === 'collectif' || p.author === 'association';
  // Candidate pairs share a rare stem; compare only those.
  const byStem = new Map<string, number[]>();
  positions.forEach((p, i) => {
    for (const s of features.get(p.id)!.stems) {
      const list = byStem.get(s) ?? [];
      list.push(i);
      byStem.set(s, list);
    }
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
        if (ours(positions[i]) !== ours(positions[j]) || positions[i].author !== positions[j].author) continue;
        const si = features.get(positions[i].id)!.stems;
        const sj = features.get(positions[j].id)!.stems;
        if (overlap(si, sj) >= 0.8 && Math.min(si.size, sj.size) >= 6) parent[find(i)] = find(j);
      }
    }
  }
  const groups = new Map<number, string[]>();
  positions.forEach((p, i) => {
    const r = find(i);
    const g = groups.get(r) ?? [];
    g.push(p.id);
    groups.set(r, g);
  });
  const clusters = [...groups.values()];
  clusters.forEach((ids, c) => ids.forEach((id) => (features.get(id)!.cluster = c)));
  return clusters;
}

function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const s of small) if (large.has(s)) n++;
  return small.size ? n / small.size : 0;
}

/**
 * Associations between terms, learned from the library at build time: stems that appear
 * together in positions far more often than chance (pointwise mutual information, at least
 * three shared positions). They widen a query a little toward the library's own wording.
 */
function learnAssociations(features: Map<string, PositionFeatures>, perStem = 4): Map<string, string[]> {
  const n = features.size;
  const df = new Map<string, number>();
  const co = new Map<string, Map<string, number>>();
  for (const f of features.values()) {
    const stems = [...f.stems].filter((s) => s.length > 2);
    for (const s of stems) df.set(s, (df.get(s) ?? 0) + 1);
    for (let i = 0; i < stems.length; i++) {
      for (let j = 0; j < stems.length; j++) {
        if (i === j) continue;
        let m = co.get(stems[i]);
        if (!m) co.set(stems[i], (m = new Map()));
        m.set(stems[j], (m.get(stems[j]) ?? 0) + 1);
      }
    }
  }
  const out = new Map<string, string[]>();
  for (const [s, m] of co) {
    const ds = df.get(s)!;
    if (ds < 3 || ds > n / 8) continue;
    const scored: [string, number][] = [];
    for (const [t, c] of m) {
      const dt = df.get(t)!;
      if (c < 3 || dt > n / 8) continue;
      const pmi = Math.log((c * n) / (ds * dt));
      if (pmi > 2) scored.push([t, pmi * Math.min(1, c / 5)]);
    }
    scored.sort((a, b) => b[1] - a[1]);
    if (scored.length) out.set(s, scored.slice(0, perStem).map(([t]) => t));
  }
  return out;
}

/** What `serialiseIndex` writes: enough to search without re-analysing the library. */
export interface SerialisedIndex {
  version: number;
  /** The library's position ids in order, to check the index matches the library it is loaded with. */
  positions: number;
  mini: unknown;
  features: [string, string[], string[], number][];
  associations: [string, string[]][];
  clusters: string[][];
}

export function serialiseIndex(index: SearchIndex): SerialisedIndex {
  return {
    version: INDEX_VERSION,
    positions: index.library.positions.length,
    mini: index.mini.toJSON(),
    features: [...index.features].map(([id, f]) => [id, [...f.stems], [...f.concepts], f.cluster]),
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
  if (data.positions !== library.positions.length) throw new Error('Positions : l’index ne correspond pas à cette bibliothèque');
  const mini = MiniSearch.loadJS(data.mini as never, { ...MINISEARCH_OPTIONS, fields: [...MINISEARCH_OPTIONS.fields] }) as MiniSearch<IndexedDoc>;
  const features = new Map(
    data.features.map(([id, stems, concepts, cluster]) => [id, { stems: new Set(stems), concepts: new Set(concepts), cluster }]),
  );
  return {
    library,
    byId: new Map(library.positions.map((p) => [p.id, p])),
    features,
    associations: new Map(data.associations),
    clusters: data.clusters,
    mini,
    thesaurus,
    df: dfOf(features),
    ...withConcepts(features),
  };
}

function dfOf(features: Map<string, PositionFeatures>): (stem: string) => number {
  const df = new Map<string, number>();
  for (const f of features.values()) for (const s of f.stems) df.set(s, (df.get(s) ?? 0) + 1);
  return (stem) => df.get(stem) ?? 0;
}
