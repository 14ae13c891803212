/**
 * The field's acronyms, both ways: a text that writes « l'ASE » also carries « aide sociale à
 * l'enfance », and a text that writes the long form also carries `ase`. Applied to the analysed
 * tokens of the library at index time and of the paragraph at query time, so either spelling
 * on one side meets either spelling on the other.
 *
 * Two sources of acronyms, merged by `buildAcronymTable`:
 * - extracted from the source texts (`extractAcronyms`): « Long form (ACR) », « ACR (long form) »,
 *   « ACR – long form ». Run over the seeds by `scripts/extract-acronyms.ts` into
 *   `thesaurus/acronyms.extracted.json`, and over imported reports when they are added;
 * - reviewed (`thesaurus/acronyms.json`): those the sources never expand, expand two ways or
 *   misspell. A reviewed entry wins over an extracted one for the same acronym.
 *
 * @example
 * const tokens = expandAcronyms(analyzeWithSurface('places en CHRS'));
 * tokens.map((t) => t.stem); // ['plac', 'chr', 'centr', 'heberg', 'reinsert', 'social']
 */
import extracted from './thesaurus/acronyms.extracted.json';
import reviewed from './thesaurus/acronyms.json';
import { analyzeWithSurface, fold, type Token } from './normalise';

/** One acronym and what it stands for. The schema of `thesaurus/acronyms.json`. */
export interface AcronymEntry {
  /** As usually written: « ASE », « Ac.Sé », « PUMa ». */
  acronym: string;
  /** Long forms; the first is what the acronym is expanded to, every one is recognised. */
  expansions: string[];
  /** Other spellings of the acronym (typos in the sources, older forms). */
  variants?: string[];
  /** `sources`: an expansion is written out in the seed texts; `reviewed`: it comes from official usage. */
  source: 'sources' | 'reviewed';
  note?: string;
}

/** An acronym defined in a text, and its long form as written there. */
export interface AcronymPair {
  acronym: string;
  expansion: string;
}

/** A token added by the expander: it stands for the acronym or long form found at `start`–`end`. */
export interface ExpandedToken extends Token {
  /** The acronym (as in its entry) whose long form or short form this token was added for. */
  expandedFrom?: string;
  /** Added for a long form written out (the acronym, spanning the long form's words), not for an acronym written. */
  forLongForm?: true;
}

// ---------------------------------------------------------------------------------------------
// Extraction from source texts
// ---------------------------------------------------------------------------------------------

/**
 * Words that may sit inside a long form without giving a letter (« Aide sociale à l'enfance »
 * → ASE skips « à », « Justice et Paix France » → JPF skips « et »), and never start one. Folded.
 */
const SMALL_WORDS = new Set(
  'de du des la le les l d a au aux et en pour contre sur par dans ou avec sans un une of the and for on against'.split(' '),
);
/** Small words that do give their letter in French acronyms: « Comité contre l'esclavage moderne » → CCEM. */
const LETTER_SMALL_WORDS = new Set(['contre', 'against']);
/** Acronym as written: a capital, then letters with optional dots or hyphens (« MIPROF », « AC-Sé », « O.I.T. »). */
const ACRONYM_SHAPE = /^\p{Lu}[\p{L}.-]{1,11}$/u;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const ELIDED = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]/i;
/** Content words a long form may skip between two letters: « Office des Nations unies pour la lutte contre les drogues… » (ONUDC). */
const MAX_SKIPPED = 1;
/** How far back a long form may start before « (ACR) », in words. */
const MAX_BACK = 30;

interface Word {
  /** Folded, elision removed: what letters are matched against. */
  key: string;
  /** Offsets in the prepared text, elision excluded. */
  start: number;
  end: number;
}

/** Letters of an acronym, folded: « AC-Sé » → `acse`. Undefined when it is not shaped like one (« (Nice) »). */
function acronymLetters(written: string): string | undefined {
  if (!ACRONYM_SHAPE.test(written)) return undefined;
  const letters = written.replace(/[.-]/g, '');
  const upper = [...letters].filter((c) => c !== c.toLowerCase()).length;
  if (letters.length < 2 || upper < 2 || upper * 2 < letters.length) return undefined;
  return fold(letters);
}

/**
 * Words cut by the PDF's line breaks (« Aide so-⏎ciale », « gendarme-⏎rie ») are joined again,
 * white space is collapsed. A compound cut at its own hyphen (« porte-⏎parole ») is joined too:
 * in the seeds that is one case against thirty, and it only matters inside a long form.
 */
function prepare(text: string): string {
  return text.replace(/(\p{Ll})-[ \t]*(?:\r?\n[ \t]*|[ \t])(\p{Ll})/gu, '$1$2').replace(/\s+/g, ' ');
}

