/**
 * Inserts plain text at the remembered caret of an editable, through the editor's own input path
 * so that its model updates and its Ctrl+Z removes it, then reads the editor back.
 *
 * Ways in, per family (verified in tests/e2e/editors.test.ts against the real editors):
 * - `execCommand('insertText')`: the browser's native editing, which fires the same `input` events
 *   as typing. Undoable in textareas (browser undo stack) and taken by ProseMirror, Quill 2,
 *   Lexical, TinyMCE and Gmail-style contenteditables through their input handling.
 * - a `paste` event carrying a DataTransfer: CKEditor 5 ignores execCommand (its model rewrites the
 *   DOM back) but takes a paste through its clipboard pipeline, as one undo step; roosterjs (Outlook)
 *   makes a paste its own undo step, where execCommand text merges with the last word typed. Also
 *   the only way into Google Docs' hidden input iframe. First, too, in an editable of no family we know by
 *   its marks, when its editor handles the paste: Squire (Fastmail, SnappyMail) takes an undo step
 *   only at a word's end, and execCommand's text went at Ctrl+Z with the word typed just before; Draft.js
 *   takes it as it takes the user's (two lines given natively, it kept only the second). Where no editor
 *   handles it, the native insert follows; Editor.js, which made a pasted wording and its note two blocks
 *   and the wording twice, keeps the native insert.
 * - the editor's API through the page-world bridge: Etherpad's `ace_replaceRange`, TinyMCE's undo
 *   manager around the native insert (TinyMCE merges everything typed since its last undo level, so
 *   a bare execCommand would be undone together with the user's sentence), CKEditor 4's
 *   `editor.insertHtml` of the escaped text, its own undo step (same reason), CKEditor 5's
 *   model, a change of its own (the fallback when a paste does not go through: its `insertText`
 *   command would join the last 20 characters typed), Slate's `editor.insertData` as its own undo step
 *   (Slate ignores execCommand's DOM change and reverts it at the next keystroke), Trix's
 *   `editor.insertString` after an undo entry of its own (Trix merges all typing into one entry),
 *   CodeMirror 5's `replaceSelection` between two history splits (its <textarea> is only an input),
 *   a snapshot of Summernote's history before the native insert (it snapshots only at a click, a space
 *   or Enter: the last word typed would go with the insert).
 * - roosterjs (Outlook) when a paste does not go through: the native insert between
 *   two snapshots roosterjs takes at an empty `compositionend` (`snapshotAroundExecCommand`).
 * - `setRangeText` for a textarea as a last resort: it works everywhere but is not undoable, and the
 *   result says so.
 *
 * A way is tried only if the previous one demonstrably changed nothing; if the editor changed but
 * does not show the text, that is reported, never retried (a late change would insert twice).
 */
import type { InsertFailure, InsertResult, InsertStrategy } from '../../data/protocol';
import { callPageBridge, type BridgeOp } from '../content/callPageBridge';
import type { EditorTarget } from './detectEditor';
import { joinAtCaret } from './joinAtCaret';
import { selectionOf } from './selectionOf';
import { readAll, readCodeMirror5 } from './readParagraph';

/** Where the caret was when the user left the editable (focus moved to the side panel). */
export interface SavedCaret {
  range?: Range;
  /** When the user last changed this editor (`performance.now()`), for editors that merge changes by time. */
  editedAt?: number;
}

/**
 * Editors whose history merges changes made close together into one undo step: Quill within a
 * second of the last change (its `delay` option), ProseMirror, Tiptap and CodeMirror 6 within half a
 * second (`newGroupDelay`), Jodit within a tenth of a second (its history waits that long after the last
 * change), by default. An insert made right after a keystroke would be taken away by
 * Ctrl+Z together with the last letters typed: it waits for the window to close.
 */
export const UNDO_MERGE_MS: Partial<Record<EditorTarget['kind'], number>> = { quill: 1000, prosemirror: 500, codemirror: 500, jodit: 100 };

