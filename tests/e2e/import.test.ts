/**
 * Issue 10 end to end, in the built extension: import a short report through the options page
 * (a real .docx made by LibreOffice), keep the proposals, write a matching paragraph in an editor
 * and see the new position suggested with its new citation; then export, wipe, import the export,
 * and find the same library.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EDITORS, openEditorFixture, openPanel, startEditorSession, tabIdOf, typeInEditor, type EditorSession } from './editorHarness';
import { ROOT } from './extension';

const REPORT = join(ROOT, 'tests/fixtures/reports/cr-2026-11-18-non-sanction.docx');
const TITLE = 'Rencontre au ministère de la Justice : non-sanction et CIVI';
const SOURCE_ID = 'imp-2026-11-18-rencontre-ministere-justice-non-sanction';
/** A measure the report speaks of (tests/fixtures/reports/cr-2026-11-18-non-sanction.expected.json). */
const MEASURE = 'PAN1-11';
const TITLE_IN_CITATION = 'rencontre au ministère de la Justice : non-sanction et CIVI';

/** The panel's « Rechercher / Parcourir », one measure open. */
async function browseTo(panel: Page, measure: string): Promise<void> {
  await panel.getByTestId('mode-search-button').click();
  await panel.locator(`[data-testid="measure"][data-measure="${measure}"]`).click({ timeout: 20_000 });
}

let session: EditorSession;
let options: Page;

beforeAll(async () => {
  session = await startEditorSession();
  options = await session.ext.openPage('options.html', { width: 1100, height: 1400 });
}, 180_000);
afterAll(() => session?.close());

/** Notes pasted on the options page, described, proposed: the review screen is open. */
async function proposePasted(notes: string, title: string, date: string): Promise<void> {
  await options.getByTestId('import-paste').fill(notes);
  await options.getByTestId('import-title').fill(title);
  await options.getByTestId('import-date').fill(date);
  await options.getByTestId('import-propose').click();
  await options.getByTestId('review').waitFor();
}

async function download(button: string): Promise<unknown> {
  const [file] = await Promise.all([options.waitForEvent('download') as Promise<Download>, options.getByTestId(button).click()]);
  const path = await file.path();
  const data = JSON.parse(readFileSync(path, 'utf8')) as { exportedAt?: string };
  delete data.exportedAt;
  return data;
}

