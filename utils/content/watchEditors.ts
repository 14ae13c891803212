/**
 * The content script's whole behaviour in one frame: notice when the user writes in an editable,
 * read the paragraph around the caret once typing pauses, send it when it changed, remember the
 * caret, and insert at it on the background's request.
 *
 * Until an editable has focus, the listeners return at once: on a page where the user is not
 * writing, the script does nothing. It reads the DOM and never changes it.
 *
 * Only an editable the user chose by their own input counts: a trusted pointer or key event in it
 * (events a page script dispatches are not trusted, and focus() alone is not input). A page cannot
 * steer an insert into a field of its choosing, and the field is checked to be visible again at
 * insert time (issue 12 item 6).
 */
import type { InsertResult, Paragraph } from '../../data/protocol';
import { alreadyIn } from '../editors/alreadyIn';
import { detectEditor, webApp, type EditorTarget } from '../editors/detectEditor';
import { insertText, type SavedCaret } from '../editors/insertText';
import { readParagraph } from '../editors/readParagraph';
import { selectionOf } from '../editors/selectionOf';

/** Typing pause before the paragraph is read and sent: never on every keystroke. */
export const DEBOUNCE_MS = 300;

export interface WatchOptions {
  paragraph(paragraph: Paragraph): void;
  left(): void;
  debounceMs?: number;
}

export function watchEditors(win: Window, options: WatchOptions) {
  const doc = win.document;
  const { debounceMs = DEBOUNCE_MS } = options;
  const saved = new WeakMap<Element, SavedCaret>();
  let current: EditorTarget | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSent: string | undefined;
  let rootIds = new WeakMap<Element, number>();
  let nextRootId = 0;
  /** The editable the user last pressed a key or a pointer in (trusted events only). */
  let chosen: Element | undefined;

  const focusedEditor = () => detectEditor(deepActiveElement(doc));

  /** A real key press or click by the user (not one dispatched by the page) marks its editable as chosen. */
  const onUserInput = (event: Event) => {
    if (!event.isTrusted) return;
    // Tab moves the user out of the editable: what they choose next is where the focus lands.
    if (event.type === 'keydown' && (event as KeyboardEvent).key === 'Tab') {
      chosen = undefined;
      return;
    }
    const origin = event.type.startsWith('key') ? deepActiveElement(doc) : (event.composedPath()[0] as Element | undefined);
    const target = detectEditor(origin instanceof Element ? origin : null);
    chosen = target?.root;
  };

  const remember = (target: EditorTarget) => {
    if (target.kind === 'textarea' || target.kind === 'input') return;
    const selection = selectionOf(target.root);
    if (!selection?.rangeCount) return;
    const range = selection.getRangeAt(0);
    if (target.root.contains(range.startContainer)) saved.set(target.root, { range: range.cloneRange() });
  };

  /** When the user last changed an editor of this document (Quill and ProseMirror merge changes by time: insertText.ts). */
  let editedAt: number | undefined;
  const onInput = () => {
    editedAt = performance.now();
    onActivity();
  };

  const onActivity = () => {
    const target = focusedEditor();
    if (!target || target.root !== chosen) return;
    current = target;
    remember(target);
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), debounceMs);
  };

  const flush = async () => {
    const target = current;
    if (!target?.root.isConnected || focusedEditor()?.root !== target.root) return;
    const read = await readParagraph(target);
    if (!read) return;
    const paragraph: Paragraph = { text: read.text, editor: target.kind, url: topUrl(win), title: topTitle(win) };
    if (read.context) paragraph.context = read.context;
    if (read.from) paragraph.from = read.from;
    const app = webApp(target.root.ownerDocument);
    if (app) paragraph.app = app;
    const key = JSON.stringify([idOf(target.root), paragraph.editor, paragraph.text, paragraph.context ?? '']);
    if (key === lastSent) return; // nothing changed: nothing to say
    lastSent = key;
    options.paragraph(paragraph);
  };

  const idOf = (root: Element) => {
    let id = rootIds.get(root);
    if (id === undefined) rootIds.set(root, (id = nextRootId++));
    return id;
  };

  const onFocusOut = () => {
    // Wait for the focus to land. If this document still has it and it is not in an editable, the
    // user left the editor. If the document lost focus (the side panel, another frame), the caret
    // stays where it was, ready for an insert: that is not leaving. Nor is a move the user did not
    // make (no click or Tab since they chose this editable): a page script took the focus.
    setTimeout(() => {
      if (!current || !doc.hasFocus() || focusedEditor() || chosen === current.root) return;
      clearTimeout(timer);
      lastSent = undefined;
      options.left();
    }, 0);
  };

  const onPageHide = () => {
    if (current) options.left();
  };

  const capture = { capture: true, passive: true } as const;
  const events: Array<[EventTarget, string, EventListener]> = [
    // First, in capture: who chose the editable (before the activity handlers below read it).
    [doc, 'pointerdown', onUserInput],
    [doc, 'keydown', onUserInput],
    [doc, 'focusin', onActivity],
    [doc, 'input', onInput],
    [doc, 'keyup', onActivity],
    [doc, 'mouseup', onActivity],
    [doc, 'selectionchange', onActivity],
    [doc, 'focusout', onFocusOut],
    [win, 'pagehide', onPageHide],
  ];
  const listen = () => {
    for (const [target, type, listener] of events) target.addEventListener(type, listener, capture); // a no-op when already there
  };
  listen();
  // Editors that write their iframe with document.open()/write() (CKEditor 4 on every setData, its
  // first included) erase every listener of that document and its window: Firefox runs this script in
  // the iframe's first about:blank, before that. The document's own children are replaced then: listen
  // again. Observing only the document's direct children costs nothing while typing.
  const rewritten = new MutationObserver(listen);
  rewritten.observe(doc, { childList: true });
  // An editable that already has focus when the script starts (injected after « Activer sur ce site »)
  // is taken at the user's next key press in it.

  return {
    /** Inserts at the caret of the editable the user was last writing in, in this frame. */
    async insert(text: string, unlessPresent?: string): Promise<InsertResult> {
      if (!current) return { ok: false, reason: 'no-editor' };
      // Checked again now: the page may have hidden, shrunk or moved the field since the user typed.
      // (Not Google Docs: its keystrokes go to a hidden field by design, under the visible canvas.)
      if (current.root !== chosen) return { ok: false, reason: 'no-editor', detail: 'the user is not writing in that editable any more' };
      if (current.kind !== 'gdocs' && !isVisible(current.root)) return { ok: false, reason: 'no-editor', detail: 'the editable is not visible' };
      // The panel's copy of the paragraph may be a pause behind (a Ctrl+Z just before the click): the page reads it now.
      if (unlessPresent !== undefined && alreadyIn((await readParagraph(current))?.text, unlessPresent)) return { ok: false, reason: 'already-present' };
      const result = await insertText(current, text, { ...saved.get(current.root), editedAt });
      onActivity(); // the paragraph changed: the panel gets it after the usual pause
      return result;
    },
    stop() {
      clearTimeout(timer);
      rewritten.disconnect();
      for (const [target, type, listener] of events) target.removeEventListener(type, listener, capture);
      rootIds = new WeakMap();
    },
  };
}