/**
 * `tried`: the way ran; if the editor shows nothing, the next way may. `taken`: the editor's own API accepted
 * the text; it may show it later, never try another way then. `handled`: the page handled a paste; wait for
 * the text as for `taken`, but a page that refuses pastes (handles them by showing nothing) leaves the next
 * way to try.
 */
type Outcome = 'tried' | 'taken' | 'handled' | 'absent';
interface Way {
  strategy: InsertStrategy;
  undoable: boolean;
  run(target: EditorTarget, text: string): Outcome | Promise<Outcome>;
}

const execCommand: Way = {
  strategy: 'execCommand',
  undoable: true,
  run: (target, text) => {
    target.root.ownerDocument.execCommand('insertText', false, text);
    return 'tried';
  },
};
/**
 * A paste, which the editor may or may not handle: `handled` when it did (its handler may insert a moment
 * later: no other way is tried while it may), `absent` when nothing took it (a paste made by script changes
 * nothing by itself). `noBreakEdges`: editors not known by name may trim the white space at the edges of
 * what is pasted (Squire does), so the space that joins the wording to the sentence before or the word after
 * goes as a no-break space, which they keep; CKEditor 5 and roosterjs keep a plain one.
 */
function pasteWay(noBreakEdges = false): Way {
  return {
    strategy: 'paste',
    undoable: true,
    run: async (target, text) => ((await pasteText(target.root, noBreakEdges ? text.replace(/^ | $/g, '\u00A0') : text)) ? 'handled' : 'absent'),
  };
}
const paste = pasteWay();
const pasteNoBreakEdges = pasteWay(true);
const setRangeText: Way = {
  strategy: 'setRangeText',
  undoable: false,
  run: (target, text) => {
    if (target.kind !== 'textarea' && target.kind !== 'input') return 'absent';
    const field = target.root;
    field.setRangeText(text, field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length, 'end');
    // Frameworks (React, Vue) that keep the field's value in their state listen for `input`.
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    return 'tried';
  },
};
/**
 * roosterjs (Outlook) takes an undo snapshot at a word boundary, a click, a paste, or the end of an IME
 * composition. Where a paste does not go through, the text goes in natively, and
 * roosterjs neither snapshots what was typed before it nor counts it as new content: Ctrl+Z went back to
 * the last word boundary, taking the word typed just before with the insert. An empty `compositionend`
 * before the insert has it snapshot what the user typed, one after it snapshots the insert: a step of its
 * own. Its other listeners act only on the text a composition brings, and this one brings none.
 */
const snapshotAroundExecCommand: Way = {
  strategy: 'execCommand',
  undoable: true,
  run: (target, text) => {
    const snapshot = () => target.root.dispatchEvent(new CompositionEvent('compositionend', { data: '', bubbles: true }));
    snapshot();
    const outcome = execCommand.run(target, text);
    snapshot();
    return outcome;
  },
};
/** The page bridge's insert operations (`callPageBridge.ts`), one per editor that needs its own API. */
const bridge = (op: Extract<BridgeOp, `${string}-insert`>): Way => ({
  strategy: 'editor-api',
  undoable: true,
  run: async (target, text) => ((await callPageBridge(target.root, op, text))?.result === true ? 'taken' : 'absent'),
});

