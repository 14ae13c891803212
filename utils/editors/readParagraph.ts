/**
 * Reads the paragraph around the caret of an editable, and the editable's whole text (to check an
 * insertion). Reading never changes the page.
 */
import { callPageBridge } from '../content/callPageBridge';
import type { EditorTarget } from './detectEditor';
import { linesOfElement, type Caret } from './linesOfElement';
import { selectionOf } from './selectionOf';
import { cleanText, linesOfValue, pickParagraph, type PickedParagraph, type TextLine } from './pickParagraph';

export interface ReadParagraph extends PickedParagraph {
  /** `selection` when only the selected text could be read (Google Docs without its annotated mode). */
  from?: 'selection';
}

export async function readParagraph(target: EditorTarget): Promise<ReadParagraph | undefined> {
  if (target.kind === 'textarea' || target.kind === 'input') {
    const { value, selectionStart } = target.root;
    return paragraphOfText(value, selectionStart ?? value.length);
  }
  if (target.kind === 'gdocs') return readDocs(target.root);
  if (target.kind === 'codemirror5') {
    const read = await readCodeMirror5(target.root);
    return read && paragraphOfText(read.text, read.caret);
  }
  const caret = caretIn(target.root);
  if (!caret) return undefined;
  const { lines, caretLine } = linesOfElement(target.root, caret);
  return pickParagraph(lines, caretLine);
}

/** The paragraph around `caret` in a plain text (a field's value, CodeMirror 5's text): blank lines part paragraphs. */
function paragraphOfText(value: string, caret: number): PickedParagraph {
  const { lines, caretLine } = linesOfValue(value, caret);
  return pickParagraph(lines, caretLine);
}

/** The caret (focus end of the selection) when it is inside `root`. */
export function caretIn(root: Element): Caret | undefined {
  const selection = selectionOf(root);
  const node = selection?.focusNode;
  if (!selection || !node || !root.contains(node)) return undefined;
  return { node, offset: selection.focusOffset };
}

/** The editable's whole text as lines; `undefined` where it cannot be read (Google Docs' canvas). */
export function readAll(target: EditorTarget): string | undefined {
  if (target.kind === 'textarea' || target.kind === 'input') return target.root.value;
  if (target.kind === 'gdocs') return undefined;
  // CodeMirror 5 draws the lines in view (and a margin around them), the caret's among them.
  if (target.kind === 'codemirror5') return Array.from(target.root.querySelectorAll('.CodeMirror-code .CodeMirror-line'), (line) => line.textContent ?? '').join('\n');
  return linesOfElement(target.root, undefined)
    .lines.map((line) => line.text)
    .join('\n');
}

/**
 * CodeMirror 5's text and caret (offset in its text), from its own model through the page bridge: its
 * <textarea> only holds the last keys typed. `undefined` without the bridge.
 */
export async function readCodeMirror5(root: HTMLElement): Promise<{ text: string; caret: number } | undefined> {
  const reply = await callPageBridge(root, 'codemirror5-read', undefined, 500);
  const read = reply?.result as { text?: unknown; caret?: unknown } | undefined;
  return typeof read?.text === 'string' && typeof read.caret === 'number' ? { text: read.text, caret: read.caret } : undefined;
}

/**
 * Google Docs. With its annotated-canvas mode on, Docs gives the document's text and selection to
 * the page (`_docs_annotate_getAnnotatedText`): we take the paragraph around the caret. Without it,
 * all a script can read is what the user selected (see `copiedSelection`).
 */
