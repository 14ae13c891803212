/**
 * Which measures of the national action plans a passage is about: the section it sits in,
 * the measures it names (« la mesure 21 du Plan », « mesure 4 bis », « mesures 3 et 4 »,
 * « la mesure 16 du deuxième plan »), and reviewed cues for measures a passage discusses
 * without naming them (`measure-cues.json`, e.g. « délai de réflexion » → PAN1-4bis).
 */
import { foldWord } from './text';
import cues from './measure-cues.json';

export interface MeasureKeyring {
  has(key: string): boolean;
}

const SECOND_PLAN = /\b(?:deuxieme|second|2e|2eme|2nd)\s+plan\b|\bpan\s*2\b/;
const THIRD_PLAN = /\b(?:troisieme|3e|3eme)\s+plan\b|\bpan\s*3\b/;
const MENTION = /\bmesures?\s+(?:n°\s*)?(\d{1,2}(?:\s*bis)?(?:\s*(?:,|et|ou)\s*\d{1,2}(?:\s*bis)?)*)/g;

/** Measure keys a text names explicitly. `defaultPlan` is the plan a bare number refers to. */
export function mentionedMeasures(text: string, defaultPlan: string, keys: MeasureKeyring): string[] {
  const folded = foldWord(text);
  const out = new Set<string>();
  for (const m of folded.matchAll(MENTION)) {
    const around = folded.slice(m.index!, m.index! + m[0].length + 40);
    const plan = SECOND_PLAN.test(around) ? 'PAN2' : THIRD_PLAN.test(around) ? 'PAN3' : defaultPlan;
    for (const n of m[1].split(/\s*(?:,|et|ou)\s*/)) {
      const key = `${plan}-${n.replace(/\s+/g, '')}`;
      if (keys.has(key)) out.add(key);
    }
  }
  return [...out];
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
