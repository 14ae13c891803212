/**
 * The matching engine: from the paragraph someone is writing to the positions worth
 * offering, best first, or nothing when the paragraph is not about the library's subject.
 *
 *   paragraph → stems, concepts, measure references (normalise, concepts, measureRefs)
 *   → is it on topic? (evidence from concepts and references, not a lone score)
 *   → BM25 over stems + concepts + context, widened by learned associations (index)
 *   → re-ranked: concept coverage, named measures, the Collectif's wording before context
 *   → near-identical wordings collapsed into one result that keeps every citation
 *   → why each matched: the words and concepts shared, with ranges to highlight.
 */
import { type ConceptHit } from './concepts';
import { Everyday } from './everyday';
import everydayData from './generated/everyday.json';
import type { SearchIndex } from './index';
import { measureRefs } from './measureRefs';
import { analyzeWithSurface, type Token } from './normalise';
import { isOurs, type AuthorId, type Position } from './schema';

export interface Citation {
  positionId: string;
  sourceId: string;
  date: string;
  section: string;
  lines: [number, number];
}

export interface MatchResult {
  id: string;
  text: string;
  author: AuthorId;
  speaker?: string;
  organisation?: string;
  measures: string[];
  themes: string[];
  sourceId: string;
  date: string;
  section: string;
  lines: [number, number];
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
  /** Clearly about the field: answered. */
  onTopic: boolean;
  /** Maybe: answered only if the best passage agrees (see `agrees`). */
  greyZone: boolean;
  evidence: number;
  concepts: string[];
  measureRefs: string[];
  stems: string[];
  fieldWords: string[];
}

/** Tunable weights, with the values the engine ships with (see README, ablation table). */
export interface EngineSettings {
  /** Evidence from concepts needed to answer at all (an anchor concept counts 1). */
  gate: number;
  conceptBoost: number;
  contextBoost: number;
  associationBoost: number;
  fuzzy: boolean;
  /** Multiplier by author: context (CNCDH, government) ranks after the Collectif's equal match. */
  authorPrior: Record<AuthorId, number>;
  useAssociations: boolean;
  useConcepts: boolean;
  collapse: boolean;
  /** Count the field's own words (in the library, not everyday French) as evidence of topic. */
  useFieldWords: boolean;
  /** Evidence each field word brings, and the most field words can bring together. */
  fieldWordWeight: number;
  fieldWordCap: number;
  /** Several distinct concepts together are evidence no single one gives (« enfants » + « voler »). */
  breadthBonus: number;
  /**
   * Below the gate but above this, the paragraph may still be on topic: it is answered when
   * the best passage shares at least `agreement` of its field terms (concepts, rare words).
   */
  greyZone: number;
  agreement: number;
}

export const DEFAULT_SETTINGS: EngineSettings = {
  gate: 1,
  conceptBoost: 1.5,
  contextBoost: 0.3,
  associationBoost: 0.2,
  fuzzy: true,
  authorPrior: { collectif: 1, association: 1, cncdh: 0.85, gouvernement: 0.75 },
  useAssociations: true,
  useConcepts: true,
  collapse: true,
  useFieldWords: true,
  fieldWordWeight: 0.35,
  fieldWordCap: 1,
  breadthBonus: 0.2,
  greyZone: 0.45,
  agreement: 3,
};

const everyday = new Everyday((everydayData as { stems: string[] }).stems);