describe('import a report, then share it', () => {
  test('import through the options page, keep the proposals, and see the new position suggested with its citation', async () => {
    // The side panel stays open beside the letter while the report is imported in the options tab, as it does in
    // use: it must learn of the new source (its citation, the search's filters) without being reopened.
    const fixture = EDITORS[0]!;
    const opened = await openEditorFixture(session.ext, session.server, fixture);
    const scout = await openPanel(session.ext);
    const tabId = await tabIdOf(scout, opened.url);
    await scout.close();
    const panel = await openPanel(session.ext, tabId);
    // A second panel shows measure 11's story, a third an outline of it: both must follow the import too.
    const storyPanel = await openPanel(session.ext, tabId);
    const outlinePanel = await openPanel(session.ext, tabId);
    try {
      await panel.getByTestId('mode-suggestions').waitFor({ state: 'attached', timeout: 30_000 });
      await browseTo(storyPanel, MEASURE);
      await storyPanel.getByTestId('open-story').click();
      const entries = storyPanel.getByTestId('story-entry');
      await entries.first().waitFor({ timeout: 15_000 });
      const storyBefore = await entries.count();
      await expect(storyPanel.locator('[data-testid="story-entry"][data-date="2026-11-18"]').count()).resolves.toBe(0);
      await outlinePanel.getByTestId('mode-search-button').click();
      await outlinePanel.getByTestId('open-outline').click({ timeout: 20_000 });
      await outlinePanel.locator(`[data-testid="outline-measure"][data-measure="${MEASURE}"]`).check();
      const outlineText = outlinePanel.getByTestId('outline-text');
      await expect.poll(() => outlineText.getAttribute('aria-busy'), { timeout: 15_000 }).toBe('false');
      expect(await outlineText.textContent()).not.toContain(TITLE_IN_CITATION);

      await options.bringToFront();
      await options.getByTestId('import-file').setInputFiles(REPORT);
      await options.getByTestId('import-file-read').waitFor();
      await options.getByTestId('import-title').fill(TITLE);
      await options.getByTestId('import-date').fill('2026-11-18');
      await options.getByTestId('import-propose').click();
      await options.getByTestId('review').waitFor();
      expect(await options.getByTestId('proposal').count()).toBe(16);
      // Keep, split and merge act on their own row (each row is drawn again only when it changes), and undo each other.
      const proposals = options.getByTestId('proposal');
      const count = options.getByTestId('review-count');
      const counted = await count.textContent();
      const second = proposals.nth(1);
      await second.getByTestId('proposal-keep').uncheck();
      await expect(second.getAttribute('class')).resolves.toContain('review__item--rejected');
      expect(await count.textContent()).not.toBe(counted);
      await second.getByTestId('proposal-keep').check();
      expect(await count.textContent()).toBe(counted);
      const texts = await proposals.getByTestId('proposal-text').allTextContents();
      const long = proposals.filter({ has: options.getByTestId('proposal-split') }).first();
      const whole = await long.getByTestId('proposal-text').textContent();
      const at = texts.indexOf(whole!);
      await long.getByTestId('proposal-split').first().click();
      await expect.poll(() => proposals.count()).toBe(17);
      const [head, tail] = [await proposals.nth(at).getByTestId('proposal-text').textContent(), await proposals.nth(at + 1).getByTestId('proposal-text').textContent()];
      expect(`${head} ${tail}`).toBe(whole);
      await proposals.nth(at).getByTestId('proposal-merge').click();
      await expect.poll(() => proposals.count()).toBe(16);
      expect(await proposals.getByTestId('proposal-text').allTextContents()).toEqual(texts);
      // Shown as text, verbatim, with the author proposed.
      const colas = options.getByTestId('proposal').filter({ hasText: 'Mme Colas (Secours Catholique) demande' });
      expect(await colas.getByTestId('proposal-speaker').inputValue()).toBe('Mme Colas');
      expect(await colas.getByTestId('proposal-author').inputValue()).toBe('association');
      // One author changed by hand is offered for the speaker's other proposals that had the former one (Mme O'Dy has
      // two), and taken back the same way.
      const odyFirst = options.getByTestId('proposal').filter({ hasText: "Mme O'Dy (CCEM) insiste" });
      const odySecond = options.getByTestId('proposal').filter({ hasText: 'Les poursuites engagées contre elles' });
      await expect(options.getByTestId('proposal-offer').count()).resolves.toBe(0);
      await odyFirst.getByTestId('proposal-author').selectOption('collectif');
      await expect(odyFirst.getByTestId('proposal-offer-apply').textContent()).resolves.toBe("Donner aussi l'auteur « Collectif » à l'autre proposition de Mme O'Dy");
      expect(await odySecond.getByTestId('proposal-author').inputValue()).toBe('association');
      await odyFirst.getByTestId('proposal-offer-apply').click();
      expect(await odySecond.getByTestId('proposal-author').inputValue()).toBe('collectif');
      await expect(odyFirst.getByTestId('proposal-offer').textContent()).resolves.toBe("L'autre proposition de Mme O'Dy a maintenant l'auteur « Collectif ».");
      // The button gave way to what it did, and the keyboard's focus is there, not back at the page's top.
      await expect(odyFirst.getByTestId('proposal-offer').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      expect(await colas.getByTestId('proposal-author').inputValue()).toBe('association');
      await odyFirst.getByTestId('proposal-author').selectOption('association');
      await odyFirst.getByTestId('proposal-offer-apply').click();
      expect(await odySecond.getByTestId('proposal-author').inputValue()).toBe('association');
      // Any other change puts the offer away.
      await odyFirst.getByTestId('proposal-keep').uncheck();
      await expect(options.getByTestId('proposal-offer').count()).resolves.toBe(0);
      await odyFirst.getByTestId('proposal-keep').check();
      // Measures and themes are chosen from the library's own, by their names: « Mesure 11 », not a key to type.
      const first = options.getByTestId('proposal').filter({ hasText: "l'article 26 de la Convention" });
      await first.getByTestId('proposal-measures-add').selectOption('PAN1-11');
      await expect(first.getByTestId('proposal-measures').getAttribute('data-chosen')).resolves.toBe('PAN1-11');
      await expect(first.getByTestId('proposal-measures').locator('.picker__chip').textContent()).resolves.toContain('Mesure 11');
      // A position keeps at least one theme (an export without one would be refused): the only one cannot be taken
      // off; once another is added, it can.
      const themes = first.getByTestId('proposal-themes');
      const [only] = (await themes.getAttribute('data-chosen'))!.split(' ');
      await expect(themes.locator('.picker__remove').count()).resolves.toBe(0);
      await themes.getByTestId('proposal-themes-add').selectOption({ index: 1 });
      const [, added] = (await themes.getAttribute('data-chosen'))!.split(' ');
      expect(added).toBeTruthy();
      await themes.locator(`[data-key="${only}"] .picker__remove`).click();
      await expect(themes.getAttribute('data-chosen')).resolves.toBe(added);
      await expect(themes.locator('.picker__remove').count()).resolves.toBe(0);
      await options.getByTestId('review-save').click();
      await options.getByTestId('import-saved').waitFor();
      expect(await options.getByTestId('import-saved').textContent()).toContain('16 positions');
      const row = options.locator(`[data-source="${SOURCE_ID}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain('16 positions');

      // Saved as chosen; corrected afterwards from the sources list, the same way.
      await row.getByTestId('source-positions-toggle').click();
      const saved = options.getByTestId('source-position').filter({ hasText: "l'article 26 de la Convention" });
      await expect(saved.getByTestId('source-position-labels').textContent()).resolves.toContain('Mesure 11');
      await saved.getByTestId('edit-labels').click();
      await saved.getByTestId('edit-measures-add').selectOption('PAN1-12');
      await saved.getByTestId('edit-save').click();
      await expect.poll(() => saved.getByTestId('source-position-labels').textContent()).toContain('Mesure 11, Mesure 12');
      expect(await saved.getByTestId('source-position-labels').textContent()).toContain('corrigée');
      await row.getByTestId('source-positions-toggle').click();

      // The open story and outline read the library again: the report's passages on measure 11 are there, cited.
      await expect.poll(() => storyPanel.locator('[data-testid="story-entry"][data-date="2026-11-18"]').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect(await entries.count()).toBeGreaterThan(storyBefore);
      await expect.poll(() => outlineText.textContent(), { timeout: 15_000 }).toContain(TITLE_IN_CITATION);

      await typeInEditor(opened, fixture, "Nous demandons que les victimes de la traite soient informées dès leur première audition de leur droit à saisir la CIVI, avec un avocat désigné d'office.");
      const card = panel.getByTestId('suggestion').filter({ hasText: 'droit à saisir la CIVI dès leur première audition' }).first();
      await card.waitFor({ timeout: 30_000 });
      expect(await card.getAttribute('data-position-id')).toMatch(new RegExp(`^${SOURCE_ID}:`));
      expect(await card.getByTestId('citation').textContent()).toContain('rencontre au ministère de la Justice : non-sanction et CIVI, 18 novembre 2026');
      expect(await card.getByTestId('author-badge').textContent()).toBe('Secours Catholique');
      // The search's source filter offers it too, in the same panel.
      await expect(panel.getByTestId('source-filter').locator(`option[value="${SOURCE_ID}"]`).count()).resolves.toBe(1);
      // The panel links to the import page, which opens in a tab of its own.
      const link = panel.getByTestId('panel-import-link');
      expect(await link.textContent()).toBe('Importer un compte-rendu…');
      const [importPage] = await Promise.all([session.ext.context.waitForEvent('page'), link.click()]);
      await importPage.getByTestId('import-form').waitFor();
      expect(importPage.url()).toMatch(/\/options\.html#import$/);
      await importPage.close();
    } finally {
      await Promise.all([panel.close(), storyPanel.close(), outlinePanel.close(), opened.page.close()]);
    }
  }, 180_000);

  test('export, wipe, import the export: the same library', async () => {
    const before = await download('export-all');
    const mine = await download('export-user');
    expect((mine as { sources: { id: string }[] }).sources.map((s) => s.id)).toEqual([SOURCE_ID]);

    // Wipe what the user brought: remove the source (confirmation), and it is gone from the list.
    const row = options.locator(`[data-source="${SOURCE_ID}"]`);
    await row.getByTestId('source-remove').click();
    await row.getByTestId('source-confirm-remove').click();
    await options.getByTestId('sources-removed').waitFor();
    await row.waitFor({ state: 'detached' });

    const file = join(ROOT, '.output', 'positions-export-e2e.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify({ ...(mine as object), exportedAt: '2026-11-20T10:00:00.000Z' }));
    await options.getByTestId('share-file').setInputFiles(file);
    await options.getByTestId('share-preview').waitFor();
    // What the file brings, in one sentence that names only what is there, each number with its noun's form.
    expect(await options.getByTestId('share-summary').textContent()).toBe('Ce fichier, exporté le 20 novembre 2026, apporte 1 nouvelle source.');
    await options.getByTestId('share-apply').click();
    await options.getByTestId('share-done').waitFor();
    expect(await options.getByTestId('share-done').textContent()).toBe('Export appliqué : 1 source et 16 positions enregistrées.');
    await row.waitFor();
    expect(await download('export-all')).toEqual(before);

    // The same file a second time brings nothing: it says so, and there is nothing to apply.
    await options.getByTestId('share-file').setInputFiles(file);
    await options.getByTestId('share-preview').waitFor();
    expect(await options.getByTestId('share-summary').textContent()).toBe(
      "Ce fichier, exporté le 20 novembre 2026, n'apporte rien de nouveau : votre bibliothèque contient déjà tout ce qu'il contient. Rien n'a été modifié.",
    );
    await expect(options.getByTestId('share-apply').count()).resolves.toBe(0);

    // A position of that source corrected here since: the file holds another version of the source. It says what
    // differs, and replaces mine only when asked.
    const changed = options.getByTestId('source-position').filter({ hasText: "l'article 26 de la Convention" });
    await row.getByTestId('source-positions-toggle').click();
    await changed.getByTestId('edit-labels').click();
    await changed.getByTestId('edit-measures').locator('[data-key="PAN1-12"] .picker__remove').click();
    await changed.getByTestId('edit-save').click();
    await expect.poll(() => changed.getByTestId('source-position-labels').textContent()).not.toContain('Mesure 12');
    await options.getByTestId('share-file').setInputFiles(file);
    await options.getByTestId('share-apply').waitFor();
    expect(await options.getByTestId('share-summary').textContent()).toBe(
      'Ce fichier, exporté le 20 novembre 2026, apporte 1 source que vous avez dans une autre version.',
    );
    const replaceMine = options.getByTestId('share-preview').getByRole('checkbox', {
      name: `Remplacer ma version de « ${TITLE} » par celle du fichier (1 position classée autrement)`,
    });
    await replaceMine.check();
    await options.getByTestId('share-apply').click();
    await options.getByTestId('share-done').waitFor();
    await expect.poll(() => changed.getByTestId('source-position-labels').textContent()).toContain('Mesure 11, Mesure 12');
    expect(await download('export-all')).toEqual(before);
    await row.getByTestId('source-positions-toggle').click();

    // A file from a newer version is refused whole, saying why, and nothing changes.
    writeFileSync(file, JSON.stringify({ ...(mine as object), formatVersion: 2 }));
    await options.getByTestId('share-file').setInputFiles(file);
    expect(await options.getByTestId('share-error').textContent()).toContain('est un export au format 2 ; cette version de Positions lit jusqu\'au format 1');
    expect(await download('export-all')).toEqual(before);
  }, 180_000);

  test('a scanned PDF is refused on the page with the reason, nothing read', async () => {
    await options.reload();
    await options.getByTestId('import-file').setInputFiles(join(ROOT, 'tests/fixtures/reports/scan.pdf'));
    await options.getByTestId('import-error').waitFor();
    expect(await options.getByTestId('import-error').textContent()).toContain("ce PDF ne contient pas de texte : il s'agit sans doute d'un scan");
  }, 60_000);

  test('a report pasted as text, one proposal kept: saved, removed, and put back with « Annuler »', async () => {
    // Notes often come in an e-mail: they are pasted, not opened. Each count says « 1 position », never « 1 positions ».
    await options.reload();
    const notes = [
      'Réunion du groupe de travail du Collectif, 1er décembre 2026',
      '',
      "Le Collectif demande que chaque préfecture désigne un référent traite chargé de l'accueil des victimes et de l'instruction de leurs demandes de titre de séjour.",
      '',
      "Le Collectif rappelle que l'hébergement sécurisé des victimes reste très insuffisant, en particulier pour les femmes accompagnées de leurs enfants.",
    ].join('\n');
    await proposePasted(notes, 'Réunion du groupe de travail', '2026-12-01');
    const proposals = options.getByTestId('proposal');
    const total = await proposals.count();
    expect(total).toBeGreaterThanOrEqual(2);
    expect(await options.getByTestId('review-count').textContent()).toBe(`${total} propositions gardées sur ${total}`);
    for (let i = 1; i < total; i++) await proposals.nth(i).getByTestId('proposal-keep').uncheck();
    expect(await options.getByTestId('review-count').textContent()).toBe(`1 proposition gardée sur ${total}`);
    await options.getByTestId('review-save').click();
    expect(await options.getByTestId('import-saved').textContent()).toBe(
      'La source « Réunion du groupe de travail » est enregistrée : 1 position, proposée dès maintenant pendant la rédaction.',
    );
    const row = options.locator('[data-source^="imp-2026-12-01-"]');
    await row.waitFor();
    expect(await row.textContent()).toContain('1 position');
    // The first of the month as French writes it, and as the citations do.
    expect(await row.textContent()).toContain('1er décembre 2026');
    expect(await row.textContent()).not.toContain('1 positions');

    // Removed (after a confirmation), then put back whole.
    await row.getByTestId('source-remove').click();
    await row.getByTestId('source-confirm-remove').click();
    await expect(options.getByTestId('sources-removed').textContent()).resolves.toContain('La source « Réunion du groupe de travail » a été supprimée.');
    await row.waitFor({ state: 'detached' });
    await options.getByTestId('sources-undo').click();
    await row.waitFor();
    expect(await row.textContent()).toContain('1 position');
    await expect(options.getByTestId('sources-removed').count()).resolves.toBe(0);

    // Leave the library as the other tests found it.
    await row.getByTestId('source-remove').click();
    await row.getByTestId('source-confirm-remove').click();
    await row.waitFor({ state: 'detached' });
  }, 120_000);

  test('the GRETA’s words in a report are shown unticked, with why, and the count leaves them out', async () => {
    await options.reload();
    const notes = [
      "Le Collectif demande que l'hébergement sécurisé des victimes soit garanti dans chaque département.",
      '',
      "Le GRETA recommande que la France améliore l'identification des victimes de traite aux fins d'exploitation par le travail.",
    ].join('\n');
    await proposePasted(notes, 'Notes sur le rapport du GRETA', '2026-11-26');
    const greta = options.getByTestId('proposal').filter({ hasText: 'Le GRETA recommande' });
    expect(await greta.getByTestId('proposal-keep').isChecked()).toBe(false);
    expect(await greta.getByTestId('proposal-doubt').textContent()).toBe(
      'Propos de « GRETA » : ni le Collectif, ni le gouvernement, ni la CNCDH. Laissé de côté ; si vous le gardez, il sera classé comme propos du gouvernement (contexte), jamais proposé comme formulation du Collectif.',
    );
    expect(await greta.getByTestId('proposal-author').inputValue()).toBe('gouvernement');
    expect(await options.getByTestId('review-count').textContent()).toBe('1 proposition gardée sur 2');
    // The Collectif's own request carries no doubt.
    await expect(options.getByTestId('proposal').filter({ hasText: 'Le Collectif demande' }).getByTestId('proposal-doubt').count()).resolves.toBe(0);
  }, 60_000);

  test('a long report (the CNCDH’s 2017 evaluation pasted, 442 proposals): its first rows show at once, every one follows', async () => {
    await options.reload();
    const text = readFileSync(join(ROOT, 'data/library/seeds/004_23c774ab5d50e12f.txt'), 'utf8');
    // Set as a paste sets it (Playwright's `fill` types 120 KB in seconds a paste does not take).
    await options.getByTestId('import-paste').evaluate((area: HTMLTextAreaElement, value: string) => {
      area.value = value;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
    await options.getByTestId('import-title').fill('Évaluation de la CNCDH, collée');
    await options.getByTestId('import-date').fill('2026-11-30');
    await options.getByTestId('import-propose').click();
    await options.getByTestId('review').waitFor();
    const total = Number(/sur ([\d\s\u202f\u00a0]+)$/.exec((await options.getByTestId('review-count').textContent())!)![1]!.replace(/\D/g, ''));
    expect(total).toBeGreaterThan(400);
    await expect.poll(() => options.getByTestId('proposal').count(), { timeout: 30_000 }).toBe(total);
    await expect(options.locator('.review__list').getAttribute('aria-busy')).resolves.toBe('false');
    // The last one is there to act on, as the first.
    const last = options.getByTestId('proposal').last();
    await last.getByTestId('proposal-keep').uncheck();
    await expect(last.getAttribute('class')).resolves.toContain('review__item--rejected');
  }, 90_000);

  test('no network request left the machine', () => {
    expect(session.requests.filter((url) => !/^(?:chrome-extension:|http:\/\/(?:127\.0\.0\.1|localhost)[:/]|data:|blob:)/.test(url))).toEqual([]);
  });
});
