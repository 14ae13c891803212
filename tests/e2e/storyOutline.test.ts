/**
 * Issue 14 in the panel, in Chromium: a measure's story opened from the browse view (every passage
 * in date order, context labelled, copied with its citations); a letter outline of two measures
 * built, inserted into an editor and taken away again with one Ctrl+Z; and the note on a suggestion
 * card when the paragraph departs from the Collectif's figure. Screenshots of the story and the
 * outline go to test-results/ (and docs/screenshots/ with UPDATE_SCREENSHOTS=1).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { longDate } from '../../data/library/citation';
import { outline } from '../../data/library/outline';
import { story } from '../../data/library/story';
import { createMatcher } from '../../data/engine/match';
import { buildIndex } from '../../data/engine/searchIndex';
import { EDITORS, editorText, startEditorSession, typeInEditor, undoInEditor, type EditorSession } from './editorHarness';
import { ROOT, type LaunchedExtension } from './extension';
import { library, messages, pageWithPanel, readClipboard, spaced, suggestionCards } from './panelHarness';
import type { StaticServer } from './server';

const fr = messages('fr');
const textarea = EDITORS.find((e) => e.name === 'textarea')!;
const OUT = join(ROOT, 'test-results');

let ext: LaunchedExtension;
let server: StaticServer;
let session: EditorSession;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  session = await startEditorSession();
  ({ ext, server } = session);
});
afterAll(() => session?.close());

/** Saves a screenshot of the panel in test-results/ and, when asked, in docs/screenshots/. */
async function picture(panel: Page, name: string): Promise<void> {
  const path = join(OUT, name);
  await panel.screenshot({ path });
  if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(path, join(ROOT, 'docs/screenshots', name));
}

async function browse(panel: Page): Promise<void> {
  await panel.getByTestId('mode-search-button').click();
  await panel.getByTestId('mode-search').getByTestId('measure').first().waitFor({ timeout: 20_000 });
}