async function readDocs(hiddenEditable: HTMLElement): Promise<ReadParagraph> {
  const reply = await callPageBridge(hiddenEditable, 'gdocs-read', undefined, 500);
  const annotated = reply?.result as { text: string; start: number | null } | undefined;
  if (annotated && typeof annotated.text === 'string') {
    // Docs' text starts with control characters (\u0003) and separates paragraphs with \n.
    const text = annotated.text.replace(/[\u0000-\u0008\u000B-\u001F]/g, '');
    const caret = Math.max(0, (annotated.start ?? text.length) - (annotated.text.length - text.length));
    const { lines, caretLine } = linesOfValue(text, caret);
    // Each line of Docs' text is a paragraph (no blank line between them, unlike a textarea).
    return pickParagraph(lines.map((line, index) => ({ ...line, block: index })), caretLine);
  }
  const docsPage = hiddenEditable.ownerDocument.defaultView?.frameElement?.ownerDocument;
  const fromLayer = docsPage ? readAnnotationLayer(docsPage) : undefined;
  if (fromLayer) return fromLayer;
  const selected = cleanText(hiddenEditable.innerText || (await copiedSelection(hiddenEditable))).trim();
  return { text: selected.slice(0, 4000), from: 'selection' };
}

/**
 * Docs' annotation layer, drawn over the canvas when the annotated-canvas mode is on (the page-world
 * script sets `_docs_annotate_canvas_by_ext` before Docs starts, see entrypoints/page-bridge.content.ts).
 * As public extensions describe it (README « Google Docs »): inside `.kix-canvas-tile-content`, an SVG
 * `rect` per drawn line whose `aria-label` is the line's text, the lines of one paragraph grouped in a
 * `g[role="paragraph"]`; the caret is the `.kix-cursor` element. The paragraph is the one whose line
 * is level with the caret (the nearest line when none is). `undefined` when the layer is absent.
 */
export function readAnnotationLayer(docsPage: Document): PickedParagraph | undefined {
  const rects = [...docsPage.querySelectorAll('.kix-canvas-tile-content rect[aria-label]')];
  if (rects.length === 0) return undefined;
  const paragraphs: Element[] = [];
  const lines: TextLine[] = [];
  for (const rect of rects) {
    const paragraph = rect.closest('g[role="paragraph"]') ?? rect.parentElement ?? rect;
    const label = rect.getAttribute('aria-label') ?? '';
    const at = paragraphs.indexOf(paragraph);
    if (at >= 0) {
      // A wrapped line goes on with the same paragraph, after a space (Docs' labels may end with one).
      const line = lines[at] as TextLine;
      line.text = `${line.text} ${label}`.replace(/ {2,}/g, ' ');
    } else {
      paragraphs.push(paragraph);
      lines.push({ text: label, block: paragraph });
    }
  }
  const caret = docsPage.querySelector('.kix-cursor')?.getBoundingClientRect();
  let caretRect = rects[rects.length - 1] as Element;
  if (caret) {
    const middle = caret.top + caret.height / 2;
    const distance = (rect: Element) => {
      const box = rect.getBoundingClientRect();
      return middle >= box.top && middle <= box.bottom ? 0 : Math.min(Math.abs(box.top - middle), Math.abs(box.bottom - middle));
    };
    caretRect = rects.reduce((best, rect) => (distance(rect) < distance(best) ? rect : best));
  }
  const caretParagraph = caretRect.closest('g[role="paragraph"]') ?? caretRect.parentElement ?? caretRect;
  return pickParagraph(lines, Math.max(0, paragraphs.indexOf(caretParagraph)));
}

/**
 * Docs answers a `copy` event on its hidden editable by putting the selected text into the event's
 * clipboardData, which is how Ctrl+C works there. A synthetic event with our own DataTransfer gets
 * that text without touching the user's clipboard.
 */
async function copiedSelection(hiddenEditable: HTMLElement): Promise<string> {
  // From the page's world when the bridge is there: Firefox hides the clipboardData of an event made
  // here from the page's listeners, so Docs could not write the selection into it.
  const reply = await callPageBridge(hiddenEditable, 'copy', undefined, 300);
  if (typeof reply?.result === 'string') return reply.result;
  const event = new ClipboardEvent('copy', { clipboardData: new DataTransfer(), bubbles: true, cancelable: true, composed: true });
  hiddenEditable.dispatchEvent(event);
  return event.clipboardData?.getData('text/plain') ?? '';
}
