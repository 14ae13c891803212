/**
 * Measure references in French drafting: « la mesure 21 », « mesures 3 et 4 », « mesure 4 bis »,
 * « mesure n° 5 », « m. 16 du deuxième plan », « la mesure vingt et un », « PAN2-16 ».
 * Shared by the extraction pipeline (tagging passages) and the matching engine (a paragraph
 * that names a measure is about it). Only keys that exist are returned: nothing is invented.
 */
import { fold } from './normalise';

export interface MeasureKeyring {
  has(key: string): boolean;
}


const WORDS: Record<string, number> = {
  // « un », « une » are left out: « cette mesure une fois adoptée » names no measure.
  deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, 'dix-sept': 17, 'dix-huit': 18, 'dix-neuf': 19,
  vingt: 20, 'vingt-et-un': 21, 'vingt-deux': 22, 'vingt-trois': 23,
};
const WORD_NUMBER = Object.keys(WORDS)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/-/g, '[- ]'))
  .join('|');

const NUM = `(?:\\d{1,2}|${WORD_NUMBER})(?:\\s*bis)?`;
const MENTION = new RegExp(
  `(?:\\bmesures?|\\bm\\.)\\s*(?:n\\s*°\\s*|no\\s*)?(${NUM}(?:\\s*(?:,|et|ou|&)\\s*${NUM})*)\\b`,
  'g',
);
const DIRECT = /\bpan\s*([123])\s*-\s*(\d{1,2}(?:\s*bis)?)\b/g;
const SECOND = /\b(?:deuxieme|second|2e|2eme|2nd)\s+plan\b|\bpan\s*2\b|\bplan (?:de )?2019/;
const THIRD = /\b(?:troisieme|3e|3eme)\s+plan\b|\bpan\s*3\b/;
const FIRST = /\b(?:premier|1er)\s+plan\b|\bpan\s*1\b|\bplan (?:de )?2014/;

function number(token: string): string | undefined {
  const t = token.trim().replace(/\s+/g, ' ');
  const bis = /\bbis$/.test(t);
  const core = t.replace(/\s*bis$/, '').replace(/ /g, '-');
  const n = /^\d+$/.test(core) ? Number(core) : (WORDS[core] ?? WORDS[core.replace(/-/g, ' ')]);
  return n ? `${n}${bis ? 'bis' : ''}` : undefined;
}

/**
 * Measure keys a text names. A plan named within a few words after the reference
 * (« …du deuxième plan ») decides the plan; otherwise `defaultPlan`.
 */
export function measureRefs(text: string, defaultPlan: string, keys: MeasureKeyring): string[] {
  // « vingt et un » must survive the split on « et » between two numbers.
  const folded = fold(text).replace(/\bvingt et un\b/g, 'vingt-et-un');
  const out = new Set<string>();
  for (const m of folded.matchAll(MENTION)) {
    const after = folded.slice(m.index! + m[0].length, m.index! + m[0].length + 45);
    const plan = SECOND.test(after) ? 'PAN2' : THIRD.test(after) ? 'PAN3' : FIRST.test(after) ? 'PAN1' : defaultPlan;
    for (const part of m[1].split(/\s*,\s*|\s+(?:et|ou)\s+|\s*&\s*/)) {
      const n = number(part);
      if (n && keys.has(`${plan}-${n}`)) out.add(`${plan}-${n}`);
    }
  }
  for (const m of folded.matchAll(DIRECT)) {
    const key = `PAN${m[1]}-${m[2].replace(/\s+/g, '')}`;
    if (keys.has(key)) out.add(key);
  }
  return [...out];
}
