/**
 * Issue 5 end to end, through the panel's own buttons, in every editor fixture of the page side
 * (tests/e2e/editorHarness.ts): type a paragraph on the reflection period → a card about it appears
 * in the panel (`sidepanel.html?tab=<id>`) → « Insérer » puts exactly the card's wording at the caret,
 * as the editor's own API reports it → Ctrl+Z in the editor takes it away → « Insérer avec la source »
 * puts « wording » (citation) there, the citation built from the library's source.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { quoteWithSource } from '../../data/library/citation';
import { EDITORS, editorText, tabIdOf, TYPED, typeInEditor, undoInEditor, startEditorSession, type EditorSession } from './editorHarness';
import type { LaunchedExtension } from './extension';
import { messages, pageWithPanel, sourceById, spaced, waitForCard } from './panelHarness';
import type { StaticServer } from './server';

let ext: LaunchedExtension;
let server: StaticServer;
let session: EditorSession;
const fr = messages('fr');

beforeAll(async () => {
  session = await startEditorSession();
  ({ ext, server } = session);
});
afterAll(() => session?.close());

/** What the user typed (and the space after it), then `inserted` exactly, at the caret. */
function expectTypedThen(text: string, inserted: string): void {
  expect(spaced(text)).toBe(`${TYPED} ${spaced(inserted)}`);
}

describe.each(EDITORS)('$name — $real', (fixture) => {
  test('a card appears; Insérer puts its wording at the caret; Ctrl+Z removes it; Insérer avec la source adds « » and the citation', async () => {
    const { opened, panel, close } = await pageWithPanel(ext, server, fixture);
    try {
      // Before anything is typed, the panel is quiet (TinyMCE takes the focus on load: an empty paragraph).
      expect(['not-writing', 'empty-paragraph']).toContain(await panel.getByTestId('suggestions-empty').getAttribute('data-reason'));

      await typeInEditor(opened, fixture, `${TYPED} `);
      const { card, position } = await waitForCard(panel, 'délai de réflexion');
      expect(await card.getAttribute('data-author')).toMatch(/^(collectif|association)$/);
      await expect(panel.getByTestId('writing-in').getAttribute('data-editor')).resolves.toBe(fixture.kind);
      // The card shows the library's wording verbatim, with the matched words marked.
      expect(await card.getByTestId('position-text').textContent()).toBe(position.text);
      expect(await card.locator('mark').count()).toBeGreaterThan(0);

      // « Insérer », from the panel (which has the focus, as in the product).
      await panel.bringToFront();
      await card.getByTestId('insert').click();
      await expect.poll(() => card.getByTestId('action-status').textContent()).toBe(fr.inserted?.message);
      expectTypedThen(await editorText(opened.page), position.text);

      // Ctrl+Z in the editor takes the insertion away, and only it.
      await undoInEditor(opened, fixture);
      await expect.poll(async () => spaced(await editorText(opened.page)).trimEnd()).toBe(TYPED);

      // « Insérer avec la source »: « wording » (citation), the citation from the library's source record.
      await panel.bringToFront();
      const cited = quoteWithSource(position, sourceById.get(position.sourceId));
      const again = panel.locator(`[data-testid="suggestion"][data-position-id="${position.id}"]`).first();
      await again.getByTestId('insert-cited').click();
      await expect.poll(() => again.getByTestId('action-status').textContent()).toBe(fr.inserted?.message);
      expectTypedThen(await editorText(opened.page), cited);
      await undoInEditor(opened, fixture);
      await expect.poll(async () => spaced(await editorText(opened.page)).trimEnd()).toBe(TYPED);
    } finally {
      await close();
    }
  });
});

describe('Google-Docs-shaped page (stand-in, not Google Docs: see googleDocs.test.ts)', () => {
  test('a card appears from the annotated text; « Insérer » pastes its wording and the panel says it cannot be checked', async () => {
    const opened = await ext.context.newPage();
    const url = `${server.url}fixtures/editors/gdocs.html?annotated`;
    await opened.goto(url);
    await opened.waitForFunction(() => window.fixture !== undefined);
    const scout = await ext.openPage('popup.html');
    const tabId = await tabIdOf(scout, url);
    await scout.close();
    const panel = await ext.openPage(`sidepanel.html?tab=${tabId}`);
    try {
      await opened.bringToFront();
      await opened.click('canvas');
      await opened.keyboard.type(`${TYPED} `);
      const { card, position } = await waitForCard(panel, 'délai de réflexion');
      await expect(panel.getByTestId('writing-in').getAttribute('data-editor')).resolves.toBe('gdocs');
      await panel.bringToFront();
      await card.getByTestId('insert').click();
      await expect.poll(() => card.getByTestId('action-status').textContent()).toBe(fr.insertedUnverified?.message);
      await expect.poll(async () => spaced(await editorText(opened))).toBe(`${TYPED} ${spaced(position.text)}`);
    } finally {
      await Promise.all([panel.close(), opened.close()]);
    }
  });
});
