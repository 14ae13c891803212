/**
 * Measure references in French drafting: « la mesure 21 », « mesures 3 et 4 », « mesure 4 bis »,
 * « mesure n° 5 », « m. 16 du deuxième plan », « la mesure vingt et un », « PAN2-16 », « la 13e mesure »,
 * « la treizième mesure », « la première mesure du plan »; and the English of the panel's English users (« measure 5 »,
 * « measures 3 and 4 », « measure 16 of the second plan »).
 * Shared by the extraction pipeline (tagging passages) and the matching engine (a paragraph
 * that names a measure is about it). Only keys that exist are returned: nothing is invented.
 */
import { fold, foldTracked } from './normalise';

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
  `(?:\\bmesures?|\\bmeasures?|\\bm\\.)\\s*(?:n\\s*°\\s*|no\\s*)?(${NUM}(?:\\s*(?:,|&|/|-|\\b(?:et|ou|a|au|and|or|to)\\b)\\s*(?:la\\s+)?${NUM})*)\\b`,
  'g',
);
/** « treize » → « treizieme », « cinq » → « cinquieme », « neuf » → « neuvieme », « vingt-et-un » → « vingt-et-unieme ». */
function ordinalOf(word: string): string {
  if (word.endsWith('cinq')) return `${word}uieme`;
  if (word.endsWith('neuf')) return `${word.slice(0, -1)}vieme`;
  return `${word.replace(/e$/, '')}ieme`;
}
const ORDINAL_WORDS: Record<string, number> = {
  premiere: 1, premier: 1, seconde: 2, second: 2,
  ...Object.fromEntries(Object.entries(WORDS).map(([w, n]) => [ordinalOf(w), n])),
};
const ORDINAL_WORD = Object.keys(ORDINAL_WORDS)
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/-/g, '[- ]'))
  .join('|');
/** « la 13e mesure », « cette treizième mesure », « la 1re mesure » (folded: « 13ème » reads « 13eme »). */
const ORDINAL = new RegExp(`\\b(?:(la|cette|une|chaque|sa|leur|notre|votre)\\s+)?(?:(\\d{1,2})\\s?(?:e|eme|er|ere|re)|(${ORDINAL_WORD}))\\s+mesure\\b(?!s)`, 'g');
/** A plan named right after the measure: « …mesure du plan », « …mesure du deuxième plan d'action », « …du PAN 2 ». */
const PLAN_AFTER = /^\s*(?:du|de ce|de notre|of the|of our)\s+(?:(?:premier|deuxieme|second|troisieme|1er|2e|2eme|3e|3eme|nouveau|dernier|prochain)\s+)?(?:plan|pan)\b/;

const DIRECT = /\bpan\s*([123])\s*-\s*(\d{1,2}(?:\s*bis)?)\b/g;
const SECOND = /\b(?:deuxieme|second|2e|2eme|2nd)\s+plan\b|\bpan\s*2\b|\bplan (?:de )?2019/;
const THIRD = /\b(?:troisieme|3e|3eme)\s+plan\b|\bpan\s*3\b/;
const FIRST = /\b(?:premier|1er)\s+plan\b|\bpan\s*1\b|\bplan (?:de )?2014/;
const PLANS: [string, RegExp][] = [['PAN2', SECOND], ['PAN3', THIRD], ['PAN1', FIRST]];
/** The same, to find every plan a sentence names before a measure. */
const PLANS_ALL: [string, RegExp][] = PLANS.map(([plan, re]) => [plan, new RegExp(re.source, 'g')]);
/** How far back, within its sentence, a plan named before a measure still decides it: « Dans le deuxième plan, la mesure 16… ». */
const BEFORE = 90;
/** How far back, in the sentences before it in the paragraph, a plan named still counts: « Le deuxième plan est paru. La mesure 16… ». */
const EARLIER = 400;

/** The last plan `text` names, or undefined. */
function lastPlanIn(text: string): string | undefined {
  let best: { plan: string; at: number } | undefined;
  for (const [plan, re] of PLANS_ALL) {
    for (const m of text.matchAll(re)) {
      if (!best || m.index! > best.at) best = { plan, at: m.index! };
    }
  }
  return best?.plan;
}

/**
 * The plans a reference at `start`–`end` of the folded text may belong to, the likeliest first: the plan named within a
 * few words after it (« …mesure 16 du deuxième plan »); else the last one named before it in its sentence (« Sur le
 * PAN 2, mesure 16 », « Dans le deuxième plan d'action, la mesure 16… »): each of them alone. Else the last plan an
 * earlier sentence of the paragraph named (« Le deuxième plan est paru. La mesure 16… »), then `defaultPlan`: a
 * sentence before is weaker evidence, so a number that plan does not have is read in the default one.
 */
