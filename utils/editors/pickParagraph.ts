/**
 * Picks the paragraph around the caret from an editor's text, cut into lines. Pure: the DOM
 * walking is in `readParagraph.ts`, so this part is unit-tested in node.
 *
 * A paragraph is either one paragraph element (`<p>`, `<li>`, a heading… — every line it holds,
 * soft line breaks included), or, for editors that write one `<div>` per line (Gmail, Outlook,
 * Etherpad, a plain contenteditable) and for textareas, the run of lines between blank lines.
 *
 * In plain text, a mail quote (lines marked `>`, as Roundcube and every mail client quote a reply)
 * is never part of the paragraph written under or above it: Roundcube puts the caret on the line
 * right under the quote, with no blank line between. A quote (those lines, or a `<blockquote>`) is
 * never the neighbour sent as context either: a short « Madame, » under a minister's message would
 * search the minister's words.
 *
 * The same goes for what follows a forwarded or original message's separator (« -------- Courriel
 * original -------- » in Roundcube, « -----Message d'origine----- », Outlook's line of underscores
 * over « De : … ») and a signature's (« -- »): from that line on, the text is not what the user is
 * writing. Editors mark the same parts in their DOM (`linesOfElement.ts`).
 */

export interface TextLine {
  text: string;
  /** The paragraph element the line belongs to; `undefined` for a bare line (a `<div>`, a textarea line). */
  block?: unknown;
  /**
   * How deep in a mail quote the line is (`> > text` is 2); 0 or absent outside one. A forwarded
   * message and a signature count as a quote: words already there, not the user's paragraph.
   */
  quote?: number;
}

export interface PickedParagraph {
  text: string;
  /** The previous paragraph (or the next, at the top) when `text` is short; never a mail quote. */
  context?: string;
}

/** Under this many characters, a paragraph says too little alone: its neighbour is sent as context. */
export const SHORT_PARAGRAPH = 60;
/** A paragraph longer than this is cut (a textarea without blank lines can hold a whole letter). */
export const MAX_PARAGRAPH = 4000;

export function cleanText(text: string): string {
  // Zero-width characters are editors' placeholders (Lexical, CKEditor, Quill), not text.
  return text.replace(/[\u200B\u200C\u200D\uFEFF]/g, '').replace(/[\t\u00A0]/g, ' ');
}

export function pickParagraph(lines: readonly TextLine[], caretLine: number): PickedParagraph {
  const groups: string[][] = [];
  /** Whether each group is a mail quote: never a neighbour sent as context (someone else's words). */
  const quoted: boolean[] = [];
  const groupOf: number[] = [];
  let previousBlock: unknown = null;
  let previousQuote = 0;
  let open = false;
  const tail = quotedTail(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as TextLine;
    const text = cleanText(line.text).trim();
    if (!text) {
      groupOf.push(-1);
      open = false;
      continue;
    }
    const quote = Math.max(line.quote ?? 0, i >= tail ? 1 : 0);
    const sameGroup = open && (line.block ?? undefined) === previousBlock && quote === previousQuote;
    if (!sameGroup) {
      groups.push([]);
      quoted.push(quote > 0);
    }
    (groups[groups.length - 1] as string[]).push(text);
    groupOf.push(groups.length - 1);
    previousBlock = line.block ?? undefined;
    previousQuote = quote;
    open = true;
  }
  // The line that introduces a quote (« Le 3 déc. 2026, Cabinet a écrit : », Roundcube's and Gmail's own
  // paragraph above the <blockquote>) is the quote's too.
  for (let i = 0; i + 1 < groups.length; i++) if (!quoted[i] && quoted[i + 1] && groups[i]!.join(' ').endsWith(':')) quoted[i] = true;
  const index = groupOf[Math.max(0, Math.min(caretLine, groupOf.length - 1))] ?? -1;
  if (index < 0) return { text: '' };
  const text = clip((groups[index] as string[]).join('\n'));
  if (text.length >= SHORT_PARAGRAPH) return { text };
  const neighbour = [index - 1, index + 1].map((i) => (quoted[i] ? undefined : groups[i])).find((group) => group !== undefined);
  return neighbour ? { text, context: clip(neighbour.join('\n')) } : { text };
}

/** « -------- Courriel original -------- », « -----Original Message----- », « ---------- Forwarded message --------- ». */
const MESSAGE_SEPARATOR = /^-{2,}\s*[^-]*\b(message|courriel|mail)\b[^-]*-{2,}$/i;
/** Outlook's plain-text reply: a line of underscores, then the original's header. */
const RULE = /^_{8,}$/;
/** A header line of a quoted or forwarded message: « De : », « From: », « Objet : », « Envoyé : »… */
const HEADER = /^(de|from|objet|sujet|subject|date|envoyé|sent|à|a|to|cc|expéditeur|destinataire)\s*:/i;
/** A signature's separator: « -- » alone on its line (RFC 3676 writes it with a trailing space). */
const SIGNATURE = /^-- ?$/;

/**
 * Where the text stops being the user's: the first line of a forwarded or original message (its
 * separator), or of a signature; `lines.length` when there is none.
 */
function quotedTail(lines: readonly TextLine[]): number {
  for (let i = 0; i < lines.length; i++) {
    const raw = cleanText((lines[i] as TextLine).text);
    const text = raw.trim();
    if (SIGNATURE.test(raw.trimStart()) || MESSAGE_SEPARATOR.test(text)) return i;
    if (RULE.test(text)) {
      const next = lines.slice(i + 1).find((line) => cleanText(line.text).trim());
      if (next && HEADER.test(cleanText(next.text).trim())) return i;
    }
  }
  return lines.length;
}

function clip(text: string): string {
  return text.length > MAX_PARAGRAPH ? text.slice(0, MAX_PARAGRAPH) : text;
}

/** A mail quote's marks at the start of a line: `>`, `> >`, `>>`, and the space after them. */
const QUOTE_MARKS = /^((?:[ \t]*>)+)[ \t]?/;

/**
 * Textarea and input: lines of the value, and the line holding `caret` (a character offset). A quoted
 * line comes without its marks, with its depth; the line that introduces a quote (« Le 3 déc. 2026,
 * Cabinet a écrit : », « On …, … wrote: ») goes with the quote.
 */
export function linesOfValue(value: string, caret: number): { lines: TextLine[]; caretLine: number } {
  const lines: TextLine[] = value.split('\n').map((text) => {
    const marks = QUOTE_MARKS.exec(text);
    return marks ? { text: text.slice(marks[0].length), quote: (marks[1]!.match(/>/g) ?? []).length } : { text };
  });
  for (let i = lines.length - 2; i >= 0; i--) {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    if ((next.quote ?? 0) > (line.quote ?? 0) && line.text.trimEnd().endsWith(':')) line.quote = next.quote;
  }
  const caretLine = value.slice(0, Math.max(0, caret)).split('\n').length - 1;
  return { lines, caretLine };
}
