/**
 * The background's part of reading and inserting (issue 5): it keeps the latest paragraph of each
 * tab with the frame it came from, pushes it to the panels following that tab, and sends an insert
 * to that one frame. Browser-free (the browser calls are passed in), so it is unit-tested in node.
 *
 * Kept in memory only: if the browser stops the service worker while nobody writes, the next
 * keystroke (after the usual pause) brings the paragraph back; an insert in between answers `no-editor`.
 */
import type { FocusedParagraph, InsertResult, PanelParagraph } from '../../data/protocol';
import type { Handlers } from '../../data/service';

export interface EditorRelayDeps {
  /** Sends the insert to one frame of a tab; rejects when no content script is there any more. */
  insertInFrame(tabId: number, frameId: number, text: string): Promise<InsertResult>;
  now?: () => number;
}

/** A side panel page following a tab (in the browser, a `runtime.Port`). */
export interface PanelLink {
  post(message: PanelParagraph): void;
}

export type EditorRelayHandlers = Pick<Handlers, 'editor/paragraph' | 'editor/left' | 'editor/insert' | 'panel/state'>;

export function createEditorRelay(deps: EditorRelayDeps) {
  const { now = Date.now } = deps;
  const latest = new Map<number, FocusedParagraph>();
  const panels = new Map<PanelLink, number>();

  const notify = (tabId: number) => {
    for (const [panel, followed] of panels) if (followed === tabId) panel.post({ type: 'paragraph', tabId, paragraph: latest.get(tabId) });
  };

  const handlers: EditorRelayHandlers = {
    'editor/paragraph': async (paragraph, { tabId, frameId }) => {
      if (tabId === undefined || frameId === undefined) throw new Error('Positions: "editor/paragraph" must come from a content script in a tab.');
      latest.set(tabId, { ...paragraph, tabId, frameId, receivedAt: now() });
      notify(tabId);
    },
    'editor/left': async (_request, { tabId, frameId }) => {
      if (tabId === undefined) return;
      // Only the frame that holds the current paragraph can take it away (another frame's focusout is not ours).
      if (latest.get(tabId)?.frameId !== frameId) return;
      latest.delete(tabId);
      notify(tabId);
    },
    'editor/insert': async ({ tabId, text }) => {
      if (typeof text !== 'string' || !text) throw new Error('Positions: "editor/insert" needs the text to insert.');
      const focused = latest.get(tabId);
      if (!focused) return { ok: false, reason: 'no-editor' };
      try {
        return await deps.insertInFrame(tabId, focused.frameId, text);
      } catch (error) {
        // The frame was reloaded or closed since the user wrote in it.
        latest.delete(tabId);
        notify(tabId);
        return { ok: false, reason: 'frame-gone', detail: error instanceof Error ? error.message : String(error) };
      }
    },
    'panel/state': async ({ tabId }) => ({ paragraph: latest.get(tabId) }),
  };

  return {
    handlers,
    /** The panel now follows `tabId`, and gets its current paragraph at once. */
    follow(panel: PanelLink, tabId: number) {
      panels.set(panel, tabId);
      panel.post({ type: 'paragraph', tabId, paragraph: latest.get(tabId) });
    },
    unfollow(panel: PanelLink) {
      panels.delete(panel);
    },
    /** The tab was closed. */
    forgetTab(tabId: number) {
      if (latest.delete(tabId)) notify(tabId);
    },
  };
}

export type EditorRelay = ReturnType<typeof createEditorRelay>;