function plansOf(folded: string, start: number, end: number, defaultPlan: string): string[] {
  const after = folded.slice(end, end + 45);
  for (const [plan, re] of PLANS) if (re.test(after)) return [plan];
  const paragraph = folded.slice(Math.max(0, start - EARLIER), start);
  const cut = Math.max(...['.', '!', '?', ';'].map((c) => paragraph.lastIndexOf(c)));
  const sentence = paragraph.slice(cut + 1).slice(-BEFORE);
  const here = lastPlanIn(sentence);
  if (here) return [here];
  const before = cut >= 0 ? lastPlanIn(paragraph.slice(0, cut + 1)) : undefined;
  return before && before !== defaultPlan ? [before, defaultPlan] : [defaultPlan];
}

/** The first of `plans` that has measure `n`, as a key. */
function keyIn(plans: string[], n: string | number, keys: MeasureKeyring): string | undefined {
  return plans.map((plan) => `${plan}-${n}`).find((key) => keys.has(key));
}

function number(token: string): string | undefined {
  const t = token.trim().replace(/\s+/g, ' ');
  // « 4 bis » or « 4bis »: the letters follow the digit with no word boundary between them.
  const bis = /bis$/.test(t);
  const core = t.replace(/\s*bis$/, '').replace(/ /g, '-');
  const n = /^\d+$/.test(core) ? Number(core) : (WORDS[core] ?? WORDS[core.replace(/-/g, ' ')]);
  return n ? `${n}${bis ? 'bis' : ''}` : undefined;
}

/** Widest range read as the measures within it (« mesures 3 à 7 »); a wider one names its two ends only. */
const RANGE = 8;

/**
 * The measure numbers of a mention's list: « 3, 4 et 5 », « 5/6 », « 10 et la 11 », and, after the plural « mesures », a range
 * (« mesures 3 à 5 », « mesures 3-5 »: 3, 4, 4 bis, 5; the bis measures between its ends are in the plan's order).
 * After « la mesure », « à » and « - » join no second number: « la mesure 5 a deux volets », « la mesure 3 à 5 ans ».
 */
function numbersOf(list: string, plural: boolean): string[] {
  // « - » separates two numbers, and « et » two words: not the halves of « dix-sept » or « vingt-et-un ».
  const parts = list.split(/\s*(,|&|\/|(?<=\d)\s*-\s*(?=\d)|(?<=\s)(?:et|ou|au|a|and|or|to)(?=\s))\s*/);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    // « la mesure 10 et la 11 »: the article before the second number.
    parts[i] = parts[i].replace(/^la\s+/, '');
    const n = number(parts[i]);
    const sep = (parts[i - 1] ?? '').trim();
    const range = sep === '-' || sep === 'a' || sep === 'au' || sep === 'to';
    if (!n) continue;
    if (!range) {
      out.push(n);
      continue;
    }
    const from = Number.parseInt(out[out.length - 1] ?? '', 10);
    const to = Number.parseInt(n, 10);
    // A range needs « mesures », digits at both ends and its ends in order; otherwise the second number is no measure.
    if (!plural || !/^\d+(bis)?$/.test(parts[i].replace(/\s+/g, '')) || !(from < to)) continue;
    if (to - from <= RANGE) {
      for (let k = from; k < to; k++) out.push(...(k > from ? [`${k}`] : []), `${k}bis`);
    }
    out.push(n);
  }
  return out;
}

interface OrdinalRef {
  /** Span in the folded text, from the article if there is one. */
  index: number;
  end: number;
  article: string;
  number: number;
  key: string;
}

/**
 * Measures named by an ordinal. It names one with « la » or « cette » before it, or a plan named after it. « La première
 * mesure à prendre », « une deuxième mesure » name none: in words, the first and second need the plan after them; « la
 * 3e mesure de la loi » names another text's.
 */