function wordsIn(text: string, offset = 0): Word[] {
  const out: Word[] = [];
  // WORD stops at hyphens: « anti-fraude » gives two words, as CODAF needs.
  for (const m of text.matchAll(WORD)) {
    const elided = ELIDED.exec(m[0]);
    const cut = elided ? elided[0].length : 0;
    const key = fold(m[0].slice(cut)).replace(/'/g, '');
    if (key) out.push({ key, start: offset + m.index! + cut, end: offset + m.index! + m[0].length });
  }
  return out;
}

/**
 * Aligns the acronym's letters on the words, in order: each letter is the start of a word, or
 * continues the previous letter inside the same word (« PROtection » for MIPROF's « PRO »,
 * « SEcurisant » for Ac.Sé). Small words may be skipped, content words at most `MAX_SKIPPED`
 * times. The first word must give the first letter. Returns the index of the last word used.
 */
function align(words: Word[], letters: string): number | undefined {
  const go = (wi: number, li: number, skipped: number): number | undefined => {
    if (li === letters.length) return wi - 1;
    if (wi === words.length) return undefined;
    const w = words[wi].key;
    const small = SMALL_WORDS.has(w);
    for (let len = Math.min(w.length, letters.length - li); len >= 1; len--) {
      if ((!small || LETTER_SMALL_WORDS.has(w)) && w.startsWith(letters.slice(li, li + len))) {
        const end = go(wi + 1, li + len, skipped);
        if (end !== undefined) return end;
      }
    }
    if (wi === 0) return undefined;
    if (small) return go(wi + 1, li, skipped);
    return skipped < MAX_SKIPPED ? go(wi + 1, li, skipped + 1) : undefined;
  };
  if (!words.length || SMALL_WORDS.has(words[0].key)) return undefined;
  return go(0, 0, 0);
}

/** « Long form (ACR) »: the nearest start, going back, from which the letters align. */
function longFormBefore(text: string, parenAt: number, letters: string): string | undefined {
  const before = text.slice(Math.max(0, parenAt - 400), parenAt);
  const cut = Math.max(...['(', ')', ';', ':', '•', '«', '»', '. '].map((c) => before.lastIndexOf(c) + c.length));
  const context = before.slice(Math.max(0, cut));
  const words = wordsIn(context).slice(-MAX_BACK);
  for (let s = words.length - 1; s >= 0; s--) {
    if (words[s].key[0] !== letters[0]) continue;
    if (align(words.slice(s), letters) !== undefined) return context.slice(words[s].start).trim();
  }
  return undefined;
}

/** « ACR (long form) » and « ACR – long form »: the long form starts right after, ends at its last letter. */
function longFormAfter(after: string, letters: string): string | undefined {
  const clause = after.split(/[,;:.()]/, 1)[0];
  const words = wordsIn(clause);
  if (words.length < 2) return undefined;
  const last = align(words, letters);
  return last === undefined ? undefined : clause.slice(words[0].start, words[last].end).trim();
}

const BEFORE = /\((\p{Lu}[\p{L}.-]{1,11})\)/gu;
/** The parenthesis need not close within reach: « DPEF (Déclaration de performance extra-financière, document… ». */
const AFTER = /(?<![\p{L}\p{N}])(\p{Lu}[\p{L}.-]{1,11}) ?(?:\(([^()]{3,200})| [-–—] ([^()]{3,200}))/gu;

/**
 * Acronyms the texts define, with their long form as written: « Aide sociale à l'enfance
 * (ASE) », « ENM (École nationale de la magistrature) », « RSE - Responsabilité sociétale des
 * entreprises ». The long form starts where the acronym's initials begin to line up (small words
 * such as de, du, des, la, l', à, aux, et, pour, contre are skipped, « PROtection » may give
 * several letters), so « La création de la Mission interministérielle pour la protection des
 * femmes… (MIPROF) » gives « Mission interministérielle… ». Pairs that do not line up (« enquêteurs
 * (OCRETH) ») are left out rather than guessed. One pair per acronym and long form, in text order.
 */
export function extractAcronyms(texts: string[]): AcronymPair[] {
  const out: AcronymPair[] = [];
  const seen = new Set<string>();
  const add = (acronym: string, expansion: string | undefined) => {
    if (!expansion) return;
    const key = `${fold(acronym)}|${fold(expansion)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ acronym, expansion });
  };
  for (const raw of texts) {
    const text = prepare(raw);
    for (const m of text.matchAll(BEFORE)) {
      const letters = acronymLetters(m[1]);
      if (letters) add(m[1], longFormBefore(text, m.index!, letters));
    }
    for (const m of text.matchAll(AFTER)) {
      const letters = acronymLetters(m[1]);
      if (letters) add(m[1], longFormAfter(m[2] ?? m[3], letters));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The table: reviewed entries and extracted pairs
// ---------------------------------------------------------------------------------------------

/** The word an acronym analyses to (« l'ASE » → `ase`, « Ac.Sé » → `acse`), or undefined if it is not one word. */
function acronymWord(written: string): string | undefined {
  const tokens = analyzeWithSurface(written);
  return tokens.length === 1 ? tokens[0].word : undefined;
}

/**
 * Checks a parsed acronym file and returns its entries. Throws with the file, the entry and
 * how to fix it, so a hand edit that breaks the schema fails the tests, not the side panel.
 */
export function parseAcronymFile(data: unknown, file: string): AcronymEntry[] {
  const list = (data as { acronyms?: unknown })?.acronyms;
  if (!Array.isArray(list)) throw new Error(`${file}: expected { "acronyms": [...] } at the top level.`);
  return list.map((e: Partial<AcronymEntry>, i) => {
    const where = `${file}: entry ${i + 1} (« ${e?.acronym ?? '?'} »)`;
    if (typeof e?.acronym !== 'string' || !acronymWord(e.acronym)) {
      throw new Error(`${where}: \`acronym\` must be one word, e.g. "ASE" or "Ac.Sé".`);
    }
    if (!Array.isArray(e.expansions) || !e.expansions.length || !e.expansions.every((x) => typeof x === 'string' && x.trim())) {
      throw new Error(`${where}: \`expansions\` must list at least one long form, e.g. ["aide sociale à l'enfance"].`);
    }
    if (e.variants !== undefined && (!Array.isArray(e.variants) || !e.variants.every((v) => typeof v === 'string' && acronymWord(v)))) {
      throw new Error(`${where}: \`variants\` must be a list of one-word spellings, e.g. ["OCRETH"].`);
    }
    if (e.source !== 'sources' && e.source !== 'reviewed') {
      throw new Error(`${where}: \`source\` must be "sources" (written out in the seed texts) or "reviewed".`);
    }
    return { acronym: e.acronym, expansions: e.expansions, variants: e.variants, source: e.source, note: e.note };
  });
}

