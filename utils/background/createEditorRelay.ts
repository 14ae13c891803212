/**
 * The background's part of reading and inserting (issue 5): it keeps the latest paragraph of each
 * tab with the frame it came from, pushes it to the panels following that tab, and sends an insert
 * to that one frame. Browser-free (the browser calls are passed in), so it is unit-tested in node.
 *
 * Kept in memory and, through `store`, in `storage.session` (memory the browser keeps for the
 * session, never on disk, unreadable by content scripts): when the browser stops the idle service
 * worker, the next one knows which frame holds each tab's paragraph, so an « Insérer » right after
 * a restart still lands (issue 12 item 9).
 */
import type { FocusedParagraph, InsertRequest, InsertResult, MessageContext, PanelParagraph } from '../../data/protocol';
import type { Handlers } from '../../data/service';

export interface EditorRelayDeps {
  /** Sends the insert to one frame of a tab; rejects when no content script is there any more. */
  insertInFrame(tabId: number, frameId: number, text: string, unlessPresent?: string): Promise<InsertResult>;
  /** The text for an insert request, from the library; rejects a request that may not be inserted. */
  compose(request: InsertRequest): Promise<string>;
  /**
   * Whether the assistant may read where this message comes from (a built-in site or one turned on):
   * a script still running in a tab after its site was turned off is not listened to.
   */
  accepts(context: MessageContext): Promise<boolean>;
  now?: () => number;
  /** Where the latest paragraphs outlive the service worker (`storage.session` in the browser). */
  store?: RelayStore;
}

export interface RelayStore {
  load(): Promise<Record<string, FocusedParagraph> | undefined>;
  save(latest: Record<string, FocusedParagraph>): Promise<void>;
}

/** A side panel page following a tab (in the browser, a `runtime.Port`). */
export interface PanelLink {
  post(message: PanelParagraph): void;
}

export type EditorRelayHandlers = Pick<Handlers, 'editor/paragraph' | 'editor/left' | 'editor/insert' | 'panel/state'>;

export function createEditorRelay(deps: EditorRelayDeps) {
  const { now = Date.now, store } = deps;
  const latest = new Map<number, FocusedParagraph>();
  const panels = new Map<PanelLink, number>();

  /** What the previous service worker left, read once before anything else is answered. */
  let loaded = !store;
  const ready: Promise<void> = (store?.load() ?? Promise.resolve(undefined))
    .then(
      (saved) => {
        for (const [tabId, paragraph] of Object.entries(saved ?? {})) if (!latest.has(Number(tabId))) latest.set(Number(tabId), paragraph);
      },
      (error: unknown) => console.warn('Positions: the paragraphs kept for this session could not be read.', error),
    )
    .finally(() => {
      loaded = true;
    });
  /** Runs `f` now when the saved state is in, after it otherwise. */
  const whenReady = (f: () => void) => (loaded ? f() : void ready.then(f));
  let saving = Promise.resolve();
  /** Writes are chained, so the last state written is the last state. A failed write only warns. */
  const persist = (): Promise<void> => {
    if (!store) return saving;
    const snapshot = Object.fromEntries(latest);
    saving = saving.then(() => store.save(snapshot)).catch((error: unknown) => console.warn('Positions: keeping the paragraphs for this session failed.', error));
    return saving;
  };
  const set = (tabId: number, paragraph: FocusedParagraph) => {
    latest.set(tabId, paragraph);
    return persist();
  };
  const forget = (tabId: number) => {
    const had = latest.delete(tabId);
    if (had) void persist();
    return had;
  };

  const notify = (tabId: number) => {
    for (const [panel, followed] of panels) if (followed === tabId) panel.post({ type: 'paragraph', tabId, paragraph: latest.get(tabId) });
  };

  const handlers: EditorRelayHandlers = {
    'editor/paragraph': async (paragraph, context) => {
      const { tabId, frameId } = context;
      if (tabId === undefined || frameId === undefined) throw new Error('Positions: "editor/paragraph" must come from a content script in a tab.');
      if (!(await deps.accepts(context))) return; // a site turned off (or never on): dropped, unread
      await ready;
      const saved = set(tabId, { ...paragraph, tabId, frameId, receivedAt: now() });
      notify(tabId);
      await saved;
    },
    'editor/left': async (_request, { tabId, frameId }) => {
      if (tabId === undefined) return;
      await ready;
      // Only the frame that holds the current paragraph can take it away (another frame's focusout is not ours).
      if (latest.get(tabId)?.frameId !== frameId) return;
      forget(tabId);
      notify(tabId);
      await saving;
    },
    'editor/insert': async ({ tabId, insert, unlessPresent }) => {
      // Composed here, before anything is sent to the page: a refused request never reaches it.
      const text = await deps.compose(insert);
      await ready;
      const focused = latest.get(tabId);
      if (!focused) return { ok: false, reason: 'no-editor' };
      try {
        return await deps.insertInFrame(tabId, focused.frameId, text, typeof unlessPresent === 'string' ? unlessPresent : undefined);
      } catch (error) {
        // The frame was reloaded or closed since the user wrote in it.
        forget(tabId);
        notify(tabId);
        return { ok: false, reason: 'frame-gone', detail: error instanceof Error ? error.message : String(error) };
      }
    },
    'panel/state': async ({ tabId }) => {
      await ready;
      return { paragraph: latest.get(tabId) };
    },
  };

  return {
    handlers,
    /** The panel now follows `tabId`, and gets its current paragraph at once. */
    follow(panel: PanelLink, tabId: number) {
      panels.set(panel, tabId);
      whenReady(() => {
        if (panels.get(panel) === tabId) panel.post({ type: 'paragraph', tabId, paragraph: latest.get(tabId) });
      });
    },
    unfollow(panel: PanelLink) {
      panels.delete(panel);
    },
    /** The tab was closed. */
    forgetTab(tabId: number) {
      whenReady(() => {
        if (forget(tabId)) notify(tabId);
      });
    },
  };
}

export type EditorRelay = ReturnType<typeof createEditorRelay>;