export function createMatcher(index: SearchIndex, settings: EngineSettings = DEFAULT_SETTINGS) {
  const measureKeys = new Set(index.library.measures.map((m) => m.key));

  function analyse(text: string, defaultPlan = 'PAN1') {
    const tokens = analyzeWithSurface(text);
    const hits = settings.useConcepts ? index.thesaurus.detect(tokens) : [];
    const refs = measureRefs(text, defaultPlan, measureKeys);
    const isEveryday = (s: string) => everyday.isEveryday(s);
    const fieldWords = settings.useFieldWords ? fieldWordsOf(tokens, hits) : [];
    const distinct = new Set(hits.map((h) => h.concept)).size;
    const evidence =
      index.thesaurus.evidence(hits, tokens, isEveryday) +
      Math.max(0, distinct - 2) * settings.breadthBonus +
      Math.min(settings.fieldWordCap, fieldWords.length * settings.fieldWordWeight) +
      (refs.length ? settings.gate : 0);
    return { tokens, hits, refs, evidence, fieldWords, stems: [...new Set(tokens.map((t) => t.stem))] };
  }

  /**
   * The paragraph's words that belong to the field: found in the library, not everyday
   * French, and not already counted through a concept. Several of them are evidence of
   * topic that no single shared word gives.
   */
  function fieldWordsOf(tokens: Token[], hits: ConceptHit[]): string[] {
    const inConcept = new Set<number>();
    for (const h of hits) for (let i = h.start; i < h.end; i++) inConcept.add(i);
    const out = new Set<string>();
    tokens.forEach((t, i) => {
      if (inConcept.has(i) || /^\d/.test(t.stem) || t.stem.length < 4) return;
      if (everyday.rankOf(t.stem) < 8000) return;
      if (index.df(t.stem) > 0) out.add(t.stem);
    });
    return [...out];
  }

  /**
   * In the grey zone, the best passage must share enough of the paragraph's field terms:
   * its concepts, and its words that are neither everyday French nor common in the library.
   */
  function agrees(id: string, a: ReturnType<typeof analyse>): boolean {
    const f = index.features.get(id)!;
    const n = index.library.positions.length;
    let shared = 0;
    for (const c of new Set(a.hits.filter((h) => !h.generic).map((h) => h.concept))) if (f.concepts.has(c)) shared++;
    for (const s of a.stems) {
      if (f.stems.has(s) && s.length >= 4 && !/^\d/.test(s) && everyday.rankOf(s) >= 3000 && index.df(s) <= n * 0.05) shared++;
    }
    return shared >= settings.agreement;
  }

  function explain(text: string, opts: MatchOptions = {}): MatchExplanation {
    const a = analyse(text, opts.defaultPlan);
    return {
      onTopic: a.evidence >= settings.gate,
      greyZone: a.evidence >= settings.greyZone && a.evidence < settings.gate,
      evidence: a.evidence,
      concepts: [...new Set(a.hits.map((h) => h.concept))],
      measureRefs: a.refs,
      stems: a.stems,
      fieldWords: a.fieldWords,
    };
  }

  function match(text: string, opts: MatchOptions = {}): MatchResult[] {
    const k = opts.k ?? 5;
    const a = analyse(text, opts.defaultPlan);
    if (a.evidence < settings.greyZone || !a.stems.length) return [];
    const qConcepts = new Set(a.hits.map((h) => h.concept));
    const raw = retrieve(a.stems, qConcepts, a.refs);
    const ranked = rerank(raw, qConcepts, a.refs);
    if (a.evidence < settings.gate && !(ranked[0] && agrees(ranked[0].id, a))) return [];
    const picked = settings.collapse ? collapse(ranked, k) : ranked.slice(0, k).map((r) => ({ ...r, members: [r.id] }));
    return picked.map((r) => toResult(r.id, r.score, r.members, a.tokens, a.hits, qConcepts));
  }

  function retrieve(stems: string[], qConcepts: Set<string>, refs: string[]): Map<string, number> {
    const queries: object[] = [
      {
        queries: stems,
        fields: ['text'],
        fuzzy: settings.fuzzy ? (term: string) => (term.length >= 6 ? 0.2 : false) : false,
        weights: { fuzzy: 0.3, prefix: 0.3 },
      },
      { queries: stems, fields: ['context'], boost: { context: settings.contextBoost } },
    ];
    if (settings.useAssociations) {
      const extra = [...new Set(stems.flatMap((s) => index.associations.get(s) ?? []))].filter((s) => !stems.includes(s));
      if (extra.length) queries.push({ queries: extra, fields: ['text'], boost: { text: settings.associationBoost } });
    }
    if (qConcepts.size) queries.push({ queries: [...qConcepts], fields: ['concepts'], boost: { concepts: settings.conceptBoost } });
    const scores = new Map<string, number>();
    for (const r of index.mini.search({ combineWith: 'OR', queries } as never)) scores.set(r.id as string, r.score);
    // A named measure brings its positions in even when they share no word with the paragraph.
    if (refs.length) for (const p of index.library.positions) if (p.measures.some((m) => refs.includes(m)) && !scores.has(p.id)) scores.set(p.id, 0);
    return scores;
  }

  function rerank(scores: Map<string, number>, qConcepts: Set<string>, refs: string[]): { id: string; score: number }[] {
    let top = 0;
    for (const s of scores.values()) top = Math.max(top, s);
    const out: { id: string; score: number }[] = [];
    for (const [id, s] of scores) {
      const p = index.byId.get(id)!;
      const f = index.features.get(id)!;
      let score = s;
      if (qConcepts.size) {
        let shared = 0;
        for (const c of qConcepts) if (f.concepts.has(c)) shared++;
        score *= 1 + shared / qConcepts.size;
      }
      if (refs.length && p.measures.some((m) => refs.includes(m))) score += top + 1;
      score *= settings.authorPrior[p.author];
      out.push({ id, score });
    }
    return out.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id));
  }

  /** One result per cluster of near-identical wordings, keeping the members' citations. */
  function collapse(ranked: { id: string; score: number }[], k: number) {
    const taken = new Map<number, { id: string; score: number; members: string[] }>();
    const out: { id: string; score: number; members: string[] }[] = [];
    for (const r of ranked) {
      const c = index.features.get(r.id)!.cluster;
      const prev = taken.get(c);
      if (prev) continue;
      if (out.length >= k) break;
      const entry = { ...r, members: index.clusters[c] ?? [r.id] };
      taken.set(c, entry);
      out.push(entry);
    }
    return out;
  }

  function toResult(id: string, score: number, members: string[], qTokens: Token[], qHits: ConceptHit[], qConcepts: Set<string>): MatchResult {
    const p = index.byId.get(id)!;
    const qStems = new Set(qTokens.map((t) => t.stem));
    const tokens = analyzeWithSurface(p.text);
    const ranges: [number, number][] = [];
    const words = new Set<string>();
    for (const t of tokens) {
      if (qStems.has(t.stem)) {
        ranges.push([t.start, t.end]);
        words.add(p.text.slice(t.start, t.end));
      }
    }
    const shared: string[] = [];
    if (qConcepts.size) {
      for (const h of index.thesaurus.detect(tokens)) {
        if (!qConcepts.has(h.concept)) continue;
        if (!shared.includes(h.concept)) shared.push(h.concept);
        const start = tokens[h.start].start;
        const end = tokens[h.end - 1].end;
        ranges.push([start, end]);
        words.add(p.text.slice(start, end));
      }
    }
    void qHits;
    const citations: Citation[] = [p, ...members.filter((m) => m !== id).map((m) => index.byId.get(m)!)].map(citation);
    return {
      id: p.id,
      text: p.text,
      author: p.author,
      ...(p.speaker ? { speaker: p.speaker } : {}),
      ...(p.organisation ? { organisation: p.organisation } : {}),
      measures: p.measures,
      themes: p.themes,
      sourceId: p.sourceId,
      date: p.date,
      section: p.section,
      lines: p.lines,
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