function waysFor(target: EditorTarget): Way[] {
  switch (target.kind) {
    case 'textarea':
    case 'input':
      return [execCommand, setRangeText];
    case 'ckeditor5':
      return [paste, bridge('ckeditor-insert')];
    case 'etherpad':
      return [bridge('etherpad-insert'), execCommand];
    case 'tinymce':
      return [bridge('tinymce-insert'), execCommand];
    case 'ckeditor4':
      // CKEditor 4's undo manager snapshots typing every 25 keystrokes: execCommand's text joins the
      // keystrokes since the last snapshot, and one Ctrl+Z takes them with it. Its editor.insertHtml (the
      // page bridge) snapshots before and after itself, a step of its own; execCommand is the fallback
      // (the text right, the undo coarse).
      return [bridge('ckeditor4-insert'), execCommand];
    case 'slate':
      // Slate takes text only through its own events or API: execCommand's text shows in the DOM
      // but not in Slate's model, and the next keystroke reverts it. Its editor's insertData (the page
      // bridge) is its own paste path, made its own undo step; a plain-text paste event reaches the
      // same path when the bridge cannot (one Ctrl+Z then also takes the text typed just before).
      return [bridge('slate-insert'), paste];
    case 'trix':
      // Trix makes everything typed one « Typing » undo entry until the caret moves: execCommand's text
      // joins it, and one Ctrl+Z would take the user's sentence with it. Its editor (the page bridge)
      // records an undo entry of its own first, then inserts; execCommand is the fallback.
      return [bridge('trix-insert'), execCommand];
    case 'summernote':
      // Summernote answers Ctrl+Z from its own history, which takes a snapshot only at a click, a space
      // or Enter, or one of its commands: an insert after « victimes. » would go with that word. Its
      // history (the page bridge) snapshots what the user typed first; the text then goes in natively.
      return [bridge('summernote-insert'), execCommand];
    case 'codemirror5':
      // Its hidden <textarea> takes execCommand's text as typing, one undo step with the sentence before;
      // its own replaceSelection (the page bridge) is a step of its own. No fallback: nothing else is undoable.
      return [bridge('codemirror5-insert')];
    case 'outlook':
      // roosterjs takes undo snapshots at word boundaries and around pastes: a paste is its own
      // undo step, where execCommand would merge with the last word typed (hence the snapshots around it).
      return [paste, snapshotAroundExecCommand];
    case 'contenteditable':
      // Editor.js (`.codex-editor`) makes each line of a paste a block of its own, and wrote a wording with its
      // note (two lines) twice: it keeps the native insert, which it takes as typing.
      if (target.root.closest('.codex-editor')) return [execCommand, paste];
      // An editor not known by its marks (Squire in Fastmail or SnappyMail; Draft.js; a site's own):
      // one that handles a paste itself makes it an undo step of its own, as editors with their own history
      // do (CKEditor 5, roosterjs, Squire), where execCommand's text would merge with the last word typed,
      // and where Draft.js, given two lines natively, kept only the second. One that does not handle it is
      // left as it was (a paste made by script changes nothing by itself) and gets the native insert.
      return [pasteNoBreakEdges, execCommand];
    default:
      return [execCommand, paste];
  }
}

