/**
 * French text analysis for matching drafting snippets against the library: one pipeline,
 * used at index time and at query time, in the extension, the command line and the tests.
 *
 *   fold → tokenize (elisions, compounds) → numbers in words → stop words → stem
 *
 * The same analysis runs on the library and on what people type, so « trente jours » meets
 * « 30 jours », « hébergées » meets « hébergement » and « l’ASE » meets « l'ase ».
 * Pure TypeScript, no browser API. Every regular expression is compiled once, folded
 * characters and stems are cached: a paragraph analyses in well under a millisecond.
 *
 * @example
 * analyze('Porter à trente jours le délai de réflexion')  // ['port', '30', 'jour', 'del', 'reflexion']
 * analyzeWithSurface('l’ASE')                           // [{ stem: 'ase', word: 'ase', start: 2, end: 5 }]
 */
// Snowball's French algorithm as nlp.js ports it, imported by its own path: the package's index would bring its
// tokenizer, normaliser and sentiment lexicon, which the engine does not use (README, « Dépendances »).
import StemmerFr from '@nlpjs/lang-fr/src/stemmer-fr';

/** One analysed word of a text. */
export interface Token {
  /** The term to match on: a stem of the folded word, or digits for a number (« trente » → `30`, « deuxième » → `2e`). */
  stem: string;
  /** The word as written, folded (lower case, no accents, elision removed): « l’ASE » → `ase`. Same as `stem` for numbers. */
  word: string;
  /** Offsets in the ORIGINAL string, end exclusive: `text.slice(start, end)` is the word to highlight. */
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// Folding
// ---------------------------------------------------------------------------------------------

/**
 * Characters NFKD leaves alone or gets wrong for our purpose. Apostrophes: Word and Outlook
 * type ’, PDFs carry ‘ ʼ ´ `. Dashes: « 2014–2016 » must split like « 2014-2016 ». Spaces:
 * French typography puts narrow no-break spaces before « : ; ? ! » and inside guillemets.
 * Invisible characters (soft hyphen, zero-width space) come from PDF extraction and web pages.
 */
const CHAR_MAP: Record<string, string> = {
  '’': "'", '‘': "'", 'ʼ': "'", '`': "'", '´': "'", '′': "'", 'ʹ': "'",
  'œ': 'oe', 'æ': 'ae', 'ß': 'ss', 'ø': 'o', 'ł': 'l', 'đ': 'd',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-',
  '\u00a0': ' ', '\u2007': ' ', '\u2009': ' ', '\u200a': ' ', '\u202f': ' ', '\u205f': ' ', '\u3000': ' ',
  '\u2002': ' ', '\u2003': ' ', '\u2004': ' ', '\u2005': ' ', '\u2006': ' ', '\u2008': ' ',
  '\u2028': ' ', '\u2029': ' ', '\u0085': ' ',
  '\u00ad': '', '\u200b': '', '\u200c': '', '\u200d': '', '\u2060': '', '\ufeff': '',
};
const MARKS = /\p{M}/gu;
const IS_MARK = /^\p{M}$/u;
const FOLD_CACHE = new Map<string, string>();

/** ASCII fast path: lower case, every control and white space character becomes a space. */
const ASCII_FOLD: string[] = Array.from({ length: 128 }, (_, c) => {
  if (c <= 32 || c === 127) return ' ';
  if (c === 96) return "'";
  return String.fromCharCode(c).toLowerCase();
});

/** The folded form of one character (code point): may be empty (marks) or longer (œ → oe, ﬁ → fi). */
function foldChar(ch: string): string {
  const cached = FOLD_CACHE.get(ch);
  if (cached !== undefined) return cached;
  const lower = ch.toLowerCase();
  let out = CHAR_MAP[lower] ?? CHAR_MAP[ch];
  if (out === undefined) {
    // NFKD, not NFD: PDF text carries ligatures (ﬁ ﬂ), superscripts (2ᵉ) and full-width forms.
    const decomposed = lower.normalize('NFKD').replace(MARKS, '').toLowerCase();
    out = decomposed === lower ? lower : Array.from(decomposed, (c) => CHAR_MAP[c] ?? c).join('');
    if (/\s/.test(out)) out = out.replace(/\s+/g, ' ');
  }
  FOLD_CACHE.set(ch, out);
  return out;
}

/** A folded text, and for each of its characters the span of the original character it came from. */
export interface Folded {
  text: string;
  from: number[];
  to: number[];
}

export function foldTracked(s: string, track: boolean): Folded {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let lastSpace = true; // true at the start: leading spaces are dropped
  for (let i = 0; i < s.length; ) {
    const code = s.charCodeAt(i);
    const width = code >= 0xd800 && code <= 0xdbff && i + 1 < s.length ? 2 : 1;
    const folded = code < 128 ? ASCII_FOLD[code] : foldChar(width === 1 ? s[i] : s.slice(i, i + 2));
    if (folded === '') {
      // A combining accent (« e\u0301 ») belongs to the letter before it: widen that letter's span.
      if (track && to.length && IS_MARK.test(s.slice(i, i + width))) to[to.length - 1] = i + width;
    }
    for (let k = 0; k < folded.length; k++) {
      const c = folded[k];
      if (c === ' ') {
        if (lastSpace) continue;
        lastSpace = true;
      } else lastSpace = false;
      text += c;
      if (track) {
        from.push(i);
        to.push(i + width);
      }
    }
    i += width;
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    from.pop();
    to.pop();
  }
  return { text, from, to };
}

/**
 * Lower case, accents stripped (NFKD), typographic apostrophes → `'`, œ → oe, æ → ae,
 * no-break and thin spaces → space, dashes → `-`, white space collapsed and trimmed.
 * The evaluation's phrase matching folds the same way, plus ligatures and dashes here.
 */
export function fold(s: string): string {
  return foldTracked(s, false).text;
}

/** A text's words, folded, split on anything but letters and digits (« Qu'avons-nous » → « qu », « avons », « nous »). */
export function foldedWords(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Tokenising
// ---------------------------------------------------------------------------------------------

/**
 * A run of letters and digits joined by apostrophes, hyphens or dots: « l'aide »,
 * « porte-parole », « ac.se », « 2014-2016 », « aujourd'hui ». A hyphen followed by a space
 * is a dash or a line break, not a compound.
 */
const GROUP = /[\p{L}\p{N}]+(?:['.-][\p{L}\p{N}]+)*/gu;
/**
 * Elided words, dropped with their apostrophe: the articles and pronouns l' d' j' m' n' s' t' c'
 * and the conjunctions qu' jusqu' lorsqu' puisqu' quoiqu' quelqu' (« quelqu'un »). Only at the
 * start of a word: « aujourd'hui » and « prud'hommes » are words, kept whole without the apostrophe.
 */
const ELISION = /(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|quelqu)'(?=[\p{L}\p{N}])/uy;
const PART = /[^.-]+/g;
/** Segments of an abbreviation: one or two letters (« Ac.Sé », « O.I.T. »), not « fin.Le » from a missing space. */
const ABBREVIATION_SEGMENT = /^\p{L}{1,2}$/u;
const HAS_DIGIT = /\d/;

/** A word of the folded text, offsets in the folded text. */
interface RawWord {
  word: string;
  start: number;
  end: number;
  number?: boolean;
}

/**
 * Words of a folded text. Hyphenated compounds give their parts (« porte-parole » → porte,
 * parole) and not the joined compound: people write « porte parole », « sous-traitance » and
 * « sous traitance » alike, so parts make every spelling match, and a joined token would sit
 * between the parts and break the word-by-word phrase matching of `concepts.ts`. The one
 * exception is abbreviations made of short dotted or capitalised segments (« Ac.Sé », « AC-Sé »,
 * « O.I.T. »): their parts mean nothing, so they are joined into one word (`acse`, `oit`).
 */
function wordsOf(f: Folded, original: string): RawWord[] {
  const out: RawWord[] = [];
  const text = f.text;
  for (const m of text.matchAll(GROUP)) {
    let start = m.index!;
    const end = start + m[0].length;
    ELISION.lastIndex = start;
    while (ELISION.lastIndex < end && ELISION.exec(text)) start = ELISION.lastIndex;
    const group = text.slice(start, end);
    if (!group.includes('-') && !group.includes('.')) {
      out.push({ word: group.replace(/'/g, ''), start, end });
      continue;
    }
    const parts: RawWord[] = [];
    for (const p of group.matchAll(PART)) {
      parts.push({ word: p[0].replace(/'/g, ''), start: start + p.index!, end: start + p.index! + p[0].length });
    }
    if (isAbbreviation(group, parts, f, original)) out.push({ word: parts.map((p) => p.word).join(''), start, end });
    else out.push(...parts);
  }
  return out;
}

/** « ac.se », « o.i.t » (dotted, any case) or « AC-Sé » (hyphenated, every segment capitalised, unlike « a-t-il »). */
function isAbbreviation(group: string, parts: RawWord[], f: Folded, original: string): boolean {
  if (parts.length < 2 || !parts.every((p) => ABBREVIATION_SEGMENT.test(p.word))) return false;
  if (!group.includes('-')) return true;
  return parts.every((p) => {
    const c = original[f.from[p.start]];
    return c !== c.toLowerCase();
  });
}

/**
 * Word tokens of a text: folded, elisions removed, hyphenated compounds split into their parts,
 * digits kept (« 2014-2016 » → 2014, 2016). Stop words and numbers in words are still there:
 * `analyze` deals with them.
 */
export function tokenize(s: string): string[] {
  return wordsOf(foldTracked(s, true), s).map((w) => w.word);
}

// ---------------------------------------------------------------------------------------------
// Numbers in words
// ---------------------------------------------------------------------------------------------

type NumberKind = 'unit' | 'teen' | 'tens' | 'hundred' | 'thousand' | 'big' | 'digits';

/**
 * Cardinal number words, folded. « neuf » is taken as nine (« un dispositif neuf » is rare in
 * this field). Belgian and Swiss tens are included. « un »/« une »: see `UNIT_NOUNS`.
 */
const CARDINALS: Record<string, [NumberKind, number]> = {
  zero: ['unit', 0], un: ['unit', 1], une: ['unit', 1], deux: ['unit', 2], trois: ['unit', 3], quatre: ['unit', 4],
  cinq: ['unit', 5], six: ['unit', 6], sept: ['unit', 7], huit: ['unit', 8], neuf: ['unit', 9],
  dix: ['teen', 10], onze: ['teen', 11], douze: ['teen', 12], treize: ['teen', 13], quatorze: ['teen', 14],
  quinze: ['teen', 15], seize: ['teen', 16],
  vingt: ['tens', 20], vingts: ['tens', 20], trente: ['tens', 30], quarante: ['tens', 40], cinquante: ['tens', 50],
  soixante: ['tens', 60], septante: ['tens', 70], huitante: ['tens', 80], octante: ['tens', 80], nonante: ['tens', 90],
  cent: ['hundred', 100], cents: ['hundred', 100], mille: ['thousand', 1000],
  million: ['big', 1e6], millions: ['big', 1e6], milliard: ['big', 1e9], milliards: ['big', 1e9],
};
/**
 * « un »/« une » alone are articles far more often than numbers, and stay stop words; they
 * count as 1 inside a number (« vingt et un ») and before a unit of time or a count
 * (« un mois » → 1 mois, like « 1 mois »).
 */
const UNIT_NOUNS = /^(?:jours?|semaines?|mois|ans?|annees?|heures?|fois)$/;

/** Ordinal words → the cardinal they end with (« vingt-deuxième » reads vingt, deux + ordinal). */
const ORDINALS: Record<string, string> = {
  unieme: 'un', deuxieme: 'deux', troisieme: 'trois', quatrieme: 'quatre', cinquieme: 'cinq', sixieme: 'six',
  septieme: 'sept', huitieme: 'huit', neuvieme: 'neuf', dixieme: 'dix', onzieme: 'onze', douzieme: 'douze',
  treizieme: 'treize', quatorzieme: 'quatorze', quinzieme: 'quinze', seizieme: 'seize', vingtieme: 'vingt',
  trentieme: 'trente', quarantieme: 'quarante', cinquantieme: 'cinquante', soixantieme: 'soixante',
  centieme: 'cent', millieme: 'mille',
};
/**
 * Ordinals that only stand alone. « premier » is mapped too: « le premier plan » and « le 1er plan »
 * are the same plan, and « Premier ministre » still matches itself.
 */
const LONE_ORDINALS: Record<string, number> = {
  premier: 1, premiere: 1, premiers: 1, premieres: 1, second: 2, seconde: 2, seconds: 2, secondes: 2,
};
/** « 2e », « 2ème », « 2nd », « 1er », « 1re », « 1ère » → `2e`, `1e`. */
const DIGIT_ORDINAL = /^(\d+)(?:e|eme|er|ere|re|nd|nde)s?$/;
const DIGITS = /^\d+$/;
/** Between two words of one number: a space or a hyphen (not a comma: « deux, trois »). */
const NUMBER_GAP = /^[ -]?$/;

interface NumberWord {
  kind: NumberKind;
  value: number;
  ordinal: boolean;
}

/**
 * Every number word, cardinal or ordinal (« deuxièmes » too), in one Map: each word of every paragraph is looked up
 * there, and a word an object has through its prototype (« constructor ») is no number.
 */
const NUMBER_WORDS: ReadonlyMap<string, Readonly<NumberWord>> = (() => {
  const words = new Map<string, Readonly<NumberWord>>();
  for (const [ordinal, cardinal] of Object.entries(ORDINALS)) {
    const [kind, value] = CARDINALS[cardinal];
    const n = Object.freeze({ kind, value, ordinal: true });
    words.set(`${ordinal}s`, n).set(ordinal, n);
  }
  for (const [word, [kind, value]] of Object.entries(CARDINALS)) words.set(word, Object.freeze({ kind, value, ordinal: false }));
  return words;
})();

function numberWord(word: string): Readonly<NumberWord> | undefined {
  if (DIGITS.test(word)) return { kind: 'digits', value: Number(word), ordinal: false };
  return NUMBER_WORDS.get(word);
}

const isOne = (n: NumberWord) => n.kind === 'unit' && n.value === 1;

/** Whether `next` may continue a number whose last word was `prev` (« vingt » then « deux », not « deux » then « trois »). */
function continues(prev: NumberWord, next: NumberWord, group: number): boolean {
  switch (prev.kind) {
    case 'digits':
      return next.kind === 'big' || next.kind === 'thousand';
    case 'unit':
      return (
        (next.kind === 'hundred' && group < 10) ||
        next.kind === 'thousand' ||
        next.kind === 'big' ||
        (next.kind === 'tens' && next.value === 20 && prev.value === 4 && group % 100 === 4) // quatre-vingt
      );
    case 'teen':
      return next.kind === 'thousand' || next.kind === 'big' || (prev.value === 10 && next.kind === 'unit' && next.value >= 7);
    case 'tens':
      return (
        (next.kind === 'unit' && next.value >= 2) ||
        (isOne(next) && group % 100 === 80) || // quatre-vingt-un
        (next.kind === 'teen' && (group % 100 === 60 || group % 100 === 80)) || // soixante-dix, quatre-vingt-dix
        next.kind === 'thousand' ||
        next.kind === 'big'
      );
    case 'hundred':
      return next.kind !== 'hundred' && next.kind !== 'digits';
    case 'thousand':
      return next.kind === 'unit' || next.kind === 'teen' || next.kind === 'tens' || next.kind === 'hundred';
    case 'big':
      return next.kind === 'unit' || next.kind === 'teen' || next.kind === 'tens';
  }
}

/** « et » inside a number: « vingt et un », « soixante et onze ». Returns the index of the word after it, if so. */
function afterEt(words: RawWord[], k: number, prev: NumberWord, text: string): number | undefined {
  if (words[k].word !== 'et' || prev.kind !== 'tens' || k + 1 >= words.length) return undefined;
  const next = numberWord(words[k + 1].word);
  const fits = next && (isOne(next) || (next.kind === 'teen' && next.value === 11));
  return fits && NUMBER_GAP.test(text.slice(words[k].end, words[k + 1].start)) ? k + 1 : undefined;
}

/**
 * Reads the number starting at word `i`, if any: « trente » → 30, « quarante-cinq » → 45,
 * « vingt et un » → 21, « quatre-vingt-dix-huit » → 98, « deux mille quatorze » → 2014,
 * « 3 millions » → 3000000, « vingt-deuxième » → 22e. Returns the value and the index after it.
 */
function readNumber(words: RawWord[], i: number, text: string): { value: string; next: number } | undefined {
  const w0 = words[i].word;
  const lone = Object.hasOwn(LONE_ORDINALS, w0) ? LONE_ORDINALS[w0] : undefined;
  if (lone !== undefined) return { value: `${lone}e`, next: i + 1 };
  const first = numberWord(w0);
  if (!first) return undefined;
  if (isOne(first) && !first.ordinal && !UNIT_NOUNS.test(words[i + 1]?.word ?? '')) return undefined;
  let total = 0;
  let group = 0;
  let prev = first;
  const add = (n: NumberWord, afterQuatre: boolean) => {
    if (n.kind === 'hundred') group = (group || 1) * 100;
    else if (n.kind === 'thousand' || n.kind === 'big') {
      total += (group || 1) * n.value;
      group = 0;
    } else if (afterQuatre && n.kind === 'tens' && n.value === 20) group += 76; // quatre-vingt: 4 + 76
    else group += n.value;
  };
  add(first, false);
  let j = i;
  while (!prev.ordinal && j + 1 < words.length && NUMBER_GAP.test(text.slice(words[j].end, words[j + 1].start))) {
    const et = afterEt(words, j + 1, prev, text);
    const k = et ?? j + 1;
    const next = numberWord(words[k].word);
    if (!next) break;
    if (et === undefined && (!continues(prev, next, group) || (isOne(next) && group % 100 !== 80))) break;
    add(next, prev.kind === 'unit' && prev.value === 4);
    prev = next;
    j = k;
  }
  // A lone figure stays as written (« 2014 », « 030 »); only « 3 millions » is rewritten.
  if (first.kind === 'digits' && j === i) return undefined;
  const value = total + group;
  return { value: prev.ordinal ? `${value}e` : String(value), next: j + 1 };
}

/**
 * Replaces numbers written in words by their digits, so « trente jours » and « 30 jours » meet;
 * turns ordinals into `<n>e` (« deuxième », « 2ème », « second » → `2e`); joins thousands
 * written with a space or a dot (« 1 500 », « 1.500 » → 1500); drops the « cent » of « pour cent ».
 */
function readNumbers(input: RawWord[], text: string): RawWord[] {
  const words = joinThousands(input, text);
  const out: RawWord[] = [];
  for (let i = 0; i < words.length; ) {
    const w = words[i];
    const ord = DIGIT_ORDINAL.exec(w.word);
    if (ord) {
      out.push({ word: `${Number(ord[1])}e`, start: w.start, end: w.end, number: true });
      i++;
    } else if (w.word === 'cent' && words[i - 1]?.word === 'pour' && text.slice(words[i - 1].end, w.start) === ' ') {
      i++;
    } else {
      const n = readNumber(words, i, text);
      out.push(n ? { word: n.value, start: w.start, end: words[n.next - 1].end, number: true } : w);
      i = n ? n.next : i + 1;
    }
  }
  return out;
}

/** « 1 500 places », « 10 000 euros », « 1.500 »: French thousands separators make one figure. */
function joinThousands(words: RawWord[], text: string): RawWord[] {
  const out: RawWord[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!/^\d{1,3}$/.test(w.word)) {
      out.push(w);
      continue;
    }
    let digits = w.word;
    let j = i;
    while (j + 1 < words.length && /^\d{3}$/.test(words[j + 1].word) && /^[ .]$/.test(text.slice(words[j].end, words[j + 1].start))) {
      digits += words[++j].word;
    }
    out.push(j > i ? { word: digits, start: w.start, end: words[j].end } : w);
    i = j;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Stop words
// ---------------------------------------------------------------------------------------------

/**
 * Snowball's French stop list (snowballstem.org/algorithms/french/stop.txt), folded: articles,
 * pronouns, prepositions and the forms of « être » and « avoir ». Kept close to the published list
 * so it is easy to review; BM25 already discounts frequent words, this list only removes words
 * that never carry a position's meaning. « pas » and « ne » are in it: a bag of words cannot use
 * negation, and a refusal and a demand about the same measure are both worth offering.
 * « contre », « non », « sans » are NOT (« lutte contre », « non mise en œuvre »).
 */
const SNOWBALL_STOP = `au aux avec ce ces dans de des du elle en et eux il ils je la le les leur leurs lui ma mais
me meme mes moi mon ne nos notre nous on ou par pas pour qu que qui sa se ses son sur ta te tes toi ton tu un une vos
votre vous c d j l a m n s t y ete etee etees etes etant etante etants etantes suis es est sommes sont serai seras
sera serons serez seront serais serait serions seriez seraient etais etait etions etiez etaient fus fut fumes futes
furent sois soit soyons soyez soient fusse fusses fussions fussiez fussent ayant ayante ayantes ayants eu eue eues
eus ai as avons avez ont aurai auras aura aurons aurez auront aurais aurait aurions auriez auraient avais avait
avions aviez avaient eut eumes eutes eurent aie aies ait ayons ayez aient eusse eusses eussions eussiez eussent`;

/**
 * Function words Snowball's list leaves out (demonstratives, relatives, a few conjunctions):
 * as empty of meaning as « ce » or « qui », and frequent in drafting. « suivant(e)(s) » announces
 * what comes (« notre position est la suivante »), says nothing of it, and Snowball gives it the
 * stem of « suivi », the monitoring of a plan.
 */
const FUNCTION_WORDS = `cet cette ceux celle celles celui ceci cela ca ci elles dont lequel laquelle lesquels lesquelles
auquel auxquels auxquelles duquel desquels desquelles quel quelle quels quelles soi si ni car donc puis lorsque puisque quand
suivant suivante suivants suivantes`;

/**
 * Letter-writing formulas: salutations and honorifics that open and close every letter to a
 * cabinet (« Madame la Ministre, … Veuillez agréer… Cordialement »). They would make any letter
 * look like any source that names « Mme X ». Kept short on purpose: « ministre », « cabinet »,
 * « demande » or « remercier » can carry a position and are NOT here.
 */
const DRAFTING_FILLER = `madame monsieur mesdames messieurs mademoiselle mme mmes mlle mr bonjour bonsoir cordialement
salutations veuillez agreer cher chere chers cheres etc cf`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${SNOWBALL_STOP} ${FUNCTION_WORDS} ${DRAFTING_FILLER}`.split(/\s+/).filter(Boolean),
);

/** Whether a folded word is dropped from analysis: a stop word, or a single letter (« n° », « L. 316-1 »). */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word) || (word.length === 1 && !HAS_DIGIT.test(word));
}

// ---------------------------------------------------------------------------------------------
// Stemming
// ---------------------------------------------------------------------------------------------

/** One Snowball program, its state set for each word (reads are synchronous: no two words at once). */
const FRENCH = new StemmerFr();
function snowball(word: string): string {
  FRENCH.setCurrent(word);
  FRENCH.innerStem();
  return FRENCH.getCurrent();
}
const STEM_CACHE = new Map<string, string>();
/** Bounds the cache in a long-lived extension page; the library's vocabulary is about 10,000 words. */
const STEM_CACHE_MAX = 100_000;
const NEEDS_FOLD = /[^a-z0-9]/;

/**
 * Snowball's French stemmer needs accents to find suffixes (« -ée », « -ité », « -ière »), but we
 * stem folded words so that « hébergées », « hebergees » and « HÉBERGÉES » give the same stem. So
 * the three suffixes it needs are put back before stemming, and a final -e or -i that Snowball
 * leaves on some forms is cut after. Measured on the five sources' 2,479 stem classes: plain
 * Snowball on folded words splits 158 of them and merges 17; with these rules, 5 split, and the
 * 31 merges are mostly welcome (« police »/« policière », « financement »/« financier »).
 */
const REACCENT: [RegExp, string][] = [
  [/iere(s?)$/, 'ière$1'],
  [/ee(s?)$/, 'ée$1'],
  [/ite(s?)$/, 'ité$1'],
];

/**
 * Words Snowball gives the stem of a word of another meaning: « traitement » (treatment) and
 * « traite » (trafficking) are both `trait`, « données » (data) and « donne » (gives) `don`,
 * « fonds » (a fund) and « fond » `fond`, « placement » and « place » `plac`. Each word here, in
 * all the forms listed, gets a stem of its own (the key of its entry). Found by listing, for each
 * stem of the library, the words that share it, and for each of the 20,000 commonest French words
 * the library stem it falls on (office mail's « traitée », « forcément », « consulter »,
 * « identifiant », « parcourir » fell on « traite », « forcé », the CNCDH's « consultative »,
 * « identification », « parcours »), and reading those whose meanings part. Derivations with one
 * meaning (« police » / « policière », « financement » / « financier ») are left together.
 */
const HOMOGRAPHS: Record<string, string[]> = {
  traitement: ['traitement', 'traitements'],
  traiter: ['traiter', 'traitee', 'traitees', 'traitant', 'traitants', 'traitent', 'traitons', 'traitez', 'traitait', 'traitaient', 'traitera', 'traiterai', 'traiteras', 'traiterons', 'traiterez', 'traiteront', 'traiterait', 'traiteraient'],
  nationalit: ['nationalite', 'nationalites'],
  collecte: ['collecte', 'collectes', 'collecter', 'collectee', 'collectees'],
  collectivit: ['collectivite', 'collectivites'],
  egalit: ['egalite', 'egalites'],
  placement: ['placement', 'placements'],
  entree: ['entree', 'entrees'],
  commis: ['commis'],
  benefice: ['benefice', 'benefices'],
  donnee: ['donnee', 'donnees'],
  dela: ['dela'],
  biens: ['biens'],
  visa: ['visa', 'visas'],
  faute: ['faute', 'fautes'],
  communic: ['communication', 'communications'],
  fonds: ['fonds'],
  publicit: ['publicite', 'publicites'],
  relation: ['relation', 'relations'],
  sorte: ['sorte', 'sortes'],
  attente: ['attente', 'attentes'],
  notamment: ['notamment'],
  integrit: ['integrite'],
  parlement: ['parlement', 'parlements'],
  mali: ['mali'],
  montant: ['montant', 'montants'],
  definitiv: ['definitif', 'definitive', 'definitifs', 'definitives', 'definitivement'],
  referenc: ['reference', 'references'],
  avoirs: ['avoirs'],
  via: ['via'],
  comportement: ['comportement', 'comportements'],
  departement: ['departement', 'departements'],
  directiv: ['directive', 'directives'],
  direction: ['direction', 'directions'],
  fichier: ['fichier', 'fichiers'],
  concertat: ['concertation', 'concertations'],
  indicateur: ['indicateur', 'indicateurs'],
  dependanc: ['dependance', 'dependances'],
  correspondant: ['correspondant', 'correspondants', 'correspondante', 'correspondantes'],
  educateur: ['educateur', 'educateurs', 'educatrice', 'educatrices'],
  meta: ['meta'],
  forme: ['forme', 'formes'],
  pays: ['pays'],
  pai: ['paye', 'payes'],
  fins: ['fins'],
  forcement: ['forcement'],
  assurance: ['assurance', 'assurances'],
  consultat: ['consultatif', 'consultative', 'consultatifs', 'consultatives'],
  collection: ['collection', 'collections'],
  moyenne: ['moyenne', 'moyennes'],
  droite: ['droite', 'droites'],
  chantier: ['chantier', 'chantiers'],
  blanche: ['blanche', 'blanches'],
  indemne: ['indemne', 'indemnes'],
  publication: ['publication', 'publications'],
  traits: ['trait', 'traits'],
  mecanique: ['mecanique', 'mecaniques'],
  collective: ['collective', 'collectives'],
  cases: ['case', 'cases'],
  parcourir: ['parcourir'],
  identifiant: ['identifiant', 'identifiants'],
  initiation: ['initiation', 'initiations'],
  seine: ['seine'],
  penalite: ['penalite', 'penalites'],
  exploits: ['exploit', 'exploits'],
  agee: ['agee', 'agees'],
};

function ownStem(table: Record<string, string[]>): [string, string][] {
  return Object.entries(table).flatMap(([stem, words]) => words.map((w): [string, string] => [w, stem]));
}

/**
 * Words of the field whose singular and plural Snowball sends apart (« étranger » → `etrang`, as if
 * a verb in -er, against « étrangers », « étrangère » → `etranger`; « délit » → `del` against
 * « délits » → `delit`), or sends to another word (« loyer » → `loi`, the law, while « lois » stays
 * `lois`): the stem their other forms get, and the folded forms that need it. Found by stemming
 * every word of the seed texts next to its plural (tests/unit/normalise.test.ts keeps them together).
 */
const SPLIT_FORMS: Record<string, string[]> = {
  etranger: ['etranger'],
  loyer: ['loyer'],
  loi: ['lois'],
  delit: ['delit'],
  danger: ['danger'],
  commiss: ['commissions'],
  reflexion: ['reflexions'],
};

/** Folded word → the stem it is given instead of Snowball's. */
const STEM_OVERRIDES = new Map([...ownStem(SPLIT_FORMS), ...ownStem(HOMOGRAPHS)]);

function stemFolded(w: string): string {
  if (w.length <= 2 || HAS_DIGIT.test(w)) return w;
  const override = STEM_OVERRIDES.get(w);
  if (override) return override;
  let accented = w;
  for (const [re, to] of REACCENT) accented = accented.replace(re, to);
  let s = snowball(accented);
  if (NEEDS_FOLD.test(s)) s = s.normalize('NFD').replace(MARKS, '');
  if (s.length > 3 && s.endsWith('e')) s = s.slice(0, -1);
  if (s.length > 4 && s.endsWith('i')) s = s.slice(0, -1);
  return s;
}

/**
 * The stem of an already folded word, not cached: for the many spellings tried once while reading a
 * typo (`typo` in match.ts), which would otherwise crowd the words that come back out of the cache.
 */
export function stemOnce(folded: string): string {
  return stemFolded(folded);
}

/**
 * The stem of a word, accent- and case-insensitive: « victimes » → `victim`, « hébergées » and
 * « hébergement » → `heberg`, « délai » → `del`. Words with digits are returned as they are.
 * Cached: the same words come back in every paragraph.
 */
export function stem(word: string): string {
  let s = STEM_CACHE.get(word);
  if (s !== undefined) return s;
  s = stemFolded(NEEDS_FOLD.test(word) ? fold(word) : word);
  if (STEM_CACHE.size >= STEM_CACHE_MAX) STEM_CACHE.clear();
  STEM_CACHE.set(word, s);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Analysis
// ---------------------------------------------------------------------------------------------

/**
 * The analysed tokens of a text, in order, with where each word is in the original string
 * (offsets survive folding: « œuvre », « qu’il », « ÉTAT », decomposed accents).
 * A number written in several words (« vingt et un ») is one token spanning them all.
 */
export function analyzeWithSurface(s: string): Token[] {
  const f = foldTracked(s, true);
  const tokens: Token[] = [];
  for (const w of readNumbers(wordsOf(f, s), f.text)) {
    if (!w.number && isStopWord(w.word)) continue;
    const start = f.from[w.start];
    const end = f.to[w.end - 1];
    const accented = ACCENTED.get(w.word);
    tokens.push({
      stem: w.number ? w.word : accented && /[éÉ]s?$/.test(s.slice(start, end)) ? accented : stem(w.word),
      word: w.word,
      start,
      end,
    });
  }
  return tokens;
}

/**
 * Words that only their accent tells from a word of the library once folded: « traité » (a request
 * dealt with, a treaty) is « traite » (trafficking) without its accent, « formés » (trained) is
 * « formes », « âgés » (elderly) is « âges » (the age of a minor the library discusses). Written
 * with the accent, they get the stem of their own word; written without, the library's reading
 * stands (« traite » is far likelier there).
 */
const ACCENTED = new Map([
  ['traite', 'traiter'],
  ['traites', 'traiter'],
  ['formes', 'form'],
  ['forme', 'form'],
  ['age', 'agee'],
  ['ages', 'agee'],
]);

/** A number's stem (« 30 », « 2016 », « 14h »): dates, hours and amounts, in every kind of mail. */
export function isNumber(stem: string): boolean {
  return /^\d/.test(stem);
}

/** The analysed terms of a text: fold → tokenize → numbers → stop words → stem. */
export function analyze(s: string): string[] {
  return analyzeWithSurface(s).map((t) => t.stem);
}