describe('« Historique »', () => {
  test('a measure opens its story: every passage oldest first, context labelled, copied with citations', async () => {
    const { panel, close } = await pageWithPanel(ext, server, textarea, { viewport: { width: 400, height: 1200 } });
    try {
      await browse(panel);
      await panel.locator('[data-testid="measure"][data-measure="PAN1-4bis"]').click();
      await panel.getByTestId('open-story').click();
      const entries = panel.getByTestId('story-entry');
      const expected = story(library, 'PAN1-4bis').entries;
      await expect.poll(() => entries.count(), { timeout: 15_000 }).toBe(expected.length);

      const dates = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-date') ?? ''));
      expect(dates).toEqual(expected.map((e) => e.date));
      expect(dates[0]).toBe('2014-01-31');
      // Each passage is a card with its citation; the CNCDH's and the government's say « Contexte » and cannot be inserted.
      for (const entry of await entries.all()) {
        const kind = await entry.getAttribute('data-kind');
        if (kind === 'position') {
          await expect(entry.getByTestId('citation').textContent()).resolves.not.toBe('');
          await expect(entry.getByTestId('insert').count()).resolves.toBe(1);
        } else {
          await expect(entry.locator('.timeline__context').textContent()).resolves.toBe(fr.storyContext?.message);
          await expect(entry.getByTestId('insert').count()).resolves.toBe(0);
        }
      }
      await picture(panel, 'story-fr.png');

      await panel.getByTestId('copy-story').click();
      await expect.poll(() => panel.getByTestId('story-status').textContent()).toBe(fr.copied?.message);
      const copied = await readClipboard(ext);
      expect(copied.startsWith('Mesure 4 bis — Étendre le délai de réflexion')).toBe(true);
      expect(copied).toContain(`${longDate('2014-02-03')} — Collectif`);
      expect(copied).toContain('(Compte-rendu de la rencontre avec Mme Vallaud-Belkacem, 3 février 2014');

      // Preparing a meeting: narrowed to Matignon, only what was said there; an interlocutor no source names is said so.
      await panel.getByTestId('with-input').fill('Matignon');
      const matignon = story(library, 'PAN1-4bis', { with: 'Matignon' }).entries;
      await expect.poll(() => entries.count(), { timeout: 15_000 }).toBe(matignon.length);
      await expect(entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-date')))).resolves.toEqual(matignon.map((e) => e.date));
      await panel.getByTestId('with-input').fill('Bercy');
      await expect.poll(() => panel.getByTestId('story-error').textContent(), { timeout: 15_000 }).toContain('Aucune source ne nomme « Bercy »');

      // Measure 5: the sentence the 3 February 2014 synthesis gives the Collectif, and its full account M. Albert, is
      // one card, the Collectif's, with the member's place under « + 1 autre source ».
      await panel.getByTestId('story-back').click();
      await panel.getByTestId('measure-back').click();
      await panel.locator('[data-testid="measure"][data-measure="PAN1-5"]').click();
      // The measure's list already shows it once.
      const listed = panel.getByTestId('search-results').getByTestId('suggestion').filter({ hasText: 'parle de « possibilité » de délivrer' });
      await expect.poll(() => listed.count(), { timeout: 15_000 }).toBe(1);
      await expect(listed.getAttribute('data-author')).resolves.toBe('collectif');
      await panel.getByTestId('open-story').click();
      const five = story(library, 'PAN1-5', { twins: createMatcher(buildIndex(library)).twins }).entries;
      expect(five.length).toBe(story(library, 'PAN1-5').entries.length - 1);
      await expect.poll(() => entries.count(), { timeout: 15_000 }).toBe(five.length);
      const possibility = entries.filter({ hasText: 'parle de « possibilité » de délivrer' });
      await expect(possibility.count()).resolves.toBe(1);
      await expect(possibility.getAttribute('data-author')).resolves.toBe('collectif');
      await expect(possibility.getByTestId('suggestion').getAttribute('data-author')).resolves.toBe('collectif');
      await expect(possibility.locator('.card__more-sources summary').textContent()).resolves.toBe('+ 1 autre source');
      await possibility.locator('.card__more-sources summary').click();
      await expect(possibility.getByTestId('other-wording').textContent()).resolves.toContain('M. Albert rappelle que');
      // Same document as the card's citation: the place is named by its headings, not by the same citation again.
      await expect(possibility.locator('.card__more-sources cite').textContent()).resolves.toBe('Même document, Compte-rendu in extenso › Mouvement du Nid');
      await possibility.scrollIntoViewIfNeeded();
      await picture(panel, 'story-twins-fr.png');
    } finally {
      await close();
    }
  });
});

describe('« Trame de courrier »', () => {
  test('the measures found in the draft are offered; an outline of two measures goes in at the caret and one Ctrl+Z takes it out', async () => {
    const { opened, panel, close } = await pageWithPanel(ext, server, textarea, { viewport: { width: 400, height: 1300 } });
    try {
      const typed = 'Nous demandons que le délai de réflexion des victimes soit porté à trois mois.';
      await typeInEditor(opened, textarea, typed);
      await suggestionCards(panel).first().waitFor({ timeout: 20_000 });

      await browse(panel);
      await panel.getByTestId('open-outline').click();
      await panel.getByTestId('outline-found').click();
      await expect(panel.locator('[data-testid="outline-measure"][data-measure="PAN1-4bis"]').isChecked()).resolves.toBe(true);

      // The letter's order: 4 bis, then 5.
      await panel.getByTestId('outline-clear').click();
      await panel.locator('[data-testid="outline-measure"][data-measure="PAN1-4bis"]').check();
      await panel.locator('[data-testid="outline-measure"][data-measure="PAN1-5"]').check();
      const expected = outline(library, ['PAN1-4bis', 'PAN1-5']).text;
      await expect.poll(() => panel.getByTestId('outline-text').textContent(), { timeout: 15_000 }).toBe(expected);
      // The measures ticked are listed in the plan's order, whatever the letter's order.
      const listed = await panel.getByTestId('outline-measure').evaluateAll((els) => els.map((e) => e.getAttribute('data-measure')));
      expect(listed.slice(0, 6)).toEqual(['PAN1-1', 'PAN1-2', 'PAN1-3', 'PAN1-4', 'PAN1-4bis', 'PAN1-5']);
      await panel.locator('.outline__list').evaluate((list) => list.scrollTo(0, 0));
      await picture(panel, 'outline-fr.png');

      await panel.getByTestId('insert-outline').click();
      await expect.poll(() => panel.getByTestId('outline-status').getAttribute('data-ok'), { timeout: 15_000 }).toBe('true');
      const after = spaced(await editorText(opened.page));
      expect(after.startsWith(typed)).toBe(true);
      expect(after).toContain(spaced(expected.trimEnd()));

      await undoInEditor(opened, textarea);
      await expect.poll(async () => spaced(await editorText(opened.page))).toBe(typed);
    } finally {
      await close();
    }
  });
});

describe('a draft that departs from a position', () => {
  test('the card says so in one line quoting both sides, and the draft is left as typed', async () => {
    const { opened, panel, close } = await pageWithPanel(ext, server, textarea);
    try {
      const typed = 'Nous demandons un délai de réflexion de 45 jours pour les victimes de traite.';
      await typeInEditor(opened, textarea, typed);
      const note = suggestionCards(panel).getByTestId('divergence-note').first();
      await note.waitFor({ timeout: 20_000 });
      const card = suggestionCards(panel).filter({ has: panel.getByTestId('divergence-note') }).first();
      const id = (await card.getAttribute('data-position-id')) ?? '';
      const position = library.positions.find((p) => p.id === id)!;
      expect(position.text).toContain('3 mois');
      await expect(note.textContent()).resolves.toBe(`≠ Vous écrivez « 45 jours » ; le Collectif écrivait « 3 mois » — ${longDate(position.date)}`);
      await expect(editorText(opened.page)).resolves.toBe(typed);
    } finally {
      await close();
    }
  });
});
