/**
 * Which measures of the national action plans a passage is about: the section it sits in,
 * the measures it names (« la mesure 21 du Plan », « mesure 4 bis », « mesures 3 et 4 »,
 * « la mesure 16 du deuxième plan »), and reviewed cues for measures a passage discusses
 * without naming them (`measure-cues.json`, e.g. « délai de réflexion » → PAN1-4bis).
 */
import { measureRefs, type MeasureKeyring } from '../../engine/measureRefs';
import { foldWord } from './text';
import cues from './measure-cues.json';

export type { MeasureKeyring } from '../../engine/measureRefs';

/** Measure keys a text names explicitly. `defaultPlan` is the plan a bare number refers to. */
export function mentionedMeasures(text: string, defaultPlan: string, keys: MeasureKeyring): string[] {
  return measureRefs(text, defaultPlan, keys);
}

interface Cue {
  measure: string;
  pattern: string;
  why: string;
}

const compiled = (cues as { cues: Cue[] }).cues.map((c) => ({ measure: c.measure, re: new RegExp(c.pattern) }));

/** Measure keys a text discusses by its subject matter, from the reviewed cue list. */
export function cuedMeasures(text: string): string[] {
  const folded = foldWord(text);
  return [...new Set(compiled.filter((c) => c.re.test(folded)).map((c) => c.measure))];
}