/** The reviewed acronyms of `thesaurus/acronyms.json`. */
export const REVIEWED_ACRONYMS: readonly AcronymEntry[] = parseAcronymFile(reviewed, 'data/thesaurus/acronyms.json');

/** The acronyms extracted from the five seed texts (`thesaurus/acronyms.extracted.json`). */
export const SOURCE_ACRONYMS: readonly AcronymPair[] = (extracted as { pairs: AcronymPair[] }).pairs;

/**
 * One entry per acronym: the reviewed entries as they are, then each extracted acronym they do
 * not cover, with its long forms in the order found (source `sources`). An extracted long form
 * of a reviewed acronym is added to it when it says something else (« conseils départementaux
 * de prévention de la délinquance » is the same as the reviewed singular, so it is not).
 */
export function buildAcronymTable(pairs: readonly AcronymPair[], reviewedEntries: readonly AcronymEntry[] = REVIEWED_ACRONYMS): AcronymEntry[] {
  const byWord = new Map<string, AcronymEntry>();
  const table: AcronymEntry[] = [];
  for (const e of reviewedEntries) {
    const copy = { ...e, expansions: [...e.expansions] };
    table.push(copy);
    for (const w of [e.acronym, ...(e.variants ?? [])]) byWord.set(acronymWord(w)!, copy);
  }
  for (const p of pairs) {
    const word = acronymWord(p.acronym);
    if (!word) continue;
    let entry = byWord.get(word);
    if (!entry) {
      entry = { acronym: p.acronym, expansions: [], source: 'sources' };
      byWord.set(word, entry);
      table.push(entry);
    }
    const stems = stemKey(p.expansion);
    if (!entry.expansions.some((x) => stemKey(x) === stems)) entry.expansions.push(p.expansion);
  }
  return table;
}

const stemKey = (s: string) => analyzeWithSurface(s).map((t) => t.stem).join(' ');

// ---------------------------------------------------------------------------------------------
// Expansion
// ---------------------------------------------------------------------------------------------

interface LongForm {
  entry: AcronymEntry;
  stems: string[];
}

interface Compiled {
  /** The acronym's own token (stem and word), for texts that write the long form. */
  short: Pick<Token, 'stem' | 'word'>;
  /** The tokens of the first long form, for texts that write the acronym. */
  long: Pick<Token, 'stem' | 'word'>[];
}

