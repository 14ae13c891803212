/**
 * Google Docs, through a Google-Docs-SHAPED page (tests/e2e/fixtures/editors/gdocs.html): it copies
 * what public extensions document about Docs' DOM (canvas, hidden input iframe, annotated text),
 * not Google's code. What it proves is our wiring: the content script runs in the hidden iframe,
 * reads the paragraph from the annotated text when Docs offers it, falls back to the selection
 * when it does not, and inserts with a paste it cannot read back (so it says `unverified`).
 * README « Google Docs » says what is known of the real thing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { editorText, insertFromPanel, openPanel, tabIdOf, waitForParagraph, WORDING } from './editorHarness';
import { launchExtension, type LaunchedExtension } from './extension';
import { startServer, type StaticServer } from './server';

let ext: LaunchedExtension;
let server: StaticServer;

beforeAll(async () => {
  [ext, server] = await Promise.all([launchExtension({ lang: 'fr', fixtureHosts: true }), startServer()]);
});
afterAll(async () => {
  await Promise.all([ext?.close(), server?.close()]);
});

async function openDocs(query: string) {
  const page = await ext.context.newPage();
  const url = `${server.url}fixtures/editors/gdocs.html${query}`;
  await page.goto(url);
  await page.waitForFunction(() => window.fixture !== undefined);
  const scout = await ext.openPage('popup.html');
  const tabId = await tabIdOf(scout, url);
  await scout.close();
  const panel = await openPanel(ext, tabId);
  await page.bringToFront();
  await page.click('canvas');
  return { page, panel, tabId };
}

describe('Google-Docs-shaped page (stand-in, not Google Docs)', () => {
  test('annotated mode: the paragraph at the caret comes from the annotated text; the insert is a paste, reported unverified', async () => {
    const { page, panel, tabId } = await openDocs('?annotated');
    try {
      await page.keyboard.type('Objet : délai.');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Nous demandons que le délai de réflexion soit porté à trois mois pour les victimes.');
      const paragraph = await waitForParagraph(panel, 'trois mois pour les victimes.');
      expect(paragraph).toMatchObject({ editor: 'gdocs', text: 'Nous demandons que le délai de réflexion soit porté à trois mois pour les victimes.' });
      expect(paragraph.from).toBeUndefined();

      await panel.bringToFront();
      await expect(insertFromPanel(panel, tabId)).resolves.toEqual({ ok: true, strategy: 'paste', undoable: true, unverified: true });
      const typed = 'Objet : délai.\nNous demandons que le délai de réflexion soit porté à trois mois pour les victimes.';
      expect([`${typed}${WORDING}`, `${typed} ${WORDING}`]).toContain(await editorText(page));
    } finally {
      await Promise.all([panel.close(), page.close()]);
    }
  });

  test('without the annotated mode only the selection can be read, and the panel is told so', async () => {
    const { page, panel } = await openDocs('');
    try {
      await page.keyboard.type('Le Collectif rappelle que le délai de réflexion de trente jours est trop court.');
      await page.waitForTimeout(700);
      // Typing alone gives nothing to read (the hidden editable is emptied after each key).
      await page.frameLocator('iframe.docs-texteventtarget-iframe').locator('[contenteditable]').evaluate(() => window.parent.fixture?.selectParagraph?.(0));
      const paragraph = await waitForParagraph(panel, 'trop court.');
      expect(paragraph).toMatchObject({ editor: 'gdocs', from: 'selection', text: 'Le Collectif rappelle que le délai de réflexion de trente jours est trop court.' });
    } finally {
      await Promise.all([panel.close(), page.close()]);
    }
  });
});