export async function insertText(target: EditorTarget, text: string, saved: SavedCaret = {}): Promise<InsertResult> {
  if (!target.root.isConnected) return failure('editor-gone');
  if (target.kind === 'gdocs') return insertIntoDocs(target.root, text);
  const merge = UNDO_MERGE_MS[target.kind];
  if (merge !== undefined && saved.editedAt !== undefined) {
    const wait = saved.editedAt + merge + 50 - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  // CodeMirror 5 keeps its own cursor where the user left it; the page's selection is not its caret.
  if (target.kind !== 'codemirror5') restoreCaret(target, saved);
  await settle();
  // Joined as a writer would: a space after the sentence before, none at a paragraph's start.
  const around = target.kind === 'codemirror5' ? await aroundCodeMirror5(target.root) : aroundCaret(target);
  if (around) text = joinAtCaret(around.before, text, around.after).text;
  const before = readAll(target) ?? '';
  for (const way of waysFor(target)) {
    const outcome = await way.run(target, text);
    if (outcome === 'absent') continue;
    await settle();
    let after = readAll(target) ?? '';
    // Etherpad in Firefox redraws its lines a moment after ace_replaceRange: wait for what the
    // editor's API took (a second way would insert the text twice).
    for (let waited = 0; (outcome === 'taken' || outcome === 'handled') && after === before && waited < 2000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = readAll(target) ?? '';
    }
    if (after === before && outcome === 'taken') return failure('not-inserted', `${way.strategy} took the text, but the editor does not show it`);
    if (after === before) continue; // nothing happened: the next way may work
    const added = timesAdded(before, after, text);
    // Twice is not success: something else in the page (a second bridge, an editor's own handler) inserted it too.
    if (added > 1) return failure('inserted-twice', `${way.strategy}: the text appears ${added} more times, not once`);
    return added === 1
      ? { ok: true, strategy: way.strategy, undoable: way.undoable }
      : failure('not-inserted', `${way.strategy} changed the editor, but it does not show the text`);
  }
  return failure('not-inserted', 'no way in changed the editor');
}

/**
 * Puts focus and the caret back where the user left them. Setting the selection again, even to the
 * same place, also closes Chromium's open typing command: without it the insertion merges into the
 * user's last typed words, and one Ctrl+Z takes both away.
 */
function restoreCaret(target: EditorTarget, saved: SavedCaret): void {
  target.root.focus({ preventScroll: true });
  announceFocus(target.root);
  if (target.kind === 'textarea' || target.kind === 'input') {
    // A field keeps its selection when it loses focus.
    const field = target.root;
    const { selectionStart, selectionEnd, selectionDirection } = field;
    if (selectionStart !== null && selectionEnd !== null) field.setSelectionRange(selectionStart, selectionEnd, selectionDirection ?? undefined);
    return;
  }
  const { root } = target;
  const selection = selectionOf(root);
  const current = selection?.rangeCount ? selection.getRangeAt(0) : undefined;
  const range = saved.range && root.contains(saved.range.startContainer) && root.contains(saved.range.endContainer) ? saved.range : current;
  if (!selection || !range || !root.contains(range.startContainer)) return;
  selection.removeAllRanges();
  selection.addRange(range.cloneRange());
}

/**
 * Firefox, while its sidebar has the focus, moves the page's focus to the editor without telling the editor: the
 * `focus` event waits until the user comes back to the page. An editor that follows its focus by that event then
 * takes the insertion as made while it was blurred: Draft.js files it so, and its Ctrl+Z, taking the insertion
 * away, puts the caret at the start of the message. The editor is told as a click would tell it. Only then: a
 * page that has the focus has had its events.
 */
function announceFocus(root: HTMLElement): void {
  const doc = root.ownerDocument;
  if (doc.hasFocus() || doc.activeElement !== root) return;
  root.dispatchEvent(new FocusEvent('focus'));
  root.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
}

/** The caret's line before and after the caret in CodeMirror 5's own text (page bridge). */
async function aroundCodeMirror5(root: HTMLElement): Promise<{ before: string; after: string } | undefined> {
  const read = await readCodeMirror5(root);
  return read && aroundInText(read.text, read.caret, read.caret);
}

/** The line of a plain text before `start` and after `end` (a field's value, CodeMirror 5's text). */
function aroundInText(value: string, start: number, end: number): { before: string; after: string } {
  return { before: value.slice(0, start).split('\n').at(-1) ?? '', after: value.slice(end).split('\n')[0] ?? '' };
}

/** Paragraph-level elements: the text around the caret is read within the nearest one. */
const BLOCK = 'p,div,li,td,th,blockquote,pre,h1,h2,h3,h4,h5,h6,dd,dt';

/**
 * The text of the caret's line before and after the caret (a textarea's line, or a contenteditable's
 * block up to a `<br>`); `undefined` when the caret is not in the editor.
 */
function aroundCaret(target: EditorTarget): { before: string; after: string } | undefined {
  if (target.kind === 'textarea' || target.kind === 'input') {
    const { value, selectionStart, selectionEnd } = target.root;
    const start = selectionStart ?? value.length;
    return aroundInText(value, start, selectionEnd ?? start);
  }
  const { root } = target;
  const selection = selectionOf(root);
  if (!selection?.rangeCount) return undefined;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer)) return undefined;
  const startElement = range.startContainer.nodeType === Node.ELEMENT_NODE ? (range.startContainer as Element) : range.startContainer.parentElement;
  const found = startElement?.closest(BLOCK);
  const block = found && root.contains(found) ? found : root;
  const head = root.ownerDocument.createRange();
  head.selectNodeContents(block);
  head.setEnd(range.startContainer, range.startOffset);
  const tail = root.ownerDocument.createRange();
  tail.selectNodeContents(block);
  tail.setStart(range.endContainer, range.endOffset);
  return { before: lineText(head.cloneContents(), 'last'), after: lineText(tail.cloneContents(), 'first') };
}

