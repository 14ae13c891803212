/**
 * The matching engine: from the paragraph someone is writing to the positions worth
 * offering, best first, or nothing when the paragraph is not about the library's subject.
 *
 *   paragraph → stems, concepts, measure references (normalise, concepts, measureRefs)
 *   → is it on topic? (evidence from concepts and references, not a lone score)
 *   → BM25 over stems (MiniSearch), widened by learned associations, plus concept coverage
 *   → re-ranked: named measures, long passages discounted, the Collectif's wording before context
 *   → near-identical wordings collapsed into one result that keeps every citation
 *   → why each matched: the words and concepts shared, with ranges to highlight.
 */
import { expandAcronyms } from './acronyms';
import { GENERIC_FACTOR, STRENGTH_WEIGHT, type ConceptHit } from './concepts';
import { Everyday } from './everyday';
import everydayData from './generated/everyday.json';
import type { SearchIndex } from './searchIndex';
import { measureRefs } from './measureRefs';
import { analyzeWithSurface, type Token } from './normalise';
import { isOurs, type AuthorId, type Position } from '../library/schema';

export interface Citation {
  positionId: string;
  sourceId: string;
  date: string;
  section: string;
  lines: [number, number];
}

/** A position offered for a paragraph, with why it matched and where else it appears. */
export interface MatchResult extends Position {
  score: number;
  /** Words of the wording that matched the paragraph (as written in the wording), and shared concepts. */
  matched: string[];
  /** Concept ids shared with the paragraph. */
  concepts: string[];
  /** Character ranges of `text` to highlight, sorted, not overlapping. */
  highlights: [number, number][];
  /** Every place this wording (or a near-identical one) appears; the first is this result's own. */
  citations: Citation[];
}

export interface MatchOptions {
  /** How many results at most (5 by default). */
  k?: number;
  /** Plan a bare « mesure N » refers to (PAN1 by default: the 2014 plan the Collectif's reports discuss). */
  defaultPlan?: string;
}

/** Why the engine answered or stayed quiet: for tests, the eval and the ablation table. */
export interface MatchExplanation {
  /** About the field: answered. */
  onTopic: boolean;
  evidence: number;
  concepts: string[];
  measureRefs: string[];
  stems: string[];
}

/** Tunable weights, with the values the engine ships with (see README, ablation table). */
export interface EngineSettings {
  /** Evidence from concepts needed to answer at all (an anchor concept counts 1). */
  gate: number;
  conceptBoost: number;
  /** Words in more than this share of the library are too common to retrieve by; they only order candidates. */
  commonShare: number;
  commonWordBoost: number;
  /** …and in any case more than this many passages. */
  commonMax: number;
  /** How many candidates go on to re-ranking: the rest cannot reach the top five. */
  candidates: number;
  associationBoost: number;
  fuzzy: boolean;
  /** Multiplier by author: context (CNCDH, government) ranks after the Collectif's equal match. */
  authorPrior: Record<AuthorId, number>;
  useAssociations: boolean;
  useConcepts: boolean;
  collapse: boolean;
  /** Discount a concept found only through one everyday French word (« restaurant », « internet »). */
  useEveryday: boolean;
  /** Search acronyms by their long forms and long forms by their acronyms (« ASE » / « aide sociale à l'enfance »). */
  useAcronyms: boolean;
  /** Several distinct concepts together are evidence no single one gives (« enfants » + « voler »). */
  breadthBonus: number;
  /** Characters past which a passage's score is discounted, and how steeply. */
  longPassage: number;
  lengthPenalty: number;
}

export const DEFAULT_SETTINGS: EngineSettings = {
  gate: 0.8,
  conceptBoost: 1.5,
  commonShare: 0.2,
  commonWordBoost: 0.1,
  commonMax: 500,
  candidates: 300,
  associationBoost: 0.15,
  fuzzy: true,
  authorPrior: { collectif: 1, association: 1, cncdh: 0.85, gouvernement: 0.75 },
  useAssociations: true,
  useConcepts: true,
  collapse: true,
  useEveryday: true,
  useAcronyms: true,
  breadthBonus: 0.2,
  longPassage: 350,
  lengthPenalty: 0.3,
};

const everyday = new Everyday((everydayData as { stems: string[] }).stems);

