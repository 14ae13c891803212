/**
 * Reads the paragraph around the caret of an editable, and the editable's whole text (to check an
 * insertion). Reading never changes the page.
 */
import { callPageBridge } from '../content/callPageBridge';
import type { EditorTarget } from './detectEditor';
import { linesOfElement, type Caret } from './linesOfElement';
import { cleanText, linesOfValue, pickParagraph, type PickedParagraph } from './pickParagraph';

export interface ReadParagraph extends PickedParagraph {
  /** `selection` when only the selected text could be read (Google Docs without its annotated mode). */
  from?: 'selection';
}

export async function readParagraph(target: EditorTarget): Promise<ReadParagraph | undefined> {
  if (target.kind === 'textarea' || target.kind === 'input') {
    const { value, selectionStart } = target.root;
    const { lines, caretLine } = linesOfValue(value, selectionStart ?? value.length);
    return pickParagraph(lines, caretLine);
  }
  if (target.kind === 'gdocs') return readDocs(target.root);
  const caret = caretIn(target.root);
  if (!caret) return undefined;
  const { lines, caretLine } = linesOfElement(target.root, caret);
  return pickParagraph(lines, caretLine);
}

/** The caret (focus end of the selection) when it is inside `root`. */
export function caretIn(root: Element): Caret | undefined {
  const selection = root.ownerDocument.getSelection();
  const node = selection?.focusNode;
  if (!selection || !node || !root.contains(node)) return undefined;
  return { node, offset: selection.focusOffset };
}

/** The editable's whole text as lines; `undefined` where it cannot be read (Google Docs' canvas). */
export function readAll(target: EditorTarget): string | undefined {
  if (target.kind === 'textarea' || target.kind === 'input') return target.root.value;
  if (target.kind === 'gdocs') return undefined;
  return linesOfElement(target.root, undefined)
    .lines.map((line) => line.text)
    .join('\n');
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
  const selected = cleanText(hiddenEditable.innerText || copiedSelection(hiddenEditable)).trim();
  return { text: selected.slice(0, 4000), from: 'selection' };
}

/**
 * Docs answers a `copy` event on its hidden editable by putting the selected text into the event's
 * clipboardData, which is how Ctrl+C works there. A synthetic event with our own DataTransfer gets
 * that text without touching the user's clipboard.
 */
function copiedSelection(hiddenEditable: HTMLElement): string {
  const data = new DataTransfer();
  hiddenEditable.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true, composed: true }));
  return data.getData('text/plain');
}