function ordinalRefs(folded: string, defaultPlan: string, keys: MeasureKeyring): OrdinalRef[] {
  const out: OrdinalRef[] = [];
  for (const m of folded.matchAll(ORDINAL)) {
    const end = m.index! + m[0].length;
    const after = folded.slice(end, end + 45);
    const n = m[2] ? Number(m[2]) : ORDINAL_WORDS[m[3].replace(/ /g, '-')];
    const definite = m[1] === 'la' || m[1] === 'cette';
    const named = PLAN_AFTER.test(after);
    const otherText = !named && /^\s*(?:de|des|du|d')\b/.test(after);
    if (!n || otherText || !(named || (definite && (m[2] || n > 2)))) continue;
    const key = keyIn(plansOf(folded, m.index!, end, defaultPlan), n, keys);
    if (key) out.push({ index: m.index!, end, article: m[1] ?? '', number: n, key });
  }
  return out;
}

/**
 * The text with each measure named by an ordinal named the way the sources name it: « Sur la treizième mesure du plan »
 * → « Sur la mesure 13 du plan ». The engine reads it so, and finds what « la mesure 13 » finds.
 */
export function spellOrdinalRefs(text: string, defaultPlan: string, keys: MeasureKeyring): string {
  const { text: folded, from, to } = foldTracked(text, true);
  const refs = ordinalRefs(folded, defaultPlan, keys);
  let out = '';
  let at = 0;
  for (const r of refs) {
    // The article is kept as written (« La », « cette »); the rest becomes « mesure 13 ».
    const start = from[r.index];
    const articleEnd = r.article ? to[r.index + r.article.length - 1] : start;
    out += text.slice(at, articleEnd) + (r.article ? ' ' : '') + `mesure ${r.number}`;
    at = to[r.end - 1];
  }
  return out + text.slice(at);
}

/** « mesure 30 », « mesure n° 45 », « la mesure 31 bis »: one measure named by its figure. */
const ONE_FIGURE = /\b(?:mesure|measure)\s*(?:n\s*°\s*|no\s*)?(\d{1,2})(\s*bis)?\b(?!\s*(?:,|&|\/|-|\b(?:et|ou|a|au|and|or|to)\b)\s*\d)/g;

/**
 * The text with each measure named by a figure that no plan of `keys` has (« Sur la mesure 30, notre position est la
 * suivante. ») blanked, at the same length: such a mention says nothing of what the library holds, yet its « mesure »
 * read as the library's word and answered with passages on no measure 30. A measure some plan has, even another than
 * the one named (« la mesure 5 du deuxième plan »), is left: what plan is meant is the references' business.
 */
export function withoutUnknownMeasures(text: string, plans: readonly string[], keys: MeasureKeyring): string {
  // Read at every pause in the typing: most paragraphs name no measure.
  if (!/mesure|measure/i.test(text)) return text;
  const { text: folded, from, to } = foldTracked(text, true);
  let out = '';
  let at = 0;
  for (const m of folded.matchAll(ONE_FIGURE)) {
    const n = `${Number(m[1])}${m[2] ? 'bis' : ''}`;
    if (plans.some((plan) => keys.has(`${plan}-${n}`))) continue;
    const start = from[m.index!];
    const end = to[m.index! + m[0].length - 1];
    out += text.slice(at, start) + ' '.repeat(end - start);
    at = end;
  }
  return at ? out + text.slice(at) : text;
}

/**
 * Measure keys a text names. A plan named within a few words after the reference (« …du deuxième plan »), or before
 * it in its sentence (« Dans le deuxième plan, la mesure 16 »), decides the plan; one named in an earlier sentence of
 * the paragraph decides it when it has that number; otherwise `defaultPlan` (`plansOf`).
 */
export function measureRefs(text: string, defaultPlan: string, keys: MeasureKeyring): string[] {
  const out = new Set<string>();
  // Paragraph by paragraph (folding turns line breaks into spaces): a plan named in one does not decide the next's.
  for (const paragraph of text.split(/\n\s*\n/)) refsOf(paragraph, defaultPlan, keys, out);
  return [...out];
}

function refsOf(text: string, defaultPlan: string, keys: MeasureKeyring, out: Set<string>): void {
  // « vingt et un » must survive the split on « et » between two numbers.
  const folded = fold(text).replace(/\bvingt et un\b/g, 'vingt-et-un');
  for (const m of folded.matchAll(MENTION)) {
    const plans = plansOf(folded, m.index!, m.index! + m[0].length, defaultPlan);
    for (const n of numbersOf(m[1], /^(?:mesures|measures)/.test(m[0]))) {
      const key = keyIn(plans, n, keys);
      if (key) out.add(key);
    }
  }
  for (const r of ordinalRefs(folded, defaultPlan, keys)) out.add(r.key);
  for (const m of folded.matchAll(DIRECT)) {
    const key = `PAN${m[1]}-${m[2].replace(/\s+/g, '')}`;
    if (keys.has(key)) out.add(key);
  }
}
