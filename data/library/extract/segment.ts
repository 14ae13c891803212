/**
 * From blocks of running text to positions: one to three whole sentences a writer would
 * quote. Sentences are never cut; a short or dependent sentence (« Ceci suggère que… »)
 * is kept with its neighbour so that every position reads on its own.
 */
import type { AuthorId } from '../schema';
import type { Block, GovSpeaker, MemberSpeaker } from './types';
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
      'tout (?:cela|ceci)', 'car ', 'et ', 'cependant', 'en revanche', 'c.est pourquoi', 'leurs? ', 'ces derni', 'eux', 'celles?-l', 'ceux-l',
    ].join('|') +
    ')',
  'i',
);

/**
 * Openings that point back without joining: a demonstrative or possessive determiner
 * (« Ce fonds a disparu », « Son rôle apparaît… »). Too common to join every such sentence to
 * the one before; the position carries that sentence as its context instead.
 */
const POINTS_BACK = /^(?:ce|cet|cette|ces|son|sa|ses|leur|leurs|celui|celle|ceux|celles)\s/i;

/** True when a passage opens on a word that needs the sentence before it (« Elles… », « Tout cela… », « Car… », « Ce fonds… »). */
export function startsDependent(text: string): boolean {
  return DEPENDENT.test(text) || POINTS_BACK.test(text);
}

export interface Draft {
  text: string;
  author: AuthorId;
  speaker?: string;
  organisation?: string;
  section: string[];
  measures: string[];
  lines: [number, number];
  /** The sentence before, verbatim, when this passage opens on a word that needs it. */
  context?: string;
  /** A lead-in ending with « : »: the pipeline joins it to the items that follow. */
  leadIn?: boolean;
  /** The author of the document that quotes these words (the Collectif quoted by the CNCDH). */
  quotedBy?: AuthorId;
}

export interface SegmentOptions {
  lexicon?: Lexicon;
  govSpeakers?: GovSpeaker[];
  /** Member associations named in running text (« Selon Mme X… », « L'OICEM remarque… »). */
  memberSpeakers?: MemberSpeaker[];
  /** The last sentence before this block in the same section, for `context`. */
  before?: string;
  /** Sentence-level corrections (reviewed data); may change attribution or drop a sentence. */
  correct?: (sentence: AttributedSentence) => AttributedSentence | null;
}

export interface AttributedSentence extends Sentence {
  author: AuthorId;
  speaker?: string;
  organisation?: string;
  quotedBy?: AuthorId;
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
    a = memberVoice(a, opts.memberSpeakers);
    a = quotedCollectif(a);
    if (opts.correct) a = opts.correct(a);
    if (a) sentences.push(a);
  }
  const groups = block.item && fitsWhole(sentences) && sameVoice(sentences) ? [sentences] : groupSentences(sentences);
  // A list item that completes a lead-in printed elsewhere (« de préparer la transition… »)
  // does not read on its own: its first sentence goes, what follows it stays.
  const readable = groups.map((g, i) => (FRAGMENT.test(g[0].text) && !(block.afterLabel && i === 0) ? g.slice(1) : g)).filter((g) => g.length);
  const out: Draft[] = [];
  let previous: string | undefined = opts.before;
  const place = new Map(sentences.map((s, i) => [s, i]));
  for (const g of readable) {
    const first = g[0];
    const last = g[g.length - 1];
    const idx = place.get(first) ?? -1;
    const before = idx > 0 ? sentences[idx - 1].text : previous;
    out.push({
      text: joined.text.slice(first.start, last.end),
      author: first.author,
      speaker: first.speaker,
      organisation: first.organisation,
      section: block.section,
      measures: block.measures,
      lines: [lineAt(joined, first.start), lineAt(joined, last.end - 1)],
      ...(startsDependent(first.text) && before && !before.trim().endsWith(':') ? { context: before } : {}),
      ...(g.length === 1 && LEAD_IN.test(first.text) ? { leadIn: true } : {}),
      ...(first.quotedBy ? { quotedBy: first.quotedBy } : {}),
    });
    previous = last.text;
  }
  return out;
}

/** A sentence that announces what follows: « …les lacunes suivantes : ». */
export const LEAD_IN = /:\s*$/;

/**
 * A sentence that says nothing on its own: a verbless tail opening on « Et », « Comme », « Ou »,
 * « Notamment » (« Et des gros dossiers en Amérique du Sud. »). It joins the passage before
 * it, whatever that passage's length, or goes.
 */
const TAIL = /^(?:et|comme|ou|notamment|soit|voire|surtout)\b/i;
const TAIL_WORDS = 14;