/** The text of a fragment's last (or first) line: `<br>` and nested blocks break lines. */
function lineText(fragment: DocumentFragment, which: 'first' | 'last'): string {
  const lines: string[] = [''];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) lines[lines.length - 1] += (node as Text).data;
    else if (node.nodeName === 'BR') lines.push('');
    else {
      const blockish = node.nodeType === Node.ELEMENT_NODE && (node as Element).matches(BLOCK);
      if (blockish) lines.push('');
      node.childNodes.forEach(walk);
      if (blockish) lines.push('');
    }
  };
  fragment.childNodes.forEach(walk);
  const meaningful = lines.map((l) => l.replace(/[\u200B\uFEFF]/g, ''));
  if (which === 'last') {
    return meaningful.at(-1) ?? '';
  }
  return meaningful[0] ?? '';
}

/** Lets the editor process the change (editors read DOM mutations and selection changes asynchronously). */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 30));
}

/** How many more times `text` appears in `after` than in `before` (spaces compared loosely: editors use nbsp). */
export function timesAdded(before: string, after: string, text: string): number {
  const loose = (value: string) => value.replace(/[\u200B\uFEFF]/g, '').replace(/\s+/g, ' ');
  return count(loose(after), loose(text).trim()) - count(loose(before), loose(text).trim());
}

/** True when `text` appears exactly once more in `after` than in `before`. */
export function shows(before: string, after: string, text: string): boolean {
  return timesAdded(before, after, text) === 1;
}

function count(haystack: string, needle: string): number {
  if (!needle) return 0;
  let n = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) n++;
  return n;
}

/**
 * Dispatches the paste from the page's own world when the bridge is there (Firefox needs it: it empties a
 * paste's data, which the bridge then fills), from
 * here otherwise (Chromium accepts both). Resolves to whether the editor handled it.
 */
async function pasteText(root: HTMLElement, text: string): Promise<boolean> {
  const reply = await callPageBridge(root, 'paste', text, 300);
  const handled = (reply?.result as { handled?: boolean } | undefined)?.handled;
  return typeof handled === 'boolean' ? handled : dispatchPaste(root, text);
}

function dispatchPaste(root: HTMLElement, text: string): boolean {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const selection = selectionOf(root);
  const anchor = selection?.anchorNode;
  const target = anchor && root.contains(anchor) ? (anchor.nodeType === Node.ELEMENT_NODE ? (anchor as Element) : anchor.parentElement) : root;
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  // Firefox replaces a synthetic paste's clipboardData with an empty one: an empty paste helps no one.
  if (event.clipboardData?.getData('text/plain') !== text) return false;
  (target ?? root).dispatchEvent(event);
  return event.defaultPrevented;
}

/**
 * Google Docs: its hidden input editable takes pastes (that is how Ctrl+V reaches the document).
 * Docs' text is on a canvas, so the result cannot be read back here: we only know whether Docs
 * handled the event.
 */
async function insertIntoDocs(hiddenEditable: HTMLElement, text: string): Promise<InsertResult> {
  hiddenEditable.focus({ preventScroll: true });
  return (await pasteText(hiddenEditable, text))
    ? { ok: true, strategy: 'paste', undoable: true, unverified: true }
    : failure('unsupported', 'Google Docs did not take the text');
}

function failure(reason: InsertFailure, detail?: string): InsertResult {
  return detail ? { ok: false, reason, detail } : { ok: false, reason };
}
