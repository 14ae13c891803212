/**
 * Which editable the user is writing in, and which editor family owns it, from the DOM alone.
 * Each family's marker is the one its own code sets (class names, attributes), so detection works
 * wherever the editor is embedded (Nextcloud Text is Tiptap, hence `.ProseMirror`; Roundcube's
 * HTML mode is TinyMCE in an iframe whose body is `#tinymce`; Etherpad's text is `#innerdocbody`
 * two iframes down).
 */
import type { EditorKind, WebApp } from '../../data/protocol';

export type EditorTarget =
  | { kind: 'textarea' | 'input'; root: HTMLTextAreaElement | HTMLInputElement }
  | { kind: Exclude<EditorKind, 'textarea' | 'input'>; root: HTMLElement };

/** Text inputs where people write sentences; not search boxes, addresses, logins or numbers. */
const WRITING_INPUT_TYPES = new Set(['', 'text']);
const NOT_PROSE_AUTOCOMPLETE = /\b(username|email|tel|url|one-time-code|cc-|street-address|postal-code|current-password|new-password)/;

/** The editable holding `element` (the focused element), or `undefined` if the user is not writing there. */
export function detectEditor(element: Element | null): EditorTarget | undefined {
  if (!element) return undefined;
  // CodeMirror 5 (HedgeDoc 1, CodiMD): the keys go to a hidden <textarea>, the text is drawn in lines of its
  // own that are not editable; the editor is the `.CodeMirror` element around both.
  // A read-only one (code shown on a page) makes its <textarea> read-only, or its lines not editable on phones.
  const codeMirror5 = element.closest('.CodeMirror');
  if (codeMirror5 instanceof HTMLElement) {
    const input = codeMirror5.querySelector('textarea');
    const lines = codeMirror5.querySelector('.CodeMirror-code');
    const writable = input ? !input.readOnly && !input.disabled : lines instanceof HTMLElement && lines.isContentEditable;
    return writable ? { kind: 'codemirror5', root: codeMirror5 } : undefined;
  }
  const tag = element.tagName;
  if (tag === 'TEXTAREA') {
    const area = element as HTMLTextAreaElement;
    return area.readOnly || area.disabled ? undefined : { kind: 'textarea', root: area };
  }
  if (tag === 'INPUT') {
    const input = element as HTMLInputElement;
    const type = (input.getAttribute('type') ?? '').toLowerCase();
    // Never a password field (its type is `password`, so it is not in the list), never a combobox (Gmail's To field).
    if (!WRITING_INPUT_TYPES.has(type) || input.readOnly || input.disabled) return undefined;
    if (NOT_PROSE_AUTOCOMPLETE.test(input.autocomplete) || /combobox|searchbox/.test(input.getAttribute('role') ?? '')) return undefined;
    return { kind: 'input', root: input };
  }
  const html = element as HTMLElement;
  if (!html.isContentEditable) return undefined;
  let root = html;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return { kind: editorKind(root), root };
}

/** The family of a contenteditable root, by the markers each editor puts on its DOM. */
export function editorKind(root: HTMLElement): Exclude<EditorKind, 'textarea' | 'input'> {
  const doc = root.ownerDocument;
  const host = topHostname(doc);
  if (root.closest('.ProseMirror')) return 'prosemirror';
  if (root.closest('.ck-editor__editable, .ck-content')) return 'ckeditor5';
  // CKEditor 4 (CryptPad's rich text): the <body> of its iframe, or its inline editable, has `cke_editable`.
  if (root.classList.contains('cke_editable')) return 'ckeditor4';
  if (root.closest('.ql-editor')) return 'quill';
  if (root.closest('[data-lexical-editor]')) return 'lexical';
  if (root.closest('[data-slate-editor]')) return 'slate';
  if (root.closest('trix-editor')) return 'trix';
  if (root.closest('.jodit-wysiwyg')) return 'jodit';
  // Summernote (jQuery back offices): its editable, under the `.note-editor` it builds after the original field.
  if (root.closest('.note-editable')) return 'summernote';
  if (root.closest('.cm-content')) return 'codemirror';
  if (root.id === 'tinymce' || root.classList.contains('mce-content-body')) return 'tinymce';
  if (root.id === 'innerdocbody') return 'etherpad';
  if (isDocsTextEventTarget(doc)) return 'gdocs';
  if (root.closest('#WACViewPanel_EditingElement, .WACViewPanel_EditingElement') || /\.officeapps\.live\.com$/.test(host)) return 'word';
  if (root.hasAttribute('g_editable') || host === 'mail.google.com') return 'gmail';
  if (/^outlook\.(live|office|office365)\.com$/.test(host) || /^(Message body|Corps du message)$/.test(root.getAttribute('aria-label') ?? '')) return 'outlook';
  return 'contenteditable';
}

/**
 * The web application around the editor, from its top page: Roundcube loads its own `program/js/app`
 * script on every page and writes into `#composebody` (a <textarea>, or TinyMCE over it). Works from
 * TinyMCE's iframe too (same origin). `undefined` for any other page, or a cross-origin frame.
 */
export function webApp(doc: Document): WebApp | undefined {
  let top: Document = doc;
  try {
    top = doc.defaultView?.top?.document ?? doc;
  } catch {
    // A cross-origin frame: only this frame's own page can be read.
  }
  return top.querySelector('script[src*="program/js/app"]') && top.querySelector('#composebody') ? 'roundcube' : undefined;
}

/**
 * Google Docs draws its text on a canvas; the keystrokes go to a hidden contenteditable inside
 * `iframe.docs-texteventtarget-iframe` (about:blank, same origin), where this content script runs too.
 */
export function isDocsTextEventTarget(doc: Document): boolean {
  try {
    return Boolean(doc.defaultView?.frameElement?.classList.contains('docs-texteventtarget-iframe'));
  } catch {
    return false;
  }
}

/** The top page's host name (an editor's iframe is often about:blank), or this frame's when the top is cross-origin. */
export function topHostname(doc: Document): string {
  try {
    return doc.defaultView?.top?.location.hostname || doc.location.hostname;
  } catch {
    return doc.location.hostname;
  }
}
