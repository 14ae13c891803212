/**
 * A gentle note when the paragraph being written departs from the position it matches (issue 14):
 * « nous demandons un délai de réflexion de 45 jours » against the Collectif's « porté à 3 mois »;
 * « nous ne sommes pas opposés au recours aux tests osseux » against « le Collectif s'oppose au
 * recours aux tests osseux ». It only reads: it never blocks and never changes the draft.
 *
 * Two kinds of departure, in this order:
 *   1. durations — « trente jours », « 3 mois », « 90 jours », « un an », « deux semaines » are read
 *      on one scale in days (a month is 30 days, a year 365), in words or in figures, singular or
 *      plural; « trois mois » and « 90 jours » agree; only lengths count (« un délai de 45 jours »),
 *      not ages or time gone by (« leurs 18 ans », « depuis trois mois »);
 *   2. stances — an explicit negation of the position's verb (« ne sommes pas opposés », « ne
 *      souhaite pas ») against the same verb affirmed in the position, or the other way round.
 *
 * Both sides must be about the same thing: the draft's sentence and the position's sentence (with
 * the one before, for « il » or « cette période ») share at least two content words, not counting
 * the duration or the stance itself; and a draft naming measures that the position is not tagged
 * with speaks of another measure. When nothing differs, there is no note.
 *
 * @example
 *   divergence('Nous demandons un délai de réflexion de 45 jours.', position)
 *   // → { draft: '45 jours', position: '3 mois' }
 */
import { measureRefs } from './measureRefs';
import { analyze, fold, isNumber } from './normalise';
import { isOurs, type Position } from '../library/schema';

/** The two spans that differ, exactly as written in the draft and in the position. */
export interface Divergence {
  draft: string;
  position: string;
}

/** A result that may carry a divergence (the suggestion cards, `match --jsonl`). */
export type WithDivergence<T> = T & { divergence?: Divergence };

/** Content words the two sentences must share before a difference counts. */
const SHARED_WORDS = 2;

/** Days in each unit, by folded singular and plural form. */
const UNIT_DAYS: Record<string, number> = {
  jour: 1, jours: 1, journee: 1, journees: 1,
  semaine: 7, semaines: 7,
  mois: 30,
  an: 365, ans: 365, annee: 365, annees: 365,
};

const NUMBER_WORDS: Record<string, number> = {
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20,
  trente: 30, quarante: 40, cinquante: 50, soixante: 60, cent: 100, cents: 100,
};

// A number in words (« quarante-cinq », « quatre-vingt-dix », « soixante et onze ») or in figures, then a unit.
const WORD = `(?:${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})`;
const NUMBER = `(?:\\d+(?:[.,]\\d+)?|${WORD}(?:(?:-|\\s+et\\s+|\\s+|-et-)${WORD})*)`;
const UNIT = '(?:jours?|journ[ée]es?|semaines?|mois|ans|an|ann[ée]es?)';
const DURATION = new RegExp(`(?<![\\p{L}\\d])(${NUMBER})\\s+(${UNIT})(\\s+et\\s+demie?)?(?![\\p{L}])`, 'giu');

interface Span {
  text: string;
  start: number;
  end: number;
}
interface Duration extends Span {
  days: number;
}

/** The value of a number written in figures or in French words; NaN when it is not one. */
export function numberValue(written: string): number {
  const f = fold(written);
  if (/^\d/.test(f)) return Number(f.replace(',', '.'));
  let total = 0;
  let current = 0;
  for (const word of f.split(/[\s-]+/).filter((w) => w && w !== 'et')) {
    const n = NUMBER_WORDS[word];
    if (n === undefined) return Number.NaN;
    if (n === 100) current = (current || 1) * 100;
    else if (n === 20 && current > 0 && current < 20) current *= 20; // quatre-vingt(s)
    else current += n;
  }
  total += current;
  return total;
}

/** Every duration written in `text`, with its length in days. */
export function durationsIn(text: string): Duration[] {
  const found: Duration[] = [];
  for (const m of text.matchAll(DURATION)) {
    const value = numberValue(m[1]!) + (m[3] ? 0.5 : 0);
    const unit = UNIT_DAYS[fold(m[2]!)];
    if (!Number.isFinite(value) || value <= 0 || unit === undefined) continue;
    found.push({ text: m[0], start: m.index!, end: m.index! + m[0].length, days: Math.round(value * unit) });
  }
  return found;
}

