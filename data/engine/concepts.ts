/**
 * The domain thesaurus at work: finds, in an analysed text, the concepts of
 * `thesaurus/concepts.json` it expresses (« examens osseux » → tests-osseux, « cellule de
 * renseignement financier » → tracfin). Matching is on stems, word by word, so inflections
 * and stop words don't get in the way; terms marked `=` match the written word (acronyms,
 * « traite » which must not meet « traitement »); terms marked `!` are fixed expressions in
 * which the concept's words mean something else (« droits de l'homme » is not about men).
 */
import data from './thesaurus/concepts.json';
import { analyzeWithSurface, type Token } from './normalise';

export type Strength = 'anchor' | 'domain' | 'weak';

export interface Concept {
  id: string;
  strength: Strength;
  measures: string[];
  themes: string[];
}

export interface ConceptHit {
  concept: string;
  /** The matched expression is generic (« places », « un mois »): it supports, it does not prove. */
  generic: boolean;
  /** Token range in the analysed text, end exclusive. */
  start: number;
  end: number;
}

interface Pattern {
  concept: string;
  generic: boolean;
  exact: boolean;
  seq: string[];
}

/** A concept as written in concepts.json. */
export interface RawConcept {
  id: string;
  strength: Strength;
  terms: string[];
  measures?: string[];
  themes?: string[];
}

/** How much a concept alone says that a text is about the field (see concepts.json). */
export const STRENGTH_WEIGHT: Record<Strength, number> = { anchor: 1, domain: 0.5, weak: 0.2 };
/** A generic expression counts for this share of its concept's strength. */
export const GENERIC_FACTOR = 0.3;

/** The reviewed concepts as shipped (`thesaurus/concepts.json`). */
export const SHIPPED_CONCEPTS: readonly RawConcept[] = (data as { concepts: RawConcept[] }).concepts;

export class Thesaurus {
  readonly concepts = new Map<string, Concept>();
  private readonly byFirst = new Map<string, Pattern[]>();
  /** Fixed expressions in which a concept's words do not count for it, by first stem. */
  private readonly exceptions = new Map<string, Pattern[]>();

  constructor(raw: readonly RawConcept[] = SHIPPED_CONCEPTS) {
    for (const c of raw) {
      this.concepts.set(c.id, { id: c.id, strength: c.strength, measures: c.measures ?? [], themes: c.themes ?? [] });
      for (const term of c.terms) this.add(c.id, term);
    }
  }

  private add(concept: string, term: string): void {
    const generic = term.includes('~');
    const exact = term.includes('=');
    const exception = term.startsWith('!');
    const words = term.replace(/^[~=!]+/, '');
    const tokens = analyzeWithSurface(words);
    const seq = tokens.map((t) => (exact ? t.word : t.stem));
    // « lieu sûr » loses « sûr » to the stop list: what is left, « lieu », is only generic.
    const collapsed = seq.length === 1 && words.trim().split(/\s+/).length > 1;
    if (!seq.length) return;
    const into = exception ? this.exceptions : this.byFirst;
    const list = into.get(seq[0]) ?? [];
    list.push({ concept, generic: generic || collapsed, exact, seq });
    into.set(seq[0], list);
  }

  /** The length of pattern `p` when it starts at token `i`, or 0. */
  private static at(tokens: readonly Token[], i: number, p: Pattern): number {
    if (i + p.seq.length > tokens.length) return 0;
    for (let j = 0; j < p.seq.length; j++) {
      const t = tokens[i + j];
      if (p.exact ? t.word !== p.seq[j] : t.stem !== p.seq[j]) return 0;
    }
    return p.seq.length;
  }

  /** Every concept expressed in the tokens, with where. A token may serve several concepts. */
  detect(tokens: readonly Token[]): ConceptHit[] {
    const find = (from: Map<string, Pattern[]>) => {
      const found: ConceptHit[] = [];
      for (let i = 0; i < tokens.length; i++)
        for (const key of [tokens[i].stem, tokens[i].word])
          for (const p of from.get(key) ?? []) {
            const n = Thesaurus.at(tokens, i, p);
            if (n) found.push({ concept: p.concept, generic: p.generic, start: i, end: i + n });
          }
      return found;
    };
    const hits = find(this.byFirst);
    if (!this.exceptions.size) return dedupe(hits);
    // A hit inside one of its concept's fixed expressions of another meaning does not count.
    const excepted = find(this.exceptions);
    return dedupe(hits.filter((h) => !excepted.some((e) => e.concept === h.concept && h.start < e.end && e.start < h.end)));
  }

  /**
   * Whether a hit names a reviewed concept by an expression of several words (« délai de réflexion », « tests osseux »,
   * « présomption de minorité »), not a generic one: a term of the field, which a word alone (« victimes ») is not.
   */
  namesTerm(hits: readonly ConceptHit[]): boolean {
    return hits.some((h) => !h.generic && h.end - h.start >= 2 && this.concepts.get(h.concept)?.strength === 'anchor');
  }

  /**
   * How strongly the hits say the text is about the field: each concept counts once, by its
   * strength, and only a fraction of it when every expression found for it is generic — or
   * is one everyday word (« restaurant » for the sectors at risk, « internet » for the
   * digital): those support a topic, they do not make one.
   */
  evidence(hits: readonly ConceptHit[], tokens: readonly Token[] = [], isEveryday: (stem: string) => boolean = () => false): number {
    const best = new Map<string, number>();
    for (const h of hits) {
      const c = this.concepts.get(h.concept);
      if (!c) continue;
      const everyday = c.strength !== 'anchor' && h.end - h.start === 1 && !!tokens[h.start] && isEveryday(tokens[h.start].stem);
      const w = STRENGTH_WEIGHT[c.strength] * (h.generic || everyday ? GENERIC_FACTOR : 1);
      best.set(h.concept, Math.max(best.get(h.concept) ?? 0, w));
    }
    let sum = 0;
    for (const w of best.values()) sum += w;
    return sum;
  }
}

/** One hit per concept and place; where an expression is both generic and not, the stronger reading wins. */
function dedupe(hits: ConceptHit[]): ConceptHit[] {
  const byKey = new Map<string, ConceptHit>();
  for (const h of hits) {
    const k = `${h.concept}:${h.start}:${h.end}`;
    const prev = byKey.get(k);
    if (!prev || (prev.generic && !h.generic)) byKey.set(k, h);
  }
  return [...byKey.values()];
}