/** Smaller than this (CSS pixels, either way) is not a field anyone writes in: a trap. */
const MIN_SIZE = 8;

/**
 * Whether a person can see `element`: rendered, not transparent or `visibility: hidden`, not
 * smaller than a few pixels, and the same for the frames around it that this frame can inspect.
 */
export function isVisible(element: Element): boolean {
  for (let el: Element | null = element; el; ) {
    if (!el.isConnected) return false;
    const rect = el.getBoundingClientRect();
    if (rect.width < MIN_SIZE || rect.height < MIN_SIZE) return false;
    // Chrome 105+ / Firefox 106+ (older option names kept for Chrome 105-120).
    const visible = el as Element & { checkVisibility?(options: Record<string, boolean>): boolean };
    if (visible.checkVisibility && !visible.checkVisibility({ opacityProperty: true, visibilityProperty: true, checkOpacity: true, checkVisibilityCSS: true })) return false;
    let frame: Element | null = null;
    try {
      frame = el.ownerDocument.defaultView?.frameElement ?? null; // null for the top frame and for a cross-origin parent
    } catch {
      frame = null;
    }
    el = frame;
  }
  return true;
}

/** The focused element, looking inside open shadow roots. */
function deepActiveElement(doc: Document): Element | null {
  let element = doc.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/** The address of the page the user sees (an editor's iframe is often about:blank). */
function topUrl(win: Window): string {
  try {
    return win.top?.location.href ?? win.location.href;
  } catch {
    return win.document.referrer || win.location.href;
  }
}

function topTitle(win: Window): string {
  try {
    return win.top?.document.title ?? win.document.title;
  } catch {
    return win.document.title;
  }
}
