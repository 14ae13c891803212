/**
 * Cuts a contenteditable's DOM into lines, the way the user sees them, and finds the line holding
 * the caret. Reads only: it never touches the editor's DOM.
 */
import type { TextLine } from './pickParagraph';

/** Elements that start a new line. */
const BLOCKS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE DD DIV DL DT FIGCAPTION FIGURE FOOTER H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TBODY TD TH THEAD TR UL'.split(' '),
);
/** Blocks that are one paragraph each, whatever line breaks they hold (a `<div>` is a line, not a paragraph). */
const PARAGRAPHS = new Set('BLOCKQUOTE DD DT FIGCAPTION H1 H2 H3 H4 H5 H6 LI P PRE TD TH'.split(' '));
/** Never text the user wrote. */
const SKIPPED = new Set('SCRIPT STYLE TEMPLATE NOSCRIPT SVG'.split(' '));
/**
 * What mail editors put around words that are not the paragraph being written: a quoted or forwarded
 * message and a signature, by the marks each one's own code sets. Their lines count as a quote
 * (`TextLine.quote`): never part of the user's paragraph, never sent as its context.
 * - Gmail: `gmail_quote` around « Le … a écrit : » and its <blockquote>, or around a forwarded message;
 *   `gmail_signature`. Thunderbird: `moz-cite-prefix`, `moz-forward-container`, `moz-signature`. Yahoo:
 *   `yahoo_quoted`. Proton: `protonmail_quote`, `protonmail_signature_block`.
 * - Outlook on the web: `Signature`; the newer reference message container; Outlook for Mac's
 *   `OLK_SRC_BODY_SECTION`. Roundcube: `_rc_sig`. Zoho: `zmail_extra`. Zimbra: its `data-marker`s
 *   `__HEADERS__` and `__QUOTED_TEXT__`.
 */
const QUOTE_CLASSES = new Set('gmail_quote gmail_quote_container gmail_signature moz-cite-prefix moz-forward-container moz-signature yahoo_quoted protonmail_quote protonmail_signature_block OLK_SRC_BODY_SECTION zmail_extra'.split(' '));
const QUOTE_IDS = new Set(['Signature', '_rc_sig', 'mail-editor-reference-message-container']);
const QUOTE_MARKERS = new Set(['__HEADERS__', '__QUOTED_TEXT__']);
/**
 * Outlook on the web's reply and forward: the user's text, an empty `#appendonsend`, a rule, then
 * `#divRplyFwdMsg` (« De : … Envoyé : … À : … Objet : ») and the original message in plain `<div>`s,
 * no <blockquote>. Everything from either mark on is the original's. Zimbra's rule over its quote,
 * `hr#zwchr`, says the same.
 */
const QUOTED_FROM_HERE_ON = /^(x_)*(appendonsend|divRplyFwdMsg|zwchr)$/;

function isQuoteContainer(element: Element): boolean {
  if (element.tagName.toUpperCase() === 'BLOCKQUOTE' || QUOTE_IDS.has(element.id)) return true;
  if (QUOTE_MARKERS.has(element.getAttribute('data-marker') ?? '')) return true;
  for (const name of Array.from(element.classList)) if (QUOTE_CLASSES.has(name)) return true;
  return false;
}

/** `Node.TEXT_NODE` and `Node.ELEMENT_NODE`, without the global `Node` (the unit tests walk a DOM in node). */
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

export interface Caret {
  node: Node;
  offset: number;
}

export function linesOfElement(root: Element, caret: Caret | undefined): { lines: TextLine[]; caretLine: number } {
  const lines: TextLine[] = [];
  let current: TextLine | null = null;
  let caretLine = -1;
  /** How many quotes (a <blockquote>, a forwarded message, a signature) the walk is inside: `TextLine.quote`. */
  let quoteDepth = 0;
  let quotedFromHereOn = false;
  const ensureLine = (block: Element | undefined) => {
    if (!current) {
      current = quoteDepth ? { text: '', block, quote: quoteDepth } : { text: '', block };
      lines.push(current);
    }
    return current;
  };
  const markCaret = (block: Element | undefined) => {
    // At the end of a paragraph whose last line ended with a <br> (ProseMirror's trailing break),
    // the caret is still on that paragraph's line, not on a new empty one.
    const last = lines[lines.length - 1];
    if (!current && block && last?.block === block) {
      caretLine = lines.length - 1;
      return;
    }
    ensureLine(block);
    caretLine = lines.length - 1;
  };

  const visit = (node: Node, block: Element | undefined) => {
    if (node.nodeType === TEXT_NODE) {
      ensureLine(block).text += (node as Text).data;
      if (caret?.node === node) caretLine = lines.length - 1;
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    if (SKIPPED.has(tag)) return;
    // Widgets inside the editor (mentions, embeds, CKEditor's UI) are not the user's prose.
    if (element !== root && element.getAttribute('contenteditable') === 'false') return;
    if (tag === 'BR') {
      ensureLine(block);
      if (caret?.node === element) caretLine = lines.length - 1;
      current = null;
      return;
    }
    const isBlock = BLOCKS.has(tag) && element !== root;
    const inner = PARAGRAPHS.has(tag) ? element : block;
    const isQuote = element !== root && isQuoteContainer(element);
    if (isBlock) current = null;
    if (isQuote) quoteDepth++;
    // From Outlook's mark on, every line is the original message's (the mark stays counted).
    if (element !== root && QUOTED_FROM_HERE_ON.test(element.id) && !quotedFromHereOn) {
      quotedFromHereOn = true;
      quoteDepth++;
      current = null;
    }
    const children = element.childNodes;
    for (let i = 0; i < children.length; i++) {
      if (caret?.node === element && caret.offset === i) markCaret(inner);
      visit(children[i] as Node, inner);
    }
    if (caret?.node === element && caret.offset >= children.length) markCaret(inner);
    if (isQuote) quoteDepth--;
    if (isBlock) {
      // An empty block (`<div><br></div>` is Gmail's blank line) still counts as a line.
      if (!children.length) ensureLine(inner);
      current = null;
    }
  };
  visit(root, undefined);
  if (!lines.length) lines.push({ text: '' });
  return { lines, caretLine: caretLine < 0 ? lines.length - 1 : caretLine };
}
