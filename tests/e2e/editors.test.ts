/**
 * Issue 5, the page side, in every editor family: the content script reads the paragraph being
 * typed and the background pushes it to the panel following that tab; an insert from the panel
 * lands at the caret through the editor's own input path (its own API reports it) and Ctrl+Z
 * removes it. While the user types, the extension changes nothing in the page.
 *
 * Each fixture page loads the real editor from node_modules (bundled by esbuild before the run),
 * except the Etherpad page, a look-alike of its nested iframes (Etherpad is a server).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  EDITORS,
  editorText,
  frameNow,
  insertFromPanel,
  mutationsSince,
  openEditorFixture,
  openPanel,
  tabIdOf,
  TYPED,
  typeInEditor,
  undoInEditor,
  waitForParagraph,
  watchMutations,
  WORDING,
  startEditorSession,
  type EditorSession,
} from './editorHarness';
import type { LaunchedExtension } from './extension';
import type { StaticServer } from './server';


/**
 * The editor holds what was typed, then the wording exactly, at the caret (a joining space allowed:
 * how the two are joined is `insertText`'s). Spaces may be stored as U+00A0: roosterjs keeps a space
 * at a join of two runs that way, and the « » of the citation have them.
 */
function expectTypedThenWording(text: string): void {
  const loose = (value: string) => value.replace(/\u00A0/g, ' ');
  expect(text.slice(0, TYPED.length)).toBe(TYPED);
  expect(loose(text.slice(TYPED.length)).replace(/^ /, '')).toBe(loose(WORDING));
}

let ext: LaunchedExtension;
let server: StaticServer;
let session: EditorSession;

beforeAll(async () => {
  session = await startEditorSession();
  ({ ext, server } = session);
});
afterAll(() => session?.close());

describe.each(EDITORS)('$name — $real', (fixture) => {
  test('paragraph to the panel; Insérer puts the text at the caret; Ctrl+Z removes it; nothing else changes', async () => {
    const opened = await openEditorFixture(ext, server, fixture);
    const panel = await openPanel(ext);
    try {
      const tabId = await tabIdOf(panel, opened.url);
      await panel.close();
      const follower = await openPanel(ext, tabId);

      await watchMutations(opened.frame);
      await typeInEditor(opened, fixture, TYPED);
      const typedAt = await frameNow(opened.frame);

      // The panel gets the paragraph, from this tab and editor, after the typing pause.
      const paragraph = await waitForParagraph(follower, 'trois mois pour les victimes');
      expect(paragraph).toMatchObject({ tabId, editor: fixture.kind, text: TYPED });
      expect(paragraph.url).toBe(opened.url);

      // Only the user's keystrokes changed the page: nothing moves while the extension reads and
      // sends (1.2 s of idle after the last key), and the editor holds exactly what was typed.
      // (In that order: TinyMCE's getContent itself adds and removes a <div> to compute the text.)
      await opened.page.waitForTimeout(1200);
      expect(await mutationsSince(opened.frame, typedAt + 150)).toEqual([]);
      expect(await editorText(opened.page)).toBe(TYPED);

      // « Insérer »: the panel has the focus, as in the product; the text goes in at the caret.
      await follower.bringToFront();
      const result = await insertFromPanel(follower, tabId);
      expect(result).toEqual({ ok: true, undoable: true, strategy: fixture.strategy });
      expectTypedThenWording(await editorText(opened.page));

      // Back in the page, Ctrl+Z takes exactly the insertion away.
      await undoInEditor(opened, fixture);
      await expect.poll(() => editorText(opened.page)).toBe(TYPED);
      await follower.close();
    } finally {
      await opened.page.close();
      if (!panel.isClosed()) await panel.close();
    }
  });
});

describe('where it is not writing', () => {
  test('a password field and an address field are never read', async () => {
    const fixture = EDITORS.find((e) => e.name === 'textarea')!;
    const opened = await openEditorFixture(ext, server, fixture);
    const panel = await openPanel(ext);
    const tabId = await tabIdOf(panel, opened.url);
    await panel.close();
    const follower = await openPanel(ext, tabId);
    try {
      await opened.page.bringToFront();
      await opened.page.fill('#password', '');
      await opened.page.click('#password');
      await opened.page.keyboard.type('secret délai de réflexion');
      await opened.page.click('#to');
      await opened.page.keyboard.type('contact@example.org');
      await opened.page.waitForTimeout(800);
      const state = await follower.evaluate(() => window.__positionsReceived ?? []);
      expect(state.every((m) => m.paragraph === undefined)).toBe(true);
    } finally {
      await follower.close();
      await opened.page.close();
    }
  });
});

describe('the extension makes no network request', () => {
  test('every request of these tests went to the fixture server or stayed inside the extension', () => {
    const outside = session.requests.filter((url) => !url.startsWith(server.url) && !url.startsWith(`chrome-extension://${ext.extensionId}/`) && !url.startsWith('data:'));
    expect(session.requests.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });
});

describe('the extension cannot make one', () => {
  test('its service worker and its pages are refused any connection by their CSP', async () => {
    const target = `${server.url}fixtures/index.html`;
    const attempt = (url: string) => fetch(url).then(() => 'sent', () => 'refused');
    const fromWorker = await ext.serviceWorker.evaluate(attempt, target);
    const panel = await ext.openPage('sidepanel.html');
    const fromPanel = await panel.evaluate(attempt, target);
    await panel.close();
    expect({ fromWorker, fromPanel }).toEqual({ fromWorker: 'refused', fromPanel: 'refused' });
  });
});
