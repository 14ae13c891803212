/**
 * Line-level cleaning shared by every source parser: formatting marks, page furniture,
 * broken lines and PDF hyphenation. Words are never changed, reordered or dropped here:
 * only marks that are formatting (Markdown, HTML tags) and lines that are page furniture
 * (running heads, footers, page numbers, contact lines) go.
 */
import { fold } from '../../engine/normalise';
import type { Line } from './types';

/** Splits a source text into numbered lines (1-based), as `lines` citations count them. */
export function readLines(text: string): Line[] {
  return text.replace(/\r\n?/g, '\n').split('\n').map((t, i) => ({ n: i + 1, text: t }));
}

/**
 * Removes Markdown and HTML formatting from one line: `**bold**`, `*italic*`,
 * `<sup>ème</sup>`, `<i>in extenso</i>`, `[label](url)`, heading hashes. The words stay.
 */
export function stripMarks(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\((?:[^)]*)\)/g, '$1')
    .replace(/<\/?(?:sup|sub|i|b|em|strong|u|span)[^>]*>/gi, '')
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\*\*/g, '')
    .replace(/(^|[\s(«“"'’])\*(?=\S)/g, '$1')
    .replace(/(\S)\*(?=$|[\s).,;:!?»”"])/g, '$1');
}

const FURNITURE: RegExp[] = [
  /^\s*$/,
  // page numbers, alone on their line
  /^\s*\d{1,3}\s*$/,
  // bare addresses
  /^\s*(?:https?:\/\/|www\.)\S+\s*$/i,
  /^\s*\S+@\S+\.[a-z]{2,}\s*$/i,
  // the Collectif's running footer and contact lines
  /^\s*Collectif « Ensemble contre la traite des êtres humains » +- +www\.contrelatraite\.org\s*$/i,
  /^\s*Coordination du Collectif\s*:.*\d{2} \d{2} \d{2} \d{2} \d{2}/i,
  /^\s*\d{2} \d{2} \d{2} \d{2} \d{2}\s*\/.*contrelatraite/i,
  // the CNCDH evaluation's running head
  /^\s*CNCDH\s*•\s*Évaluation de la mise en œuvre du plan d’action national/i,
];

/** True for a line that is page furniture, never part of anyone's wording. */
export function isFurniture(text: string): boolean {
  return FURNITURE.some((re) => re.test(text));
}

/** Lower-cases and strips accents (the matching engine's `fold`); used to compare word forms, never to produce wording. */
export const foldWord = fold;

/**
 * Word forms seen whole on one line anywhere in the corpus. Decides whether a line that
 * ends in « porte- » and continues with « parole » is a compound (« porte-parole » is seen
 * elsewhere) or PDF hyphenation (« accompagne- / ment » → « accompagnement »).
 */
export class Lexicon {
  private readonly words = new Set<string>();

  constructor(texts: Iterable<string>) {
    for (const text of texts) {
      for (const w of text.match(/[\p{L}]+(?:-[\p{L}]+)*/gu) ?? []) this.words.add(foldWord(w));
    }
  }

  has(word: string): boolean {
    return this.words.has(foldWord(word));
  }
}

/** A block's text with, for each character range, the source line it comes from. */
export interface JoinedText {
  text: string;
  /** Offset in `text` where each line's contribution starts, in order. */
  starts: { offset: number; n: number }[];
}

const HYPHEN_END = /([\p{L}]+)-\s*$/u;
const WORD_START = /^\s*([\p{Ll}][\p{L}]*)/u;

/**
 * Joins broken lines into running text. A line break becomes a space, except after a
 * hyphenated word fragment, which is rejoined: without the hyphen for PDF hyphenation,
 * with it for a real compound (the lexicon decides; unknown words default to hyphenation,
 * the common case in typeset PDFs).
 */
export function joinLines(lines: readonly Line[], lexicon?: Lexicon): JoinedText {
  // The text so far is `done` and `last`. A piece follows the one before after a space (the space closes `last` into
  // `done`) or glued to it (a word cut at a line's end), so a word being cut is always whole in `last`, and only `last`
  // is read again at each line. Reading the whole text again at each line made joining quadratic: a text of 20,000
  // lines took minutes to import. Pieces are trimmed, so `last` never ends in white space.
  const done: string[] = [];
  let doneLength = 0;
  let last = '';
  const starts: JoinedText['starts'] = [];
  for (const line of lines) {
    const piece = line.text.replace(/\s+/g, ' ').trim();
    if (!piece) continue;
    if (starts.length) {
      const hy = HYPHEN_END.exec(last);
      const next = WORD_START.exec(piece);
      if (hy && /^\p{Lu}/u.test(piece)) {
        // « Cazaux- / Charles »: a hyphenated proper name is glued as it is, its hyphen kept, without a space.
      } else if (hy && next) {
        const head = hy[1];
        const tail = next[1];
        const compound = lexicon?.has(`${head}-${tail}`) && !lexicon.has(head + tail);
        if (!compound) last = last.slice(0, -1);
      } else {
        done.push(`${last} `);
        doneLength += last.length + 1;
        last = '';
      }
    }
    starts.push({ offset: doneLength + last.length, n: line.n });
    last += piece;
  }
  done.push(last);
  return { text: done.join(''), starts };
}

/** The source line holding character `offset` of a joined text. */
export function lineAt(joined: JoinedText, offset: number): number {
  // The last line starting at or before `offset` (offsets never decrease), by halves: read for every sentence of a
  // block, a scan from the first line made a long block quadratic.
  const { starts } = joined;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid].offset > offset) hi = mid;
    else lo = mid + 1;
  }
  return lo > 0 ? starts[lo - 1].n : (starts[0]?.n ?? 0);
}

/** List-item markers as the sources write them: « - », « – », « ● », « • », « 1/ ». */
export const ITEM_MARK = /^\s*(?:[-–●•▪]|\d{1,2}\s*\/)\s+/;

/** Removes a list-item marker from the start of a line. */
export function stripItemMark(text: string): string {
  return text.replace(ITEM_MARK, '');
}

export interface ParagraphOptions {
  /** The document marks paragraph breaks with lines holding only spaces (Word's PDF export). */
  spaceLineBreaks?: boolean;
  /**
   * A line ending a sentence and shorter than this share of the document's usual line
   * width ends its paragraph (a typeset PDF's last line of a paragraph is short).
   */
  shortLine?: number;
}

/**
 * Groups a document's lines into paragraphs, the way a reader sees them in the PDF:
 * empty lines are line spacing, furniture is skipped without breaking (a footer in the
 * middle of a sentence must not cut it), list items start their own paragraph.
 */
export function paragraphs(lines: readonly Line[], opts: ParagraphOptions = {}): Line[][] {
  const width = typicalWidth(lines);
  const shortLine = (opts.shortLine ?? 0.7) * width;
  const out: Line[][] = [];
  let cur: Line[] = [];
  const flush = () => {
    if (cur.length) out.push(cur);
    cur = [];
  };
  for (const line of lines) {
    if (/^\s+$/.test(line.text) && opts.spaceLineBreaks) {
      flush();
      continue;
    }
    if (isFurniture(line.text)) continue;
    const prev = cur[cur.length - 1];
    if (prev && (ITEM_MARK.test(line.text) || endsParagraph(prev.text, shortLine))) flush();
    cur.push(line);
  }
  flush();
  return out;
}

function endsParagraph(text: string, shortLine: number): boolean {
  const t = text.trim();
  return /[.!?:»)]$/.test(t) && t.length < shortLine;
}

/** The 90th percentile of line lengths: the width of a full line of running text. */
export function typicalWidth(lines: readonly Line[]): number {
  const lengths = lines.map((l) => l.text.trim().length).filter((n) => n > 20).sort((a, b) => a - b);
  return lengths.length ? lengths[Math.floor(lengths.length * 0.9)] : 80;
}

/** The joined text of some lines, for reading headings (no line mapping needed). */
export function flat(lines: readonly Line[]): string {
  return lines.map((l) => l.text.trim()).filter(Boolean).join(' ');
}

/**
 * An apostrophe the text extraction lost: an elided word (« n », « l », « C », « qu »,
 * « jusqu », « aujourd ») standing alone before a vowel or an h: « les préfets n ont »,
 * « C est », « l OFII ». Not after a hyphen (« mineur-e-s est ») and not an initial before a
 * name (« M Albert »).
 */
const SCAR = /(?<![\p{L}\p{N}'’\-.])((?:jusqu|lorsqu|puisqu|quoiqu|quelqu|presqu|aujourd|qu|[cdjlmnst])|[CDJLNST]|Qu|Jusqu|Lorsqu|Puisqu) (?=[aeiouyhàâäéèêëîïôöûüœAEIOUYHÀÂÉÈÊÎÔÛŒ])/gu;

/** Where a text still carries lost apostrophes (the elided word and what follows), for `library check`. */
export function apostropheScars(text: string): string[] {
  return [...text.matchAll(SCAR)].map((m) => text.slice(m.index, m.index + m[0].length + 6));
}

/**
 * Puts back the apostrophes text extraction lost (see `SCAR`), with the document's own
 * apostrophe (’ or '). Only a space becomes an apostrophe: the words and their order stay,
 * which `library check` verifies letter for letter against the source.
 */
export function restoreApostrophes(text: string, apostrophe: '’' | "'" = '’'): string {
  return text.replace(SCAR, (_m, word: string) => word + apostrophe);
}

/** The apostrophe a document uses most. */
export function dominantApostrophe(text: string): '’' | "'" {
  const curly = text.split('’').length;
  const straight = text.split("'").length;
  return straight > curly ? "'" : '’';
}
