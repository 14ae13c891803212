/**
 * Which measures of the national action plans a passage is about, and why:
 *
 * - `section`: the section it sits in (« Mesure 5 » heading);
 * - `mention`: a measure it names (« la mesure 21 du Plan », « mesure 4 bis », « mesures 3 et
 *   4 », « la mesure 16 du deuxième plan »);
 * - `cue`: a reviewed phrase of two words or more naming the measure's subject
 *   (`measure-cues.json`, e.g. « délai de réflexion » → PAN1-4bis), only where neither the
 *   section nor a mention gives a measure: a passage filed under measure 21 that says
 *   « délinquance forcée » in passing is still about measure 21.
 *
 * One common word (« hébergement », « parquet », « MIPROF ») never makes a key: it is said of
 * many measures. `compileCues` refuses such a cue.
 */
import { measureRefs, type MeasureKeyring } from '../../engine/measureRefs';
import type { MeasureReason } from '../schema';
import { foldWord } from './text';
import cues from './measure-cues.json';

export type { MeasureKeyring } from '../../engine/measureRefs';

/** Measure keys a text names explicitly. `defaultPlan` is the plan a bare number refers to. */
export function mentionedMeasures(text: string, defaultPlan: string, keys: MeasureKeyring): string[] {
  return measureRefs(text, defaultPlan, keys);
}

export interface Cue {
  measure: string;
  pattern: string;
  why: string;
}

export interface CompiledCue {
  measure: string;
  re: RegExp;
}

/** Top-level alternatives of a regular expression source (`a|b(c|d)` → `a`, `b(c|d)`). */
export function alternatives(pattern: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      cur += c + (pattern[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '(' || c === '[') depth++;
    if (c === ')' || c === ']') depth--;
    if (c === '|' && depth === 0) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  out.push(cur);
  return out;
}

/**
 * Compiles reviewed cues, refusing any alternative that could match a single word: each must
 * hold a literal space (a phrase), so that one common word never puts a key on a passage.
 */
export function compileCues(list: readonly Cue[]): CompiledCue[] {
  return list.map((c) => {
    const single = alternatives(c.pattern).find((a) => !/ /.test(a.replace(/\(\?:[^)]*\)\?/g, '').replace(/\s\?/g, '')));
    if (single !== undefined)
      throw new Error(`measure-cues.json : l’indice « ${single} » de ${c.measure} peut reconnaître un seul mot ; un indice nomme le sujet de la mesure en deux mots au moins`);
    return { measure: c.measure, re: new RegExp(c.pattern) };
  });
}

const compiled = compileCues((cues as { cues: Cue[] }).cues);

/** Measure keys a text discusses by its subject matter, from the reviewed cue list. */
export function cuedMeasures(text: string, list: readonly CompiledCue[] = compiled): string[] {
  const folded = foldWord(text);
  return [...new Set(list.filter((c) => c.re.test(folded)).map((c) => c.measure))];
}

export interface MeasureInput {
  text: string;
  /** Keys of the section the passage sits in. */
  section: readonly string[];
  /**
   * Keys a list item's opening sentence gives it (its subject, by mention or cue): every
   * passage of a long item inherits them with their reason.
   */
  inherited?: Record<string, MeasureReason>;
  defaultPlan: string;
  keys: MeasureKeyring & { has(key: string): boolean };
  cues?: readonly CompiledCue[];
}

/** The measure keys of a passage and the reason for each, strongest reason first. */
export function measuresOf(input: MeasureInput): { measures: string[]; reasons: Record<string, MeasureReason> } {
  const reasons: Record<string, MeasureReason> = {};
  const add = (k: string, r: MeasureReason) => {
    if (input.keys.has(k) && !reasons[k]) reasons[k] = r;
  };
  for (const k of input.section) add(k, 'section');
  for (const k of mentionedMeasures(input.text, input.defaultPlan, input.keys)) add(k, 'mention');
  for (const [k, r] of Object.entries(input.inherited ?? {})) add(k, r);
  if (!Object.keys(reasons).length) {
    // Cues speak of a plan's measures by subject: only the plan the document discusses.
    for (const k of cuedMeasures(input.text, input.cues)) if (k.startsWith(`${input.defaultPlan}-`)) add(k, 'cue');
  }
  return { measures: Object.keys(reasons), reasons };
}
