/**
 * The page-world half of `callPageBridge.ts` (runs with `world: 'MAIN'`, where the editors'
 * own objects are visible). It only answers requests; it reads nothing and sends nothing by itself.
 */
import { BRIDGE_REPLY, BRIDGE_REQUEST, type BridgeReply, type BridgeRequest } from './callPageBridge';

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- foreign editors' globals

export function servePageBridge(win: Window & typeof globalThis = window): void {
  const doc = win.document;
  const onRequest = (event: Event) => {
    const target = event.target as Element;
    const request = parse((event as CustomEvent<unknown>).detail);
    if (!request) return;
    const reply = (body: Omit<BridgeReply, 'id'>) =>
      target.dispatchEvent(new CustomEvent(BRIDGE_REPLY, { detail: JSON.stringify({ id: request.id, ...body }) }));
    run(request, target, win).then(
      (result) => reply({ result }),
      (error: unknown) => reply({ error: error instanceof Error ? error.message : String(error) }),
    );
  };
  const listen = () => doc.addEventListener(BRIDGE_REQUEST, onRequest, true); // a no-op when already listening
  listen();
  // Editors that build their iframe with document.open()/write() (Etherpad's ace frames) erase every
  // listener of that document, after this script started there. The document's own children are
  // replaced then: listen again. Observing only the document's direct children costs nothing while typing.
  new MutationObserver(listen).observe(doc, { childList: true });
}

async function run(request: BridgeRequest, target: Element, win: Window): Promise<unknown> {
  const text = request.text ?? '';
  switch (request.op) {
    case 'ping':
      return true;
    case 'etherpad-insert': {
      // Etherpad's editor object lives in the pad's top page, two frames above #innerdocbody.
      const ace = findUp(win, (w) => w.padeditor?.ace) as Loose | undefined;
      if (!ace) return undefined;
      ace.callWithAce(
        (inner: Loose) => {
          const rep = inner.ace_getRep();
          inner.ace_replaceRange(rep.selStart, rep.selEnd, text);
        },
        'positionsInsert',
        true,
      );
      return true;
    }
    case 'ckeditor-insert': {
      // CKEditor 5 keeps its instance on the editable element (`ckeditorInstance`).
      const editor = (target.closest('.ck-editor__editable') as Loose | null)?.ckeditorInstance as Loose | undefined;
      if (!editor?.commands?.get('insertText')) return undefined;
      editor.execute('insertText', { text });
      return true;
    }
    case 'paste': {
      // A synthetic paste, made in the page's own world: Firefox hands an event made in a content
      // script to the page's listeners with its clipboardData hidden behind Xray wrappers.
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
      const anchor = target.ownerDocument.getSelection()?.anchorNode;
      const at = anchor && target.contains(anchor) ? (anchor instanceof Element ? anchor : anchor.parentElement) : target;
      (at ?? target).dispatchEvent(event);
      return { handled: event.defaultPrevented };
    }
    case 'tinymce-insert': {
      // TinyMCE groups everything typed since the last undo level into one: save a level first, so
      // that Ctrl+Z takes away the insertion alone, then insert through the native path as one step.
      const body = target.closest('body');
      // The page around the editor's iframe has `tinymce`, one frame up. (In the iframe itself,
      // `window.tinymce` is its <body id="tinymce">, by named access: hence the check for `get`.)
      const tinymce = findUp(win, (w) => (typeof w.tinymce?.get === 'function' ? w.tinymce : undefined)) as Loose | undefined;
      const editor = ((tinymce?.get() ?? []) as Loose[]).find((candidate) => candidate.getBody?.() === body);
      if (!editor) return undefined;
      editor.undoManager.add();
      editor.undoManager.transact(() => editor.getDoc().execCommand('insertText', false, text));
      return true;
    }
    case 'gdocs-read': {
      // Only present when Docs runs in its "annotated canvas" mode (see README: Google Docs).
      const getAnnotatedText = findUp(win, (w) => (typeof w._docs_annotate_getAnnotatedText === 'function' ? w._docs_annotate_getAnnotatedText : undefined));
      if (typeof getAnnotatedText !== 'function') return undefined;
      const annotated = (await getAnnotatedText()) as Loose | undefined;
      if (typeof annotated?.getText !== 'function') return undefined;
      const selection = annotated.getSelection?.()?.[0] as { start?: number; end?: number } | undefined;
      return { text: String(annotated.getText()), start: selection?.start ?? null };
    }
    default:
      return undefined;
  }
}

/** The first value `pick` finds in this window or an ancestor (same-origin only). */
function findUp(win: Window, pick: (w: Loose) => unknown): unknown {
  for (let w: Window = win; ; w = w.parent) {
    try {
      const found = pick(w as unknown as Loose);
      if (found) return found;
    } catch {
      return undefined; // a cross-origin ancestor: stop there
    }
    if (w === w.parent) return undefined;
  }
}

function parse(detail: unknown): BridgeRequest | undefined {
  if (typeof detail !== 'string') return undefined;
  try {
    const value = JSON.parse(detail) as BridgeRequest;
    return typeof value?.id === 'string' && typeof value.op === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