export interface AcronymExpander {
  /**
   * The tokens, unchanged and in place, followed by the tokens each acronym or long form found
   * stands for, with the offsets of what was found (so highlighting still points at the text).
   * Appending keeps every original token's index, which concept matching relies on. An acronym
   * whose long form is also in the text adds nothing: the text already has both.
   */
  expand(tokens: readonly Token[]): ExpandedToken[];
  /** The entry for an acronym or a long form as written (« l'ASE », « aide sociale à l'enfance »). */
  lookup(text: string): AcronymEntry | undefined;
  readonly entries: readonly AcronymEntry[];
}

/**
 * An expander over the given entries. Long forms of fewer than two analysed words are not
 * looked for in texts (a one-word long form would tag every use of a common word).
 */
export function createAcronymExpander(entries: readonly AcronymEntry[]): AcronymExpander {
  const byWord = new Map<string, AcronymEntry>();
  const compiled = new Map<AcronymEntry, Compiled>();
  const byFirstStem = new Map<string, LongForm[]>();
  for (const entry of entries) {
    for (const w of [entry.acronym, ...(entry.variants ?? [])]) {
      const word = acronymWord(w);
      const other = word === undefined ? undefined : byWord.get(word);
      if (!word || (other && other !== entry)) {
        throw new Error(`Acronyms: « ${w} » is ${word ? `also an acronym of « ${other!.acronym} »` : 'not one word'}; merge the two entries or drop one.`);
      }
      byWord.set(word, entry);
    }
    const [short] = analyzeWithSurface(entry.acronym);
    compiled.set(entry, { short, long: analyzeWithSurface(entry.expansions[0]).map(({ stem, word }) => ({ stem, word })) });
    for (const x of entry.expansions) {
      const stems = analyzeWithSurface(x).map((t) => t.stem);
      if (stems.length < 2) continue;
      const list = byFirstStem.get(stems[0]) ?? [];
      list.push({ entry, stems });
      byFirstStem.set(stems[0], list);
    }
  }

  /** Long forms found, as [entry, first token, end token] with no overlap per entry. */
  function findLongForms(tokens: readonly Token[]): [AcronymEntry, number, number][] {
    const found: [AcronymEntry, number, number][] = [];
    const reach = new Map<AcronymEntry, number>();
    for (let i = 0; i < tokens.length; i++) {
      for (const lf of byFirstStem.get(tokens[i].stem) ?? []) {
        if ((reach.get(lf.entry) ?? -1) > i || i + lf.stems.length > tokens.length) continue;
        if (lf.stems.every((s, k) => tokens[i + k].stem === s)) {
          found.push([lf.entry, i, i + lf.stems.length]);
          reach.set(lf.entry, i + lf.stems.length);
        }
      }
    }
    return found;
  }

  function expand(input: readonly Token[]): ExpandedToken[] {
    const tokens = input.filter((t) => !(t as ExpandedToken).expandedFrom);
    const longForms = findLongForms(tokens);
    const withLong = new Set(longForms.map(([e]) => e));
    const shorts = tokens.flatMap((t) => {
      const entry = byWord.get(t.word);
      return entry ? [{ entry, t }] : [];
    });
    const withShort = new Set(shorts.map((s) => s.entry));
    const added: ExpandedToken[] = [];
    for (const { entry, t } of shorts) {
      if (withLong.has(entry)) continue;
      const c = compiled.get(entry)!;
      const at = { start: t.start, end: t.end, expandedFrom: entry.acronym };
      if (t.word !== c.short.word) added.push({ ...c.short, ...at });
      for (const l of c.long) added.push({ ...l, ...at });
    }
    for (const [entry, i, j] of longForms) {
      if (withShort.has(entry)) continue;
      added.push({ ...compiled.get(entry)!.short, start: tokens[i].start, end: tokens[j - 1].end, expandedFrom: entry.acronym, forLongForm: true });
    }
    // Tokens added by an earlier call are dropped and found again: expanding twice changes nothing.
    return [...tokens, ...added];
  }

  function lookup(text: string): AcronymEntry | undefined {
    const tokens = analyzeWithSurface(text);
    if (tokens.length === 1) return byWord.get(tokens[0].word);
    const hit = findLongForms(tokens).find(([, i, j]) => i === 0 && j === tokens.length);
    return hit?.[0];
  }

  return { expand, lookup, entries };
}

let defaultExpander: AcronymExpander | undefined;

/** The expander over the reviewed acronyms and those extracted from the seeds, built on first use. */
export function defaultAcronymExpander(): AcronymExpander {
  defaultExpander ??= createAcronymExpander(buildAcronymTable(SOURCE_ACRONYMS));
  return defaultExpander;
}

/** Adds, after the tokens, what their acronyms and long forms stand for (see `AcronymExpander.expand`). */
export function expandAcronyms(tokens: readonly Token[], expander: AcronymExpander = defaultAcronymExpander()): ExpandedToken[] {
  return expander.expand(tokens);
}
