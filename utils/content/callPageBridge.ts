/**
 * Content scripts run in an isolated world: they share the page's DOM but not its JavaScript
 * objects, so they cannot call `padeditor.ace` (Etherpad), `editor.execute` (CKEditor 5) or
 * `_docs_annotate_getAnnotatedText` (Google Docs). `entrypoints/page-bridge.content.ts` runs in the
 * page's own world (`world: 'MAIN'`) and does those few calls on request.
 *
 * Requests and replies are DOM events dispatched on the editor element itself, so the bridge knows
 * which editor is meant without any id in the page, and no DOM is changed. Payloads are JSON strings:
 * an object in `detail` does not cross worlds (Chrome gives `null`, Firefox needs `cloneInto`).
 * The page can see these events; it only ever learns text that is being inserted into it anyway,
 * and a forged reply cannot fool us because every insert is verified by reading the editor back.
 */
export const BRIDGE_REQUEST = 'positions:bridge-request';
export const BRIDGE_REPLY = 'positions:bridge-reply';

export type BridgeOp = 'paste' | 'etherpad-insert' | 'ckeditor-insert' | 'tinymce-insert' | 'gdocs-read' | 'ping';

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

let counter = 0;

/** Asks the page-world bridge; `undefined` if it does not answer within `timeoutMs` (not installed, or no such API). */
export function callPageBridge(target: Element, op: BridgeOp, text?: string, timeoutMs = 1000): Promise<BridgeReply | undefined> {
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
      target.removeEventListener(BRIDGE_REPLY, onReply);
      resolve(reply);
    };
    target.addEventListener(BRIDGE_REPLY, onReply);
    const request: BridgeRequest = { id, op, text };
    target.dispatchEvent(new CustomEvent(BRIDGE_REQUEST, { bubbles: true, composed: true, detail: JSON.stringify(request) }));
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
