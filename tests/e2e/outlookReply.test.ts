/**
 * A reply in Outlook on the web's editor, the real roosterjs from npm, in Chromium and in Firefox: the
 * original message sits under Outlook's own marks (`#appendonsend`, a rule, `#divRplyFwdMsg` and its
 * « De : … Objet : » header), with no <blockquote>. The user writes at the top. A short first line is
 * searched alone, never with the header or the minister's words as its context; the paragraph under it
 * is read without them; « Insérer » puts the card's wording at the caret and leaves the original as it was.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSERS, launchBrowser, type TestBrowser } from './browsers';
import { buildEditorFixtures } from './buildEditorFixtures';
import { editorText, messages, openEditor, panelFor, pressOnCard, recordParagraphs, spaced, tabIdOf, waitForCard, waitForParagraph } from './chain';
import { TYPED } from './editorHarness';
import { startServer, type StaticServer } from './server';

const fr = messages('fr');
let server: StaticServer;

beforeAll(async () => {
  await buildEditorFixtures();
  server = await startServer();
}, 150_000);
afterAll(() => server?.close());

describe.each(BROWSERS)('%s', (browserName) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchBrowser(browserName);
  });
  afterAll(() => browser?.close());

  test('an Outlook reply (real roosterjs): « Madame, » at the top is searched alone; the paragraph under it is read without the original; Insérer leaves the original intact', async () => {
    const opened = await openEditor(browser, `${server.url}fixtures/editors/outlook.html?reply`, { frames: [], editable: '#editor' });
    const panel = await panelFor(browser, opened);
    try {
      const original = spaced(await editorText(opened.page)).trim();
      expect(original).toContain('Délai de réflexion des victimes de la traite');
      // roosterjs kept Outlook's marks: what the extension reads is Outlook's own markup.
      expect(await opened.page.evaluate(() => Boolean(document.querySelector('#editor #appendonsend + hr + #divRplyFwdMsg')))).toBe(true);
      await recordParagraphs(panel, await tabIdOf(browser, opened.url));

      await opened.page.bringToFront();
      await opened.frame.click('#editor > div:first-child');
      await opened.page.type('Madame,');
      expect(await waitForParagraph(panel, 'Madame,')).not.toHaveProperty('context');
      await opened.page.press('Enter');
      await opened.page.press('Enter');
      await opened.page.type(`${TYPED} `);
      const paragraph = await waitForParagraph(panel, 'pour les victimes.');
      expect(paragraph.text).toBe(TYPED);
      expect(paragraph).not.toHaveProperty('context');

      const position = await waitForCard(panel, 'délai de réflexion');
      await expect(pressOnCard(panel, position.id, 'insert')).resolves.toBe(fr.inserted?.message);
      const written = spaced(await editorText(opened.page));
      expect(written).toContain(`${TYPED} ${spaced(position.text)}`);
      // The original, header included, is still there, once, under what the user wrote.
      expect(written.trimEnd().endsWith(original)).toBe(true);
      expect(written.split('Délai de réflexion des victimes de la traite')).toHaveLength(2);
    } finally {
      await Promise.all([panel.close(), opened.page.close()]);
    }
  });
});