// Stances whose explicit negation turns a position around: folded stems, matched at a word's start.
const STANCES = ['oppos', 'favorable', 'accept', 'souhait', 'demand', 'soutien', 'soutenons', 'soutient', 'approuv', 'refus'];
const STANCE = new RegExp(`(?<![\\p{L}])(?:s')?(${STANCES.join('|')})\\p{L}*`, 'gu');
// « ne sommes pas opposés », « n'est pas favorable »: the negation is before the word.
const NEGATION_BEFORE = /(?<![\p{L}])(?:ne\s+|n')(?:\S+\s+){0,2}?(?:pas|plus|jamais|nullement|aucunement)\s+(?:\S+\s+)?$/u;
// « ne s'oppose pas », « ne souhaitons plus »: around it.
const NE_BEFORE = /(?<![\p{L}])(?:ne\s+|n')$/u;
const NEGATION_AFTER = /^\s+(?:pas|plus|jamais|nullement|aucunement)(?![\p{L}])/u;

interface Stance extends Span {
  stem: string;
  negated: boolean;
}

/** The stances in `text`: which verb or adjective, whether it is explicitly negated, and the span as written. */
export function stancesIn(text: string): Stance[] {
  const folded = foldSameLength(text);
  const found: Stance[] = [];
  for (const m of folded.matchAll(STANCE)) {
    let start = m.index!;
    let end = start + m[0].length;
    const before = folded.slice(lastBoundary(folded, start), start);
    const prefix = NEGATION_BEFORE.exec(before);
    const around = !prefix && NE_BEFORE.exec(before);
    const suffix = around && NEGATION_AFTER.exec(folded.slice(end));
    if (prefix) start -= prefix[0].length;
    else if (around && suffix) {
      start -= around[0].length;
      end += suffix[0].length;
    }
    const stem = m[1]!.startsWith('sout') ? 'soutien' : m[1]!;
    found.push({ stem, negated: !!prefix || !!suffix, start, end, text: text.slice(start, end).trim() });
  }
  return found;
}

/**
 * Where the paragraph departs from `position`: the two spans as written, or `undefined` when
 * nothing differs (or when they do not speak of the same thing). Never changes either text.
 */
export function divergence(paragraph: string, position: Pick<Position, 'text' | 'measures' | 'author'>): Divergence | undefined {
  // Only the Collectif's and its members' wording is a past position to depart from; the rest is context.
  if (!isOurs(position.author) || !paragraph.trim() || otherMeasure(paragraph, position.measures)) return undefined;
  return durationDivergence(paragraph, position.text) ?? stanceDivergence(paragraph, position.text);
}

/** The draft names measures (« mesure 5 ») and the position is tagged with none of them. */
function otherMeasure(paragraph: string, measures: readonly string[]): boolean {
  // Any key is kept here: a measure the library lacks is still not this position's.
  const named = measureRefs(paragraph, 'PAN1', { has: () => true });
  return named.length > 0 && measures.length > 0 && !named.some((key) => measures.includes(key));
}

/**
 * A duration stated as the length of something (« un délai de réflexion de 45 jours », « porté à 3 mois »,
 * « pendant un an »), not an age (« leurs 18 ans », « les mineurs de moins de 16 ans »), time gone by
 * (« depuis trois mois », « il y a un an ») or a margin of error: a word of length comes shortly before,
 * and no « depuis » or « il y a » right before. Measured on the project's 408 own evaluation lines: without
 * this, all four notes shown were ages or time gone by.
 */
const LENGTH_WORDS = /(?:^|[^a-z])(?:delai|periode|duree|prolong|etend|extension|porte|allong|redui|reduction|limite|pendant|validite|renouvel|maximum|minimum|au moins)/;
const NOT_A_LENGTH = /(?:^|[^a-z])(?:depuis|il y a|voila|ses|leurs|son|sa|mes|nos|vos)\s+(?:\S+\s+)?$/;

function statedLength(text: string, d: Duration): boolean {
  const before = fold(text.slice(lastBoundary(text, d.start), d.start)).slice(-80);
  return LENGTH_WORDS.test(before) && !NOT_A_LENGTH.test(before);
}

function durationDivergence(paragraph: string, text: string): Divergence | undefined {
  const ours = durationsIn(text).filter((d) => statedLength(text, d));
  if (!ours.length) return undefined;
  const drafts = durationsIn(paragraph).filter((d) => statedLength(paragraph, d));
  for (const draft of drafts) {
    const draftSentence = sentenceAround(paragraph, draft);
    // The position's durations on the same subject as this one; the one it asks for is the target.
    const related = ours.filter((d) => sameSubject(draftSentence, contextAround(text, d), [draft, d]));
    if (!related.length) continue;
    // A figure the position itself names (« actuellement de 30 jours ») or asks for is no departure,
    // whatever the draft says of it: « trente jours, c'est trop court ; il faut trois mois » agrees.
    const named = new Set(related.map((d) => d.days));
    if (drafts.some((d) => named.has(d.days))) return undefined;
    const target = askedFor(text, related);
    return { draft: askedFor(paragraph, drafts).text, position: target.text };
  }
  return undefined;
}

/**
 * Of several durations in a position, the one it asks for: « limité à 30 jours n'est guère suffisant.
 * Le Collectif souhaite qu'il soit porté à 3 mois » asks for 3 mois. One after a verb of extending or
 * asking counts most; one after « actuellement » or « limité » least; otherwise the last one.
 */
function askedFor(text: string, durations: Duration[]): Duration {
  const score = (d: Duration) => {
    const before = fold(text.slice(Math.max(0, d.start - 60), d.start));
    if (/(?:actuellement|limite|seulement)\S*\s+(?:\S+\s+){0,2}$/.test(before)) return -1;
    if (/(?:porte|etend|extension|allong|pass|demand|souhait|reclam)\S*\s+(?:\S+\s+){0,6}$/.test(before)) return 1;
    return 0;
  };
  return durations.reduce((best, d) => (score(d) >= score(best) ? d : best));
}

function stanceDivergence(paragraph: string, text: string): Divergence | undefined {
  const ours = stancesIn(text);
  if (!ours.length) return undefined;
  for (const draft of stancesIn(paragraph)) {
    if (!draft.negated) continue;
    const draftSentence = sentenceAround(paragraph, draft);
    const opposite = ours.find((s) => s.stem === draft.stem && !s.negated && sameSubject(draftSentence, contextAround(text, s), [draft, s]));
    if (opposite) return { draft: draft.text, position: opposite.text };
  }
  return undefined;
}

/** The sentence holding `span`. */
function sentenceAround(text: string, span: Span): string {
  const start = lastBoundary(text, span.start);
  const end = nextBoundary(text, span.end);
  return text.slice(start, end);
}

/** The sentence holding `span` and the one before it (« Le Collectif souhaite qu'il soit porté à 3 mois » says what « il » is only with it). */
function contextAround(text: string, span: Span): string {
  const start = lastBoundary(text, span.start);
  const previous = start > 0 ? lastBoundary(text, start - 2) : 0;
  return text.slice(previous, nextBoundary(text, span.end));
}

function lastBoundary(text: string, at: number): number {
  const before = text.slice(0, at);
  const m = /[.!?;\n](?=[^.!?;\n]*$)/.exec(before);
  return m ? m.index + 1 : 0;
}

function nextBoundary(text: string, at: number): number {
  const m = /[.!?;\n]/.exec(text.slice(at));
  return m ? at + m.index + 1 : text.length;
}

/** Two sentences speak of the same thing: they share enough content words besides the spans compared. */
function sameSubject(a: string, b: string, spans: Span[]): boolean {
  const ignored = new Set(spans.flatMap((s) => analyze(s.text)));
  const left = new Set(analyze(a).filter((w) => !ignored.has(w) && !isNumber(w)));
  let shared = 0;
  for (const w of new Set(analyze(b))) if (left.has(w) && !ignored.has(w)) shared++;
  return shared >= SHARED_WORDS;
}

/** Lower case with accents and typographic apostrophes folded, keeping every offset (for spans as written). */
function foldSameLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
    const c = ch === '’' || ch === 'ʼ' ? "'" : base.length === ch.length ? base.toLowerCase() : ch.toLowerCase();
    out += c.length === ch.length ? c : ch;
  }
  return out;
}