export function createMatcher(index: SearchIndex, settings: EngineSettings = DEFAULT_SETTINGS) {
  const measureKeys = new Set(index.library.measures.map((m) => m.key));

  // A passage's tokens and concepts, for highlighting: the same passages come back as the user types.
  const passageCache = new Map<string, { tokens: Token[]; hits: ConceptHit[] }>();
  function analysed(p: Position) {
    let a = passageCache.get(p.id);
    if (!a) {
      const tokens = analyzeWithSurface(p.text);
      a = { tokens, hits: index.thesaurus.detect(tokens) };
      if (passageCache.size > 500) passageCache.clear();
      passageCache.set(p.id, a);
    }
    return a;
  }

  function analyse(text: string, defaultPlan = 'PAN1') {
    const tokens = analyzeWithSurface(text);
    const hits = settings.useConcepts ? index.thesaurus.detect(tokens) : [];
    const refs = measureRefs(text, defaultPlan, measureKeys);
    const isEveryday = (s: string) => settings.useEveryday && everyday.isEveryday(s);
    // Breadth counts concepts named by something more than a generic word (« accueil », « annuel »).
    const distinct = new Set(hits.filter((h) => !h.generic).map((h) => h.concept)).size;
    const evidence =
      index.thesaurus.evidence(hits, tokens, isEveryday) +
      Math.max(0, distinct - 2) * settings.breadthBonus +
      (refs.length ? settings.gate : 0);
    const expanded = settings.useAcronyms ? expandAcronyms(tokens) : tokens;
    return { tokens, hits, refs, evidence, stems: [...new Set(expanded.map((t) => t.stem))] };
  }

  function explain(text: string, opts: MatchOptions = {}): MatchExplanation {
    const a = analyse(text, opts.defaultPlan);
    return {
      onTopic: a.evidence >= settings.gate,
      evidence: a.evidence,
      concepts: [...new Set(a.hits.map((h) => h.concept))],
      measureRefs: a.refs,
      stems: a.stems,
    };
  }

  function match(text: string, opts: MatchOptions = {}): MatchResult[] {
    const k = opts.k ?? 5;
    const a = analyse(text, opts.defaultPlan);
    if (a.evidence < settings.gate || !a.stems.length) return [];
    const qConcepts = new Set(a.hits.map((h) => h.concept));
    const raw = retrieve(a.stems, a.hits, a.refs);
    const ranked = rerank(raw, a.refs);
    const picked = settings.collapse ? collapse(ranked, k) : ranked.slice(0, k).map((r) => ({ ...r, members: [r.id] }));
    return picked.map((r) => toResult(r.id, r.score, r.members, a.tokens, qConcepts));
  }

  /**
   * Candidates and their evidence, channel by channel, each scaled to [0, 1] by its best
   * candidate so that the weights below mean what they say: the wording's own words (BM25),
   * the library's learned associations, and the share of the paragraph's concepts it holds.
   * Words and concepts too common to pick candidates only re-rank the best ones.
   */
  function retrieve(stems: string[], hits: ConceptHit[], refs: string[]): Map<string, number> {
    const channels: [Map<string, number>, number][] = [];
    const run = (terms: string[], opts: object, weight: number) => {
      if (!terms.length || !weight) return;
      const m = new Map<string, number>();
      for (const r of index.mini.search({ combineWith: 'OR', queries: terms, ...opts } as never)) m.set(r.id as string, r.score);
      channels.push([normalised(m), weight]);
    };
    // Typo tolerance only for words the library does not know: fuzzy search is the costly part.
    const fuzzy = settings.fuzzy ? (t: string) => (t.length >= 6 && index.df(t) === 0 ? 0.2 : false) : false;
    const { rare, common } = splitByRarity(stems);
    run(rare, { fields: ['text'], fuzzy, weights: { fuzzy: 0.3, prefix: 0.3 } }, 1);
    if (settings.useAssociations) {
      const extra = [...new Set(rare.flatMap((s) => index.associations.get(s) ?? []))].filter((s) => !stems.includes(s));
      run(extra, { fields: ['text'] }, settings.associationBoost);
    }
    // Concepts: the share of the paragraph's concepts (weighted by strength and rarity) a passage holds.
    // Concepts a large part of the library carries (« traite ») only order the candidates, like common words.
    const conceptWeight = conceptWeights(hits);
    const n = index.library.positions.length;
    const limit = commonLimit();
    let total = 0;
    const w = new Map([...conceptWeight].map(([c, v]) => [c, v * Math.log(1 + n / Math.max(1, index.conceptDf(c)))]));
    for (const v of w.values()) total += v;
    const commonConcepts: [string, number][] = [];
    if (w.size && settings.conceptBoost) {
      const m = new Map<string, number>();
      for (const [c, v] of w) {
        if (index.conceptDf(c) > limit) commonConcepts.push([c, v / total]);
        else for (const id of index.conceptPostings.get(c) ?? []) m.set(id, (m.get(id) ?? 0) + v / total);
      }
      channels.push([m, settings.conceptBoost]);
    }
    const idf = (t: string) => Math.log(1 + (n - index.df(t) + 0.5) / (index.df(t) + 0.5));
    let commonIdf = 0;
    for (const c of common) commonIdf += idf(c);
    const merged = new Map<string, number>();
    for (const [m, wt] of channels) for (const [id, v] of m) merged.set(id, (merged.get(id) ?? 0) + wt * v);
    const scores = top(merged, settings.candidates);
    for (const [id, v] of scores) {
      const f = index.features.get(id)!;
      let bonus = 0;
      if (commonIdf > 0) {
        let got = 0;
        for (const c of common) if (f.stems.has(c)) got += idf(c);
        bonus += (settings.commonWordBoost * got) / commonIdf;
      }
      for (const [c, share] of commonConcepts) if (f.concepts.has(c)) bonus += settings.conceptBoost * share;
      scores.set(id, v + bonus);
    }
    // A named measure brings its positions in even when they share no word with the paragraph.
    if (refs.length) for (const p of index.library.positions) if (p.measures.some((m) => refs.includes(m)) && !scores.has(p.id)) scores.set(p.id, 0);
    return scores;
  }

  /**
   * Above this many passages a word or a concept is too common to pick candidates. In a large
   * library a word in hundreds of passages no longer does either: what it costs to score grows
   * with the library, what it tells does not.
   */
  function commonLimit(): number {
    return Math.min(index.library.positions.length * settings.commonShare, settings.commonMax);
  }

  function splitByRarity(stems: string[]): { rare: string[]; common: string[] } {
    const limit = commonLimit();
    const rare = stems.filter((s) => index.df(s) <= limit);
    const common = stems.filter((s) => index.df(s) > limit);
    return { rare, common };
  }

  /** A concept found through a strong, specific expression weighs more than one found through a generic word. */
  function conceptWeights(hits: ConceptHit[]): Map<string, number> {
    const w = new Map<string, number>();
    for (const h of hits) {
      const c = index.thesaurus.concepts.get(h.concept);
      if (!c) continue;
      const v = STRENGTH_WEIGHT[c.strength] * (h.generic ? GENERIC_FACTOR : 1);
      w.set(h.concept, Math.max(w.get(h.concept) ?? 0, v));
    }
    return w;
  }

  function rerank(scores: Map<string, number>, refs: string[]): { id: string; score: number }[] {
    const out: { id: string; score: number }[] = [];
    for (const [id, s] of scores) {
      const p = index.byId.get(id)!;
      let score = s;
      if (refs.length && p.measures.some((m) => refs.includes(m))) score += 1;
      // A long passage matches many things a little; past a few lines, it must earn its place.
      if (p.text.length > settings.longPassage) score *= Math.pow(settings.longPassage / p.text.length, settings.lengthPenalty);
      score *= settings.authorPrior[p.author];
      out.push({ id, score });
    }
    return out.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
  }

  /** One result per cluster of near-identical wordings, keeping the members' citations. */
  function collapse(ranked: { id: string; score: number }[], k: number) {
    const taken = new Set<number>();
    const out: { id: string; score: number; members: string[] }[] = [];
    for (const r of ranked) {
      const c = index.features.get(r.id)!.cluster;
      if (taken.has(c)) continue;
      if (out.length >= k) break;
      const entry = { ...r, members: index.clusters[c] ?? [r.id] };
      taken.add(c);
      out.push(entry);
    }
    return out;
  }

  function toResult(id: string, score: number, members: string[], qTokens: Token[], qConcepts: Set<string>): MatchResult {
    const p = index.byId.get(id)!;
    const qStems = new Set(qTokens.map((t) => t.stem));
    const { tokens, hits } = analysed(p);
    const ranges: [number, number][] = [];
    const words = new Set<string>();
    for (const t of tokens) {
      // « souvent », « faire » match too, but highlighting them tells the reader nothing.
      if (qStems.has(t.stem) && !everyday.isEveryday(t.stem, 1500)) {
        ranges.push([t.start, t.end]);
        words.add(p.text.slice(t.start, t.end));
      }
    }
    const shared: string[] = [];
    if (qConcepts.size) {
      for (const h of hits) {
        if (!qConcepts.has(h.concept)) continue;
        if (!shared.includes(h.concept)) shared.push(h.concept);
        const start = tokens[h.start].start;
        const end = tokens[h.end - 1].end;
        ranges.push([start, end]);
        words.add(p.text.slice(start, end));
      }
    }
    const citations: Citation[] = [p, ...members.filter((m) => m !== id).map((m) => index.byId.get(m)!)].map(citation);
    return {
      ...p,
      score: Math.round(score * 1000) / 1000,
      matched: [...words],
      concepts: shared,
      highlights: mergeRanges(ranges),
      citations,
    };
  }

  return { match, explain };
}

export type Matcher = ReturnType<typeof createMatcher>;

/** The `k` best entries of a score map (a copy), without re-ranking the whole map. */
function top(m: Map<string, number>, k: number): Map<string, number> {
  if (m.size <= k) return new Map(m);
  const values = Float64Array.from(m.values()).sort();
  const threshold = values[values.length - k];
  const out = new Map<string, number>();
  for (const [id, v] of m) if (v >= threshold && out.size < k) out.set(id, v);
  return out;
}

function normalised(m: Map<string, number>): Map<string, number> {
  let top = 0;
  for (const v of m.values()) top = Math.max(top, v);
  if (top > 0) for (const [k, v] of m) m.set(k, v / top);
  return m;
}

function citation(p: Position): Citation {
  return { positionId: p.id, sourceId: p.sourceId, date: p.date, section: p.section, lines: p.lines };
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Wording a user may insert as the Collectif's: never CNCDH or government text. */
export function insertable(r: Pick<MatchResult, 'author'>): boolean {
  return isOurs(r.author);
}
