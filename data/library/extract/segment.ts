/**
 * From blocks of running text to positions: one to three whole sentences a writer would
 * quote. Sentences are never cut; a short or dependent sentence (« Ceci suggère que… »)
 * is kept with its neighbour so that every position reads on its own.
 */
import type { AuthorId } from '../schema';
import type { Block, GovSpeaker } from './types';
import { joinLines, lineAt, stripItemMark, type Lexicon } from './text';

export interface Sentence {
  text: string;
  /** Offsets in the block's joined text. */
  start: number;
  end: number;
}

/** Words that end with a period without ending a sentence. */
const ABBREVIATIONS = new Set([
  'm', 'mm', 'mme', 'mmes', 'mlle', 'dr', 'pr', 'me', 'st', 'ste', 'p', 'pp', 'art', 'cf', 'al', 'n', 'no',
  'vol', 'ed', 'coll', 'env', 'av', 'bd', 'ch', 'chap', 'r', 'l', 'd', 'etc',
]);

const OPENING = /[\p{Lu}«"“(\d●•–-]/u;

/**
 * Splits running French text into sentences. A boundary is a `.`, `!`, `?` or `…`
 * (closing quotes and brackets included) followed by a capital, an opening quote or a list
 * mark — not after an abbreviation (« M. Albert », « cf. mesure 1 », « art. 10 ») or a
 * single initial (« J. Dupont », « R. 316-7 »). « papiers...Il » (no space) also ends one.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /([.!?…]+)([»”")\]]*)(\s*)/gu;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[1].length + m[2].length;
    const next = text.slice(end + m[3].length, end + m[3].length + 1);
    if (!next) break;
    const ellipsis = m[1].includes('…') || m[1].length >= 3;
    if (!m[3] && !ellipsis) continue;
    if (!OPENING.test(next)) continue;
    if (m[1] === '.' && !m[2]) {
      const word = /([\p{L}°]+)$/u.exec(text.slice(start, m.index))?.[1] ?? '';
      if (ABBREVIATIONS.has(word.toLowerCase()) || (word.length === 1 && /\p{Lu}/u.test(word))) continue;
    }
    pushSentence(out, text, start, end);
    start = end + m[3].length;
  }
  pushSentence(out, text, start, text.length);
  return out;
}

function pushSentence(out: Sentence[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trail = raw.length - raw.trimEnd().length;
  if (raw.trim()) out.push({ text: raw.trim(), start: start + lead, end: end - trail });
}

/**
 * A sentence that leans on the one before: pronouns and connectives that need their
 * antecedent. Impersonal « Il faut / Il convient / Il est… » stand on their own.
 */
const DEPENDENT = new RegExp(
  '^(?:' +
    [
      'ceci', 'cela', 'ce(?:ux|lle|lui|lles)[- ]ci', 'ces (?:derni|personnes|victimes|m[eé]diateurs|moyens|instances)',
      'cette (?:formulation|mesure|approche|action|situation|disparit|pratique|derni|possibilit|question|proc[eé]dure)',
      'ce (?:sc[eé]nario|constat|rapport|dispositif|plan|chiffre)',
      'ils?(?! (?:faut|convient|est|existe|importe|s.agit|y a|n.y a|serait|semble|reste|ne faut|n.existe|appara[iî]t|para[iî]t|devrait|faudrait|a [eé]t[eé]|sera|manque|s.av[eè]re))',
      'elles? ', 'en effet', 'aussi', 'toutefois', 'n[eé]anmoins', 'pourtant', 'or ', 'en outre', 'de plus',
      'par cons[eé]quent', 'dans ce cadre', '[aà] cet [eé]gard', 'ainsi', 'surtout', 'mais ', 'donc', 'comme ', 'de m[eê]me',
    ].join('|') +
    ')',
  'i',
);

export interface Draft {
  text: string;
  author: AuthorId;
  speaker?: string;
  organisation?: string;
  section: string[];
  measures: string[];
  lines: [number, number];
}

export interface SegmentOptions {
  lexicon?: Lexicon;
  govSpeakers?: GovSpeaker[];
  /** Sentence-level corrections (reviewed data); may change attribution or drop a sentence. */
  correct?: (sentence: AttributedSentence) => AttributedSentence | null;
}

export interface AttributedSentence extends Sentence {
  author: AuthorId;
  speaker?: string;
  organisation?: string;
}

/** A sentence that starts in lower case continues something said before it. */
const FRAGMENT = /^\p{Ll}/u;

/** Below this many characters a sentence is too thin to offer alone (« Il constate. »). */
const SHORT = 60;
/** A position holds at most this many sentences and, past one sentence, this many characters. */
const MAX_SENTENCES = 3;
const MAX_CHARS = 650;

/** Cuts one block into position drafts. */
export function segmentBlock(block: Block, opts: SegmentOptions = {}): Draft[] {
  // A list mark (« - », « ● », « 1/ ») is layout, not wording.
  const lines = block.item ? [{ ...block.lines[0], text: stripItemMark(block.lines[0].text) }, ...block.lines.slice(1)] : block.lines;
  const joined = joinLines(lines, opts.lexicon);
  if (!joined.text) return [];
  const sentences: AttributedSentence[] = [];
  for (const s of splitSentences(joined.text)) {
    let a: AttributedSentence | null = { ...s, author: block.author, speaker: block.speaker, organisation: block.organisation };
    a = reattribute(a, opts.govSpeakers);
    if (opts.correct) a = opts.correct(a);
    if (a) sentences.push(a);
  }
  const groups = block.item && fitsWhole(sentences) && sameVoice(sentences) ? [sentences] : groupSentences(sentences);
  // An introduction left alone (« …les lacunes suivantes : ») says nothing by itself, and a
  // list item that completes a lead-in printed elsewhere (« de préparer la transition… »)
  // does not read on its own: its first sentence goes, what follows it stays.
  const readable = groups
    .map((g) => (FRAGMENT.test(g[0].text) ? g.slice(1) : g))
    .filter((g) => g.length && !(g.length === 1 && /:\s*$/.test(g[0].text)));
  return readable.map((g) => {
    const first = g[0];
    const last = g[g.length - 1];
    return {
      text: joined.text.slice(first.start, last.end),
      author: first.author,
      speaker: first.speaker,
      organisation: first.organisation,
      section: block.section,
      measures: block.measures,
      lines: [lineAt(joined, first.start), lineAt(joined, last.end - 1)],
    };
  });
}

function fitsWhole(s: AttributedSentence[]): boolean {
  return s.length > 0 && s.length <= MAX_SENTENCES && s[s.length - 1].end - s[0].start <= MAX_CHARS;
}

function sameVoice(s: AttributedSentence[]): boolean {
  return s.every((x) => x.author === s[0].author && x.speaker === s[0].speaker);
}

function groupSentences(sentences: AttributedSentence[]): AttributedSentence[][] {
  const groups: AttributedSentence[][] = [];
  let cur: AttributedSentence[] = [];
  for (const s of sentences) {
    const prev = cur[cur.length - 1];
    const join =
      prev &&
      prev.author === s.author &&
      prev.speaker === s.speaker &&
      cur.length < MAX_SENTENCES &&
      s.end - cur[0].start <= MAX_CHARS &&
      (DEPENDENT.test(s.text) || span(cur) < SHORT || prev.text.endsWith(':'));
    if (!join && cur.length) {
      groups.push(cur);
      cur = [];
    }
    cur.push(s);
  }
  if (cur.length) groups.push(cur);
  // A short tail sentence joins the group before it when it can.
  const out: AttributedSentence[][] = [];
  for (const g of groups) {
    const prev = out[out.length - 1];
    const p = prev?.[prev.length - 1];
    if (
      prev && p && span(g) < SHORT && p.author === g[0].author && p.speaker === g[0].speaker &&
      prev.length + g.length <= MAX_SENTENCES && g[g.length - 1].end - prev[0].start <= MAX_CHARS
    ) prev.push(...g);
    else out.push(g);
  }
  return out;
}

function span(g: AttributedSentence[]): number {
  return g.length ? g[g.length - 1].end - g[0].start : 0;
}

/** Speech and assent verbs with a government person as their subject. */
const SPEECH =
  /^(?:[^,.;]{0,40}?)(?:a |ont |avait |avaient )?(?:(?:également|aussi|bien|en effet|par ailleurs|toutefois) )*(?:fait remarquer|remarqu|relev|indiqu|précis|rappel|estim|acquiesc|annonc|convenu|soulign|confirm|propos[eé]|expliqu|affirm|assur|répond|déclar|consid|reconn|insist|not[eé]|encourag|demand|invit|concèd|conc[eé]d)/i;

/**
 * Re-attributes a sentence of the Collectif's report that reports what a government person
 * said. The person must be the one speaking: « Madame Cazaux-Charles a relevé que… » or
 * « …, ainsi que l'a remarqué Madame Cazaux-Charles. », not « Mme la ministre ayant proposé
 * une circulaire, M. Soulage rappelle… », where the Collectif's member speaks.
 */
export function reattribute(s: AttributedSentence, gov: GovSpeaker[] | undefined): AttributedSentence {
  if (!gov?.length || (s.author !== 'collectif' && s.author !== 'association')) return s;
  for (const g of gov) {
    const re = new RegExp(g.pattern.source, g.pattern.flags.replace('g', ''));
    const m = re.exec(s.text);
    if (!m) continue;
    const after = s.text.slice(m.index + m[0].length);
    const before = s.text.slice(0, m.index);
    const speaks = SPEECH.test(after) && !/^\s*ayant\b/i.test(after);
    const reported = /(?:ainsi que l.a|comme l.a|selon|d.après|a dit|l.a (?:fait )?(?:remarqu|indiqu|rappel|soulign|relev|not)\p{L}*|(?:soulev|évoqu|rapport|formul)\p{L}* par)\s*$/iu.test(before);
    if (speaks || reported) return { ...s, author: 'gouvernement', speaker: g.speaker, organisation: g.organisation };
  }
  return s;
}