export function isTail(text: string): boolean {
  return TAIL.test(text) && text.split(/\s+/).length <= TAIL_WORDS;
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
      !LEAD_IN.test(s.text) &&
      (DEPENDENT.test(s.text) || span(cur) < SHORT || LEAD_IN.test(prev.text));
    const tail = prev && prev.author === s.author && prev.speaker === s.speaker && isTail(s.text) && !LEAD_IN.test(prev.text);
    if (tail) {
      cur.push(s);
      continue;
    }
    if (!join && cur.length) {
      groups.push(cur);
      cur = [];
    }
    cur.push(s);
  }
  if (cur.length) groups.push(cur);
  // A tail with nothing before it in its voice says nothing alone.
  for (let i = groups.length - 1; i >= 0; i--) if (groups[i].length === 1 && isTail(groups[i][0].text)) groups.splice(i, 1);
  // A short tail sentence joins the group before it when it can.
  const out: AttributedSentence[][] = [];
  for (const g of groups) {
    const prev = out[out.length - 1];
    const p = prev?.[prev.length - 1];
    if (
      prev && p && span(g) < SHORT && p.author === g[0].author && p.speaker === g[0].speaker && !LEAD_IN.test(p.text) && !LEAD_IN.test(g[g.length - 1].text) &&
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

/** Speech verbs for a member's remark: « remarque », « rappelle », « a souligné »… */
const MEMBER_SPEECH =
  /^\s*(?:,[^,]{0,60},\s*)?(?:a |ont )?(?:(?:également|aussi|en outre|par ailleurs|quant à (?:elle|lui)),? )*(?:remarqu|rappel|soulign|estim|consid|insist|précis|not|indiqu|explique|ajout|regrett|déplor|constat|affirm|propos|demand|témoign|signal|évoqu|relèv|relev|observ|pens|juge|craint|s'inqui)/iu;

/** « Selon Mme X, », « D'après l'OICEM, », « Pour Mme X, » opening a sentence (after an optional « Enfin, »). */
const REPORTED_BY = /^(?:(?:Enfin|Par ailleurs|De plus|En outre|Ainsi),\s*)?(?:Selon|D['’]après|Pour)\s+$/u;
const OPENER = /^(?:(?:Enfin|Par ailleurs|De plus|En outre|Ainsi|Également|Aussi),\s*)?(?:l['’]association\s+|l['’]|le\s+|la\s+|les\s+)?$/iu;

/**
 * A member association's remark inside someone else's turn is that association's: a sentence
 * of a Collectif or association block whose subject is a member (« L'OICEM remarque
 * également que… », « Mme X rappelle… ») or that reports it (« Selon Mme X, … »). Only the
 * opening of the sentence counts: « …comme l'a rappelé l'OICEM » in passing stays the turn's.
 */
export function memberVoice(s: AttributedSentence, members: MemberSpeaker[] | undefined): AttributedSentence {
  if (!members?.length || (s.author !== 'collectif' && s.author !== 'association')) return s;
  for (const m of members) {
    const re = new RegExp(m.pattern.source, m.pattern.flags.replace('g', ''));
    const hit = re.exec(s.text);
    if (!hit || hit.index > 40) continue;
    const before = s.text.slice(0, hit.index);
    const after = s.text.slice(hit.index + hit[0].length);
    const speaks = (OPENER.test(before) && MEMBER_SPEECH.test(after)) || (REPORTED_BY.test(before) && /^\s*,/.test(after));
    if (!speaks) continue;
    if (s.organisation === m.organisation && s.author === 'association') return s;
    const speaker = m.surname ? `${/^M(?:\.|onsieur)?\s/.test(hit[0]) ? 'M.' : 'Mme'} ${m.surname}` : s.organisation === m.organisation ? s.speaker : undefined;
    // The turn's own speaker, as the turn already names them and their body.
    if (s.author === 'association' && speaker && speaker === s.speaker) return s;
    return { ...s, author: 'association', speaker, organisation: m.organisation };
  }
  return s;
}

export const COLLECTIF_NAME = 'Collectif « Ensemble contre la traite des êtres humains »';
const QUOTED_COLLECTIF =
  /^(?:(?:Selon|D['’]après|Pour)\s+le\s+Collectif\b|Le\s+Collectif\b(?:\s*[«“"][^»”"]{0,80}[»”"])?\s+(?:considère|estime|demande|souhaite|regrette|déplore|recommande|rappelle|insiste|propose|juge|souligne|réclame|exige|s['’]inquiète|alerte|dénonce|constate))/u;

/**
 * The Collectif's position as another body's document quotes it (« Le Collectif … considère
 * que… » in the CNCDH's evaluation) is the Collectif's, marked with who quotes it.
 */
export function quotedCollectif(s: AttributedSentence): AttributedSentence {
  if (s.author !== 'cncdh' && s.author !== 'gouvernement') return s;
  if (!QUOTED_COLLECTIF.test(s.text)) return s;
  return { ...s, author: 'collectif', speaker: undefined, organisation: COLLECTIF_NAME, quotedBy: s.author };
}

/**
 * Member associations from a source's participants list (« Organisation Internationale
 * Contre l'Esclavage Moderne (OICEM) : Nahgam Hriech Wahabi », « Mouvement du Nid : Pierre
 * Albert »): each person by surname (« Mme Hriech Wahabi », « M. Albert ») and each body by
 * its acronym or name. `except` names people who speak for the Collectif as a whole.
 */
export function membersFromParticipants(participants: readonly string[], except?: RegExp): MemberSpeaker[] {
  const out: MemberSpeaker[] = [];
  const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const line of participants) {
    const m = /^([^:]+?)\s*:\s*(.+)$/.exec(line);
    if (!m || /\bCollectif\b|\bminist|\bMIPROF\b|\bcabinet\b/i.test(m[1])) continue;
    const body = m[1].trim();
    const acronym = /\(([A-Z][A-Za-z-]{1,10})\)\s*$/.exec(body)?.[1];
    const name = body.replace(/\s*\([^)]*\)\s*$/, '');
    const organisation = acronym ?? name;
    for (const person of m[2].split(/\s*[,;]\s*/)) {
      const words = person.replace(/\(.*?\)/g, '').trim().split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
      if (words.length < 2) continue;
      const surname = words.slice(1).join(' ');
      const title = `(?:M\\.?|Mme|Madame|Monsieur)\\s+(?:${esc(words[0])}\\s+)?`;
      const re = new RegExp(`${title}(${esc(surname)})\\b`, 'u');
      if (except?.test(`M. ${surname}`) || except?.test(`Mme ${surname}`)) continue;
      out.push({ pattern: re, surname, organisation });
    }
    const names = [acronym, name].filter(Boolean).map((x) => esc(x!));
    out.push({ pattern: new RegExp(`(?:\\b|(?<=['’]))(?:${names.join('|')})\\b`, 'u'), organisation });
  }
  return out;
}
