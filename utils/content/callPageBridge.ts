/**
 * Content scripts run in an isolated world: they share the page's DOM but not its JavaScript
 * objects, so they cannot call `padeditor.ace` (Etherpad), `editor.execute` (CKEditor 5) or
 * `_docs_annotate_getAnnotatedText` (Google Docs). `pageBridgeMain.ts` runs in the page's own
 * world and does those few calls on request.
 *
 * The bridge is installed the first time it is needed, in this frame only: the content script
 * picks a random channel name and asks the background (`editor/bridge`) to inject the bridge
 * listening on it. Requests and replies are DOM events named after that channel, dispatched on the
 * editor element itself, so the bridge knows which editor is meant and no DOM is changed. The page
 * does not know the name: it cannot listen, forge a request, or tell that the extension is there.
 * Payloads are JSON strings: an object in `detail` does not cross worlds (Chrome gives `null`,
 * Firefox needs `cloneInto`). Every insert is still verified by reading the editor back.
 */
import { sendMessage } from '../messaging';

export type BridgeOp = 'paste' | 'copy' | 'etherpad-insert' | 'ckeditor-insert' | 'ckeditor4-insert' | 'tinymce-insert' | 'slate-insert' | 'trix-insert' | 'summernote-insert' | 'codemirror5-insert' | 'codemirror5-read' | 'gdocs-read' | 'ping';

export interface BridgeRequest {
  id: string;
  op: BridgeOp;
  text?: string;
}
export interface BridgeReply {
  id: string;
  /** `undefined` when the page has no such editor API. */
  result?: unknown;
  error?: string;
}

/** The channel names this copy of the content script uses: random, never shown to the page. */
function randomChannel(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `p${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

let channel: string | undefined;
let installing: Promise<boolean> | undefined;

/** Installs this frame's bridge once (per copy of the content script); false when it cannot be. */
function ensureBridge(): Promise<boolean> {
  channel ??= randomChannel();
  installing ??= sendMessage('editor/bridge', { channel }).catch((error: unknown) => {
    console.warn('Positions: the page bridge could not be installed here.', error);
    installing = undefined;
    return false;
  });
  return installing;
}

let counter = 0;

/** Asks the page-world bridge; `undefined` if it does not answer within `timeoutMs` (not installed, or no such API). */
export async function callPageBridge(target: Element, op: BridgeOp, text?: string, timeoutMs = 1000): Promise<BridgeReply | undefined> {
  if (!(await ensureBridge()) || !channel) return undefined;
  const names = { request: `${channel}:q`, reply: `${channel}:r` };
  const id = `${Date.now().toString(36)}-${(counter++).toString(36)}`;
  return new Promise((resolve) => {
    const onReply = (event: Event) => {
      const reply = parse((event as CustomEvent<unknown>).detail);
      if (reply?.id !== id) return;
      done(reply);
    };
    const timer = setTimeout(() => done(undefined), timeoutMs);
    const done = (reply: BridgeReply | undefined) => {
      clearTimeout(timer);
      target.removeEventListener(names.reply, onReply);
      resolve(reply);
    };
    target.addEventListener(names.reply, onReply);
    const request: BridgeRequest = { id, op, text };
    target.dispatchEvent(new CustomEvent(names.request, { bubbles: true, composed: true, detail: JSON.stringify(request) }));
  });
}

function parse(detail: unknown): BridgeReply | undefined {
  if (typeof detail !== 'string') return undefined;
  try {
    const value = JSON.parse(detail) as BridgeReply;
    return typeof value?.id === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
