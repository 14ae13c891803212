/**
 * Issue 5, the side panel as a user meets it (its page opened as `sidepanel.html?tab=<id>`, since
 * Playwright cannot open the browser's side panel): quiet when there is nothing to say, the
 * government's and the CNCDH's words labelled and never insertable, copying, following the writing
 * across paragraphs, editors and tabs without blanking, search and browse by measure, the popup's
 * look-up, the selection menu and shortcut, the site switch, and English.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatCitation, quoteAsContext, quoteForLetter } from '../../data/library/citation';
import { isOurs } from '../../data/library/schema';
import { createMatcher } from '../../data/engine/match';
import { buildIndex } from '../../data/engine/searchIndex';
import { ask, EDITORS, TYPED, typeInEditor, startEditorSession, type EditorSession } from './editorHarness';
import { launchExtension, type LaunchedExtension } from './extension';
import {
  cardText,
  CONTEXT_PARAGRAPH,
  library,
  messages,
  OFF_TOPIC,
  pageWithPanel,
  positionById,
  readClipboard,
  searchCards,
  sourceById,
  suggestionCards,
  waitForCard,
} from './panelHarness';
import type { StaticServer } from './server';

const fr = messages('fr');
const en = messages('en');
const editor = (name: string) => EDITORS.find((e) => e.name === name)!;
const MINORS = 'Concernant les mineurs non accompagnés, la présomption de minorité doit être respectée et les tests osseux abandonnés.';

let ext: LaunchedExtension;
let server: StaticServer;
let session: EditorSession;

beforeAll(async () => {
  session = await startEditorSession();
  ({ ext, server } = session);
});
afterAll(() => session?.close());

describe('suggestions', () => {
  test('an off-topic paragraph: no card, one quiet line', async () => {
    const { opened, panel, close } = await pageWithPanel(ext, server, editor('textarea'));
    try {
      await expect(panel.getByTestId('suggestions-empty').textContent()).resolves.toBe(fr.suggestionsNotWriting?.message);
      await typeInEditor(opened, editor('textarea'), OFF_TOPIC);
      await expect.poll(() => panel.getByTestId('suggestions-empty').getAttribute('data-reason'), { timeout: 15_000 }).toBe('no-match');
      await expect(panel.getByTestId('suggestions-empty').textContent()).resolves.toBe(fr.suggestionsNone?.message);
      await expect(suggestionCards(panel).count()).resolves.toBe(0);
      // Where the user writes is said, discreetly.
      await expect(panel.getByTestId('writing-in').textContent()).resolves.toContain('une zone de texte');
      // The user may still look the paragraph up: the search answers with the closest passages and
      // says they may not fit; the page's text is left as it was.
      const anyway = panel.getByTestId('search-anyway');
      await expect(anyway.textContent()).resolves.toBe(fr.suggestionsSearchAnyway?.message);
      await anyway.click();
      await expect.poll(() => panel.getByTestId('mode-search').isVisible()).toBe(true);
      await expect.poll(() => panel.getByTestId('search-count').getAttribute('data-text'), { timeout: 20_000 }).toBe(OFF_TOPIC);
      await expect(panel.getByTestId('search-off-topic').textContent()).resolves.toBe(fr.searchOffTopic?.message);
      await expect(searchCards(panel).count()).resolves.toBeGreaterThan(0);
      await expect(opened.page.locator('textarea').inputValue()).resolves.toBe(OFF_TOPIC);
    } finally {
      await close();
    }
  });

  test('suggestions paused on the settings page: the panel says so and offers nothing; « Reprendre » brings the cards back', async () => {
    const { opened, panel, close } = await pageWithPanel(ext, server, editor('textarea'));
    const options = await ext.openPage('options.html');
    const paused = options.getByTestId('settings-paused');
    try {
      await typeInEditor(opened, editor('textarea'), MINORS);
      await suggestionCards(panel).first().waitFor({ timeout: 20_000 });

      await paused.check();
      const empty = panel.getByTestId('suggestions-empty');
      await expect.poll(() => empty.getAttribute('data-reason'), { timeout: 15_000 }).toBe('paused');
      await expect(empty.textContent()).resolves.toContain(fr.suggestionsPaused?.message);
      await expect(suggestionCards(panel).count()).resolves.toBe(0);
      // Still nothing for a new paragraph while paused.
      await typeInEditor(opened, editor('textarea'), TYPED);
      // Time for the page's pause and the panel's reading: unpaused, cards come in well under it (letterReady.test.ts).
      await panel.waitForTimeout(2_000);
      await expect(suggestionCards(panel).count()).resolves.toBe(0);
      await expect(empty.getAttribute('data-reason')).resolves.toBe('paused');

      await panel.getByTestId('suggestions-resume').click();
      // The paragraph written while paused is answered now.
      await suggestionCards(panel).filter({ hasText: /réflexion/i }).first().waitFor({ timeout: 20_000 });
      // The setting follows: the settings page shows suggestions on again.
      await expect.poll(() => paused.isChecked()).toBe(false);
    } finally {
      if (await paused.isChecked()) await paused.uncheck();
      await options.close();
      await close();
    }
  });

  test('the government’s and the CNCDH’s words are labelled, have no « Insérer », and copy only as an attributed quotation', async () => {
    const { opened, panel, close } = await pageWithPanel(ext, server, editor('textarea'));
    try {
      await typeInEditor(opened, editor('textarea'), CONTEXT_PARAGRAPH);
      const gov = suggestionCards(panel).and(panel.locator('[data-author="gouvernement"]')).first();
      await gov.waitFor({ timeout: 20_000 });
      const position = positionById.get((await gov.getAttribute('data-position-id')) ?? '')!;
      expect(position.author).toBe('gouvernement');
      await expect(gov.getByTestId('author-badge').textContent()).resolves.toBe(fr.authorGouvernement?.message);
      await expect(gov.textContent()).resolves.toContain('Mme Vallaud-Belkacem');
      await expect(gov.getByTestId('insert').count()).resolves.toBe(0);
      await expect(gov.getByTestId('insert-cited').count()).resolves.toBe(0);
      await expect(gov.getByTestId('copy').textContent()).resolves.toBe(fr.copyQuote?.message);
      await expect(gov.getByTestId('citation').textContent()).resolves.toBe(formatCitation(position, sourceById.get(position.sourceId)));

      await panel.bringToFront();
      await gov.getByTestId('copy').click();
      await expect.poll(() => gov.getByTestId('action-status').textContent()).toBe(fr.copied?.message);
      await expect(readClipboard(ext)).resolves.toBe(quoteAsContext(position, sourceById.get(position.sourceId)));

      const cncdh = suggestionCards(panel).and(panel.locator('[data-author="cncdh"]')).first();
      // A CNCDH passage is labelled as its recommendation or its observation (issue 9), never as ours.
      expect([fr.authorCncdh?.message, fr.authorCncdhObservation?.message]).toContain(await cncdh.getByTestId('author-badge').textContent());
      await expect(cncdh.getByTestId('insert').count()).resolves.toBe(0);

      // Fidelity rule, over every card shown: only the Collectif's and its members' wording can be inserted
      // (a remark of theirs on a draft's wording is shown, never inserted).
      for (const card of await suggestionCards(panel).all()) {
        const position = positionById.get((await card.getAttribute('data-position-id')) ?? '')!;
        await expect(card.getByTestId('insert').count()).resolves.toBe(isOurs(position.author) && position.kind !== 'draft-remark' ? 1 : 0);
      }
    } finally {
      await close();
    }
  });

  test('the Collectif’s remark on a draft’s wording is offered with its tag, to copy with its source, never to insert', async () => {
    const { opened, panel, close } = await pageWithPanel(ext, server, editor('textarea'));
    try {
      await typeInEditor(opened, editor('textarea'), 'Pour les mineurs en errance, les activités de repérage et d’accompagnement doivent être soutenues.');
      const { card, position } = await waitForCard(panel, 'formulation suivante');
      expect(position.kind).toBe('draft-remark');
      await expect(card.getByTestId('kind-draft-remark').textContent()).resolves.toBe(fr.kindDraftRemark?.message);
      await expect(card.getByTestId('insert').count()).resolves.toBe(0);
      await expect(card.getByTestId('insert-cited').count()).resolves.toBe(0);
      await panel.bringToFront();
      await card.getByTestId('copy').click();
      await expect.poll(() => card.getByTestId('action-status').textContent()).toBe(fr.copied?.message);
      await expect(readClipboard(ext)).resolves.toContain(position.text);
    } finally {
      await close();
    }
  });

  test('a paragraph naming a measure offers everything the library holds on it, in the browse view', async () => {
    const { opened, panel, close } = await pageWithPanel(ext, server, editor('textarea'));
    try {
      // A paragraph naming no measure offers no such link.
      await typeInEditor(opened, editor('textarea'), MINORS);
      await waitForCard(panel, 'tests osseux');
      await expect(panel.getByTestId('browse-named-measure').count()).resolves.toBe(0);
      // The same paragraph rewritten to name measure 5.
      await opened.page.keyboard.press('Control+A');
      await opened.page.keyboard.type('Sur la mesure 5, nous rappelons notre position.', { delay: 5 });
      const link = panel.getByTestId('browse-named-measure');
      await link.first().waitFor({ timeout: 15_000 });
      await expect(link.count()).resolves.toBe(1);
      await expect(link.getAttribute('data-measure')).resolves.toBe('PAN1-5');
      await expect(link.textContent()).resolves.toBe(fr.namedMeasureBrowse!.message.replace('$MEASURE$', 'Mesure 5'));
      await link.click();
      await expect.poll(() => panel.getByTestId('mode-search').isVisible()).toBe(true);
      await expect(panel.getByTestId('measure-header').getAttribute('data-measure')).resolves.toBe('PAN1-5');
      await searchCards(panel).first().waitFor({ timeout: 20_000 });
      const onMeasure = await searchCards(panel).evaluateAll((cards) => cards.map((c) => !!c.querySelector('[data-measure="PAN1-5"]')));
      expect(onMeasure.length).toBeGreaterThan(0);
      expect(onMeasure.every(Boolean)).toBe(true);
    } finally {
      await close();
    }
  });

  test('a paragraph naming the date of a meeting of the library offers its positions, in the search view', async () => {
    const { opened, panel, close } = await pageWithPanel(ext, server, editor('textarea'));
    try {
      const paragraph = 'Lors de notre rencontre du 24 juin 2014 au cabinet du Premier ministre, nous avions demandé que les victimes soient indemnisées.';
      await typeInEditor(opened, editor('textarea'), paragraph);
      const link = panel.getByTestId('browse-dated-source');
      await link.first().waitFor({ timeout: 15_000 });
      await expect(link.evaluateAll((links) => links.map((a) => a.getAttribute('data-source')))).resolves.toEqual(['cr-2014-06-24']);
      const source = sourceById.get('cr-2014-06-24')!;
      await expect(link.textContent()).resolves.toBe(fr.datedSourceBrowse!.message.replace('$SOURCE$', `${source.shortTitle}, 24 juin 2014`));
      // A date no meeting has: no link.
      await opened.page.keyboard.press('Control+A');
      await opened.page.keyboard.type(paragraph.replace('24 juin', '25 juin'), { delay: 2 });
      await expect.poll(() => link.count(), { timeout: 15_000 }).toBe(0);
      await opened.page.keyboard.press('Control+A');
      await opened.page.keyboard.type(paragraph, { delay: 2 });
      await link.first().click();
      await expect.poll(() => panel.getByTestId('mode-search').isVisible()).toBe(true);
      await expect.poll(() => panel.getByTestId('search-input').inputValue()).toBe('24 juin 2014');
      await expect.poll(() => panel.getByTestId('dated-sources').getAttribute('data-listed'), { timeout: 20_000 }).toBe('true');
      const sources = await searchCards(panel).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-position-id') ?? ''));
      expect(sources.length).toBeGreaterThan(0);
      expect(new Set(sources.map((id) => positionById.get(id)?.sourceId))).toEqual(new Set(['cr-2014-06-24']));
    } finally {
      await close();
    }
  });

  test('« Copier » copies the wording, « Copier avec la source » adds « » and the citation; the keyboard reaches « Insérer »', async () => {
    const { opened, panel, close } = await pageWithPanel(ext, server, editor('textarea'));
    try {
      await typeInEditor(opened, editor('textarea'), `${TYPED} `);
      const { card, position } = await waitForCard(panel, 'délai de réflexion');
      await panel.bringToFront();
      await card.getByTestId('copy').click();
      await expect.poll(() => readClipboard(ext)).toBe(position.text);
      await card.getByTestId('copy-cited').click();
      await expect.poll(() => readClipboard(ext)).toBe(quoteForLetter(position, sourceById.get(position.sourceId)));

      // Keyboard: the insert button takes the focus and Enter inserts.
      await card.getByTestId('insert').focus();
      await panel.keyboard.press('Enter');
      await expect.poll(() => card.getByTestId('action-status').textContent()).toBe(fr.inserted?.message);
      await expect(opened.page.evaluate(() => window.fixture?.text())).resolves.toBe(`${TYPED} ${position.text}`);
    } finally {
      await close();
    }
  });

  test('an insert with nothing to insert into says why, and what to do', async () => {
    const { opened, panel, close } = await pageWithPanel(ext, server, editor('textarea'), { extra: '&q=d%C3%A9lai%20de%20r%C3%A9flexion' });
    try {
      // Search mode (the words came in the address); the user never clicked in the page.
      const card = searchCards(panel).and(panel.locator('[data-author="collectif"]')).first();
      await card.waitFor({ timeout: 20_000 });
      await card.getByTestId('insert').click();
      await expect.poll(() => card.getByTestId('action-status').textContent()).toBe(fr.insertFailedNoEditor?.message);
      await expect(card.getByTestId('action-status').getAttribute('data-ok')).resolves.toBe('false');
      await expect(opened.page.evaluate(() => window.fixture?.text())).resolves.toBe('');
    } finally {
      await close();
    }
  });
});

describe('following the writing', () => {
  test('a new paragraph, back to the first one, another field: the cards follow, never blanking in between', async () => {
    const { opened, panel, close } = await pageWithPanel(ext, server, editor('contenteditable'));
    try {
      await typeInEditor(opened, editor('contenteditable'), TYPED);
      await waitForCard(panel, 'délai de réflexion');
      // From now on, record how many cards the list holds after every change to it.
      await panel.evaluate(() => {
        const list = document.querySelector('[data-testid="mode-suggestions"] [data-testid="suggestion-list"]')!;
        const counts: number[] = [];
        (window as unknown as { counts: number[] }).counts = counts;
        new MutationObserver(() => counts.push(list.querySelectorAll('[data-testid="suggestion"]').length)).observe(list, { childList: true, subtree: true });
      });

      await opened.page.bringToFront();
      // Two Enters, as a blank line between paragraphs (after a single one, a plain contenteditable's first
      // line is a bare text node and the page side reads both lines as one paragraph: reported to the page side).
      await opened.page.keyboard.press('Enter');
      await opened.page.keyboard.press('Enter');
      await opened.page.keyboard.type(MINORS, { delay: 2 });
      await waitForCard(panel, 'tests osseux');
      const texts = await suggestionCards(panel).getByTestId('position-text').allTextContents();
      expect(texts.some((text) => text.includes('délai de réflexion')), JSON.stringify({ texts, p: await panel.getByTestId('writing-in').textContent() })).toBe(false);

      await opened.page.click('#editor div:first-child, #editor', { position: { x: 5, y: 5 } });
      await waitForCard(panel, 'délai de réflexion');

      const counts = await panel.evaluate(() => (window as unknown as { counts: number[] }).counts);
      expect(counts.length).toBeGreaterThan(0);
      expect(Math.min(...counts)).toBeGreaterThan(0);

      // Another editor of the same page: the subject line.
      await opened.page.click('#subject');
      await opened.page.keyboard.type('Objet : le titre de séjour des victimes de la traite', { delay: 2 });
      await expect.poll(() => panel.getByTestId('writing-in').getAttribute('data-editor'), { timeout: 15_000 }).toBe('input');
      await waitForCard(panel, 'titre de séjour');
    } finally {
      await close();
    }
  });

  test('a position framed as a letter frames it: the panel answers with the position’s cards, not the letter’s', async () => {
    // Written for this test. Read whole, the letter's « jeudi » put first the list of gaps in the plan « présenté le jeudi 30 janvier ».
    const said = 'Trente jours pour décider de porter plainte contre ses exploiteurs, c’est beaucoup trop court.';
    const letter = `Madame, je vous remercie pour votre accueil jeudi dernier. ${said} Je reste à votre disposition pour tout complément.`;
    const expected = createMatcher(buildIndex(library)).match(said, { k: 1 })[0].id;
    const { opened, panel, close } = await pageWithPanel(ext, server, editor('outlook'));
    try {
      await typeInEditor(opened, editor('outlook'), letter);
      await expect.poll(() => suggestionCards(panel).first().getAttribute('data-position-id'), { timeout: 20_000 }).toBe(expected);
    } finally {
      await close();
    }
  });

  test('without ?tab=, the panel follows the active tab of its window', async () => {
    const fixture = editor('textarea');
    const { opened, panel, tabId, close } = await pageWithPanel(ext, server, fixture);
    const follower = await ext.openPage('sidepanel.html');
    try {
      await expect(follower.getByTestId('suggestions-empty').getAttribute('data-reason')).resolves.toBe('not-writing');
      // The user switches to the page's tab (the panel's page is a tab here; a real side panel stays beside it).
      await follower.evaluate((id) => (globalThis as unknown as { chrome: { tabs: { update(id: number, p: object): Promise<unknown> } } }).chrome.tabs.update(id, { active: true }), tabId);
      await typeInEditor(opened, fixture, TYPED);
      await waitForCard(follower, 'délai de réflexion');
    } finally {
      await follower.close();
      await panel.close();
      await close();
    }
  });
});

describe('search and browse', () => {
  test('a name finds the government’s words, labelled; « Collectif seulement » keeps the Collectif’s', async () => {
    const { panel, close } = await pageWithPanel(ext, server, editor('textarea'));
    try {
      // Keyboard: the mode switch is a button; Enter selects it, and the search box gets the focus.
      await panel.getByTestId('mode-search-button').focus();
      await panel.keyboard.press('Enter');
      await expect(panel.getByTestId('mode-search-button').getAttribute('aria-pressed')).resolves.toBe('true');
      await expect.poll(() => panel.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('search-input');
      await panel.keyboard.type('Cazaux-Charles');
      await searchCards(panel).first().waitFor({ timeout: 20_000 });
      const authors = await searchCards(panel).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-author')));
      expect(authors).toContain('gouvernement');
      const gov = searchCards(panel).and(panel.locator('[data-author="gouvernement"]')).first();
      await expect(gov.getByTestId('author-badge').textContent()).resolves.toBe(fr.authorGouvernement?.message);
      await expect(gov.getByTestId('insert').count()).resolves.toBe(0);

      await panel.getByTestId('author-filter').selectOption('ours');
      await expect
        .poll(async () => (await searchCards(panel).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-author')))).every((a) => a === 'collectif' || a === 'association'))
        .toBe(true);
    } finally {
      await close();
    }
  });

  // Until the forty-third session « 3 février 2014 » listed measure 3 (its first figure read as a measure) and
  // « réunion du 24 juin 2014 » found nothing.
  test('a date names the meeting of that day: typed alone, its positions; beside a subject, one click keeps only that document; a title\'s words name it too, and whom we spoke to', async () => {
    const { panel, close } = await pageWithPanel(ext, server, editor('textarea'));
    const sourcesOfCards = () => searchCards(panel).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-position-id') ?? ''));
    try {
      await panel.getByTestId('mode-search-button').click();
      await panel.getByTestId('search-input').fill('3 février 2014');
      await expect.poll(() => panel.getByTestId('search-count').getAttribute('data-text'), { timeout: 20_000 }).toBe('3 février 2014');
      const dated = panel.getByTestId('dated-sources');
      await expect(dated.getAttribute('data-listed')).resolves.toBe('true');
      await expect(dated.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-source')))).resolves.toEqual(['cr-2014-02-03']);
      await expect(dated.textContent()).resolves.toContain(sourceById.get('cr-2014-02-03')!.title);
      await expect(panel.getByTestId('measure-header').count()).resolves.toBe(0);
      expect(new Set((await sourcesOfCards()).map((id) => positionById.get(id)?.sourceId))).toEqual(new Set(['cr-2014-02-03']));
      expect(Number(await panel.getByTestId('search-count').getAttribute('data-count'))).toBeGreaterThan(30);

      const question = "qu'avons-nous dit le 24 juin 2014 sur l'indemnisation ?";
      await panel.getByTestId('search-input').fill(question);
      await expect.poll(() => panel.getByTestId('search-count').getAttribute('data-text'), { timeout: 20_000 }).toBe(question);
      await expect(dated.getAttribute('data-listed')).resolves.toBe('false');
      expect(new Set((await sourcesOfCards()).map((id) => positionById.get(id)?.sourceId)).size).toBeGreaterThan(1);
      await dated.getByTestId('keep-source').click();
      await expect(panel.getByTestId('source-filter').inputValue()).resolves.toBe('cr-2014-06-24');
      await expect.poll(async () => [...new Set((await sourcesOfCards()).map((id) => positionById.get(id)?.sourceId))]).toEqual(['cr-2014-06-24']);
      await expect(dated.getByTestId('keep-source').count()).resolves.toBe(0);
      expect((await searchCards(panel).first().getByTestId('position-text').textContent()) ?? '').toMatch(/indemni/i);

      // A year names that year's documents the same way, and says it is a year.
      await panel.getByTestId('source-filter').selectOption('');
      await panel.getByTestId('search-input').fill('2014');
      await expect.poll(() => panel.getByTestId('search-count').getAttribute('data-text'), { timeout: 20_000 }).toBe('2014');
      await expect(dated.locator('.dated-sources__lead').textContent()).resolves.toBe('Les 3 documents de 2014 :');
      await expect(dated.getAttribute('data-listed')).resolves.toBe('true');
      const ofYear = ['cr-2014-01-31', 'cr-2014-02-03', 'cr-2014-06-24'];
      expect((await sourcesOfCards()).every((id) => ofYear.includes(positionById.get(id)?.sourceId ?? ''))).toBe(true);
      // The three meetings' positions, far more than one meeting's.
      expect(Number(await panel.getByTestId('search-count').getAttribute('data-count'))).toBeGreaterThan(200);

      // A document named by its title's words (« Borne » is in no passage of it): its positions, the document named.
      await panel.getByTestId('search-input').fill('compte rendu réunion Borne');
      await expect.poll(() => panel.getByTestId('search-count').getAttribute('data-text'), { timeout: 20_000 }).toBe('compte rendu réunion Borne');
      await expect(dated.locator('.dated-sources__lead').textContent()).resolves.toBe('Le document nommé :');
      await expect(dated.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-source')))).resolves.toEqual(['plaidoyer-2022-12-15']);
      expect(new Set((await sourcesOfCards()).map((id) => positionById.get(id)?.sourceId))).toEqual(new Set(['plaidoyer-2022-12-15']));

      // What we said to someone a meeting's title or place names (« Matignon »: the Prime Minister's office, 2014 and
      // 2022): the Collectif's words in those meetings, the meetings said.
      const matignon = 'ce que nous avons demandé à Matignon';
      await panel.getByTestId('search-input').fill(matignon);
      await expect.poll(() => panel.getByTestId('search-count').getAttribute('data-text'), { timeout: 20_000 }).toBe(matignon);
      await expect(panel.getByTestId('search-speakers').textContent()).resolves.toBe(fr.searchOursThere?.message);
      await expect(dated.locator('.dated-sources__lead').textContent()).resolves.toBe('Les 2 fois où nous leur avons parlé :');
      await expect(dated.locator('li').evaluateAll((items) => items.map((li) => li.getAttribute('data-source')))).resolves.toEqual(['cr-2014-06-24', 'plaidoyer-2022-12-15']);
      const ours = await searchCards(panel).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-author')));
      expect(ours.length).toBeGreaterThan(0);
      expect(ours.every((a) => a === 'collectif' || a === 'association')).toBe(true);
      expect((await sourcesOfCards()).every((id) => ['cr-2014-06-24', 'plaidoyer-2022-12-15'].includes(positionById.get(id)?.sourceId ?? ''))).toBe(true);
    } finally {
      await close();
    }
  });

  test('a look-up none of whose words the library holds, off its subject: nothing, then one click lists the closest passages, said they may not fit', async () => {
    const { opened, panel, close } = await pageWithPanel(ext, server, editor('textarea'));
    try {
      await panel.getByTestId('mode-search-button').click();
      await panel.getByTestId('search-input').fill('barbecue annuel');
      await expect.poll(() => panel.getByTestId('search-count').getAttribute('data-text'), { timeout: 20_000 }).toBe('barbecue annuel');
      await expect(panel.getByTestId('search-count').textContent()).resolves.toBe(fr.searchNone?.message);
      await expect(searchCards(panel).count()).resolves.toBe(0);
      const anyway = panel.getByTestId('search-related-anyway');
      await expect(anyway.textContent()).resolves.toBe(fr.searchRelatedAnyway?.message);
      await anyway.click();
      await expect.poll(() => searchCards(panel).count(), { timeout: 20_000 }).toBeGreaterThan(0);
      await expect(searchCards(panel).count()).resolves.toBeLessThanOrEqual(8);
      await expect(panel.getByTestId('search-off-topic').textContent()).resolves.toBe(fr.searchRelatedOffTopic?.message);
      await expect(panel.getByTestId('search-related-anyway').count()).resolves.toBe(0);
      // Another look-up starts afresh: nothing withheld is listed until asked again.
      await panel.getByTestId('search-input').fill('pique-nique annuel');
      await expect.poll(() => panel.getByTestId('search-count').getAttribute('data-text'), { timeout: 20_000 }).toBe('pique-nique annuel');
      await expect(searchCards(panel).count()).resolves.toBe(0);
      await expect(panel.getByTestId('search-related-anyway').count()).resolves.toBe(1);
      // The page's text is left as it was.
      await expect(opened.page.locator('textarea').inputValue()).resolves.toBe('');
    } finally {
      await close();
    }
  });

  test('a measure no plan holds is said so, with nothing listed; one click shows the measures to pick from', async () => {
    const { panel, close } = await pageWithPanel(ext, server, editor('textarea'));
    try {
      await panel.getByTestId('mode-search-button').click();
      await panel.getByTestId('search-input').fill('mesure 30');
      await expect.poll(() => panel.getByTestId('search-count').getAttribute('data-text'), { timeout: 20_000 }).toBe('mesure 30');
      // Read by its words, it listed passages saying « 30 jours ».
      await expect(searchCards(panel).count()).resolves.toBe(0);
      const note = panel.getByTestId('search-unknown-measure');
      await expect(note.textContent()).resolves.toContain("Mesure 30 : les plans de la bibliothèque n'ont pas de mesure de ce numéro.");
      await note.getByTestId('search-browse-measures').click();
      await expect(panel.getByTestId('search-input').inputValue()).resolves.toBe('');
      await panel.getByTestId('measure').first().waitFor({ timeout: 20_000 });
      await expect(panel.getByTestId('search-input').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      // A measure the library holds, named with its plan in more words than a look-up's four, lists it.
      await panel.getByTestId('search-input').fill('mesure 16 du deuxième plan');
      await expect.poll(() => panel.getByTestId('search-count').getAttribute('data-text'), { timeout: 20_000 }).toBe('mesure 16 du deuxième plan');
      await expect(panel.getByTestId('measure-header').textContent()).resolves.toContain('Plan 2 · mesure 16');
      await expect(panel.getByTestId('search-unknown-measure').count()).resolves.toBe(0);
      const onMeasure = await searchCards(panel).evaluateAll((cards) => cards.map((c) => !!c.querySelector('[data-measure="PAN2-16"]')));
      expect(onMeasure.length).toBeGreaterThan(1);
      expect(onMeasure.every(Boolean)).toBe(true);
    } finally {
      await close();
    }
  });

  test('the measures the CNCDH found not implemented, asked for in words: listed with their status, one click browses one', async () => {
    const panel = await ext.openPage('sidepanel.html?mode=search');
    try {
      await panel.getByTestId('search-input').fill('mesures non mises en œuvre');
      const found = panel.getByTestId('measures-found');
      await found.waitFor({ timeout: 20_000 });
      const keys = library.measures.filter((m) => m.cncdhStatus === 'non mise en oeuvre').map((m) => m.key);
      await expect(found.getByTestId('measure').evaluateAll((items) => items.map((b) => b.getAttribute('data-measure')))).resolves.toEqual(keys);
      const labels = await found.getByTestId('cncdh-status').allTextContents();
      expect(labels.length).toBe(keys.length);
      expect(labels.every((label) => label.includes('non mise en œuvre'))).toBe(true);
      await expect(found.locator('.section-title').textContent()).resolves.toBe(`Statut « non mise en œuvre » selon l’évaluation de la CNCDH (2017) : ${keys.length} mesures`);
      await found.getByTestId('measure').nth(1).click();
      await expect(panel.getByTestId('measure-header').getAttribute('data-measure')).resolves.toBe(keys[1]);
      await expect(panel.getByTestId('search-input').inputValue()).resolves.toBe('');
    } finally {
      await panel.close();
    }
  });

  test('a speaker named beside a subject lists their words only, said so, the closest first', async () => {
    const { panel, close } = await pageWithPanel(ext, server, editor('textarea'));
    try {
      await panel.getByTestId('mode-search-button').click();
      const question = "qu'a dit Mme Sauneron sur la prostitution ?";
      await panel.getByTestId('search-input').fill(question);
      await expect.poll(() => panel.getByTestId('search-count').getAttribute('data-text'), { timeout: 20_000 }).toBe(question);
      await expect(panel.getByTestId('search-speakers').textContent()).resolves.toBe(
        "Propos de Mme Sarah Sauneron seulement, les plus proches de la recherche d'abord :",
      );
      const ids = await searchCards(panel).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-position-id') ?? ''));
      expect(ids.length).toBe(library.positions.filter((p) => p.speaker === 'Mme Sarah Sauneron').length);
      expect(ids.every((id) => positionById.get(id)?.speaker === 'Mme Sarah Sauneron')).toBe(true);
      expect((await searchCards(panel).first().getByTestId('position-text').textContent()) ?? '').toMatch(/prostitution/i);
    } finally {
      await close();
    }
  });

  test("a question asking what the government answered lists its words only, said to be context, never the Collectif's", async () => {
    const panel = await ext.openPage('sidepanel.html?mode=search');
    try {
      const question = "qu'a répondu le gouvernement sur les mineurs ?";
      await panel.getByTestId('search-input').fill(question);
      await expect.poll(() => panel.getByTestId('search-count').getAttribute('data-text'), { timeout: 20_000 }).toBe(question);
      await expect(panel.getByTestId('search-speakers').textContent()).resolves.toBe(
        'Propos du gouvernement seulement (ministres, cabinets, administrations, texte des plans) :',
      );
      const cards = await searchCards(panel).evaluateAll((all) => all.map((c) => ({ author: c.getAttribute('data-author'), text: c.querySelector('[data-testid="position-text"]')?.textContent ?? '' })));
      // Until the forty-fifth session: the 2 passages saying both « gouvernement » and « mineurs ».
      expect(cards.length).toBe(library.positions.filter((p) => p.author === 'gouvernement' && /\bmineur/i.test(p.text)).length);
      expect(cards.length).toBeGreaterThan(2);
      expect(cards.every((c) => c.author === 'gouvernement' && /mineur/i.test(c.text))).toBe(true);
      await expect(searchCards(panel).first().getByTestId('author-badge').textContent()).resolves.toContain('Propos du gouvernement');
      // The context note says what such words are: quoted with their author, never inserted as the Collectif's.
      await expect(panel.getByTestId('context-heading').first().textContent()).resolves.toContain('ne s’insère pas comme position du Collectif');
      // Asked for ours with no subject: all of them, said so, none of the context.
      await panel.getByTestId('search-input').fill('quelles sont nos priorités ?');
      await expect.poll(() => panel.getByTestId('search-count').getAttribute('data-text'), { timeout: 20_000 }).toBe('quelles sont nos priorités ?');
      await expect(panel.getByTestId('search-speakers').textContent()).resolves.toBe("Toutes les positions du Collectif et de ses associations, dans l'ordre de la bibliothèque :");
      await expect(panel.getByTestId('context-heading').count()).resolves.toBe(0);
    } finally {
      await panel.close();
    }
  });

  test('a wording found at another place in slightly other words lists that place with the words it has there', async () => {
    // From the library: a wording the build merged with a near-identical one of another document.
    const merged = library.positions.find((p) => p.citations?.some((c) => c.positionId !== p.id && c.text))!;
    const other = merged.citations!.find((c) => c.positionId !== merged.id && c.text)!;
    const panel = await ext.openPage('sidepanel.html?mode=search');
    try {
      await panel.getByTestId('search-input').fill(merged.text);
      const card = searchCards(panel).and(panel.locator(`[data-position-id="${merged.id}"]`));
      await card.waitFor({ timeout: 20_000 });
      await card.locator('.card__more-sources summary').click();
      const wording = card.getByTestId('other-wording');
      await expect(wording.textContent()).resolves.toBe(`${fr.otherWording?.message} ${other.text}`);
      await expect(wording.isVisible()).resolves.toBe(true);
    } finally {
      await panel.close();
    }
  });

  test('words another body reports or quotes say who does: the government’s quoted by the Collectif, the Collectif’s by the CNCDH', async () => {
    // From the library: a dépêche the Collectif quotes (2022), the Collectif's view the CNCDH reports (2017).
    const who: Partial<Record<string, string>> = { collectif: fr.quotedByCollectif?.message, cncdh: fr.quotedByCncdh?.message, gouvernement: fr.quotedByGouvernement?.message };
    const cases = (['collectif', 'cncdh'] as const).map((by) => library.positions.find((p) => p.quotedIn?.author === by && p.author !== by)!);
    const panel = await ext.openPage('sidepanel.html?mode=search');
    try {
      for (const p of cases) {
        await panel.getByTestId('search-input').fill(p.text.slice(0, 80));
        const card = searchCards(panel).and(panel.locator(`[data-position-id="${p.id}"]`));
        await card.waitFor({ timeout: 20_000 });
        const expected = fr.quotedBy?.message.replace('$WHO$', who[p.quotedIn!.author]!).replace('$YEAR$', p.quotedIn!.year);
        await expect(card.getByTestId('quoted-by').textContent()).resolves.toBe(expected);
        await expect(card.getAttribute('data-author')).resolves.toBe(p.author);
        // The government's words are context: no « Insérer » on them.
        if (p.author === 'gouvernement') await expect(card.getByTestId('insert').count()).resolves.toBe(0);
      }
    } finally {
      await panel.close();
    }
  });

  test('browse by measure: status and counts; a measure lists the Collectif’s wording first, context after; filter by theme', async () => {
    const { panel, close } = await pageWithPanel(ext, server, editor('textarea'), { extra: '&mode=search' });
    try {
      const first = panel.getByTestId('measure').first();
      await first.waitFor({ timeout: 20_000 });
      await expect(first.getAttribute('data-measure')).resolves.toBe('PAN1-1');
      await expect(first.getByTestId('cncdh-status').textContent()).resolves.toContain(fr.cncdhStatusNone?.message);
      const order = await panel.getByTestId('measure').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-measure')));
      expect(order.slice(0, 6)).toEqual(['PAN1-1', 'PAN1-2', 'PAN1-3', 'PAN1-4', 'PAN1-4bis', 'PAN1-5']);
      expect(order.at(-1)).toBe('PAN2-16');

      await panel.locator('[data-testid="measure"][data-measure="PAN1-5"]').click();
      await expect(panel.getByTestId('measure-header').textContent()).resolves.toContain('Mesure 5');
      await searchCards(panel).first().waitFor({ timeout: 20_000 });
      const authors = await searchCards(panel).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-author') ?? ''));
      const ours = authors.map((a) => a === 'collectif' || a === 'association');
      expect(ours.includes(false)).toBe(true);
      expect(ours.lastIndexOf(true)).toBeLessThan(ours.indexOf(false));
      // Every card of the measure carries its chip, with the measure's title as tooltip.
      const chip = searchCards(panel).first().locator('[data-measure="PAN1-5"]');
      await expect(chip.textContent()).resolves.toContain('Mesure 5');
      await expect(chip.getAttribute('title')).resolves.toMatch(/séjour/);

      await panel.getByTestId('theme-filter').selectOption('mineurs');
      await expect
        .poll(async () => (await searchCards(panel).evaluateAll((cards) => cards.map((c) => !!c.querySelector('[data-theme="mineurs"]')))).every(Boolean))
        .toBe(true);
      await panel.getByTestId('measure-back').click();
      await panel.getByTestId('theme-filter').selectOption('');
      await panel.getByTestId('measure').first().waitFor();
    } finally {
      await close();
    }
  });
});

describe('popup, selection menu, shortcut', () => {
  test('the popup looks up the same library: five cards at most, to copy, none to insert', async () => {
    const popup = await ext.openPage('popup.html', { width: 340, height: 700 });
    try {
      await popup.getByTestId('search-input').fill('délai de réflexion');
      await popup.getByTestId('suggestion').first().waitFor({ timeout: 20_000 });
      const count = await popup.getByTestId('suggestion').count();
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(5);
      await expect(popup.getByTestId('insert').count()).resolves.toBe(0);
      await expect(popup.getByTestId('copy').count()).resolves.toBe(count);
      // Chromium names the keys in the UI language: « Alt+Maj+Y » in French.
      await expect(popup.getByTestId('shortcut-hint').textContent()).resolves.toMatch(/Alt\+(Shift|Maj)\+Y/);
      await expect(popup.getByTestId('open-side-panel').isVisible()).resolves.toBe(true);

      // A meeting's date: the meeting named, its positions listed (no filter to offer in the popup).
      await popup.getByTestId('search-input').fill('réunion du 24 juin 2014');
      await expect.poll(() => popup.getByTestId('dated-sources').getAttribute('data-listed'), { timeout: 20_000 }).toBe('true');
      await expect(popup.getByTestId('dated-sources').locator('li').getAttribute('data-source')).resolves.toBe('cr-2014-06-24');
      await expect(popup.getByTestId('keep-source').count()).resolves.toBe(0);
      const ids = await popup.getByTestId('suggestion').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-position-id') ?? ''));
      expect(ids.length).toBe(5);
      expect(ids.every((id) => positionById.get(id)?.sourceId === 'cr-2014-06-24')).toBe(true);

      // Words the library never says, about what it holds: the passages closest in sense, said to be so.
      await popup.getByTestId('search-input').fill('examens osseux');
      await expect.poll(() => popup.getByTestId('search-related').count(), { timeout: 20_000 }).toBe(1);
      await expect(popup.getByTestId('search-related').textContent()).resolves.toBe(fr.searchRelated?.message);
      await expect(popup.getByTestId('suggestion').first().textContent()).resolves.toContain('tests osseux');

      // Off the library's subject: nothing, and the offer to look anyway, which lists a few under « may not fit ».
      await popup.getByTestId('search-input').fill('barbecue annuel');
      await popup.getByTestId('search-related-anyway').click({ timeout: 20_000 });
      await expect.poll(() => popup.getByTestId('search-off-topic').count(), { timeout: 20_000 }).toBe(1);
      await expect(popup.getByTestId('search-off-topic').textContent()).resolves.toBe(fr.searchRelatedOffTopic?.message);
      await expect(popup.getByTestId('suggestion').count()).resolves.toBeGreaterThan(0);
    } finally {
      await popup.close();
    }
  });

  test('the selection menu item and the keyboard shortcut are registered', async () => {
    const menu = await ext.serviceWorker.evaluate(() =>
      (globalThis as unknown as { chrome: { contextMenus: { update(id: string, p: object): Promise<void> } } }).chrome.contextMenus.update('positions-search-selection', {}).then(
        () => 'registered',
        (error: Error) => error.message,
      ),
    );
    expect(menu).toBe('registered');
    const page = await ext.openPage('popup.html');
    try {
      const commands = await page.evaluate(() => (globalThis as unknown as { chrome: { commands: { getAll(): Promise<Array<{ name: string; shortcut: string }>> } } }).chrome.commands.getAll());
      expect(commands).toContainEqual(expect.objectContaining({ name: 'open-side-panel', shortcut: expect.stringMatching(/^Alt\+(Shift|Maj)\+Y$/) }));
    } finally {
      await page.close();
    }
  });

  test('words handed over (as the selection menu does) open search mode with them', async () => {
    const { panel, close } = await pageWithPanel(ext, server, editor('textarea'), { extra: '&q=mesure%204%20bis' });
    try {
      await expect(panel.getByTestId('search-input').inputValue()).resolves.toBe('mesure 4 bis');
      await searchCards(panel).first().waitFor({ timeout: 20_000 });
      const measures = await searchCards(panel).evaluateAll((cards) => cards.map((c) => !!c.querySelector('[data-measure="PAN1-4bis"]')));
      expect(measures.every(Boolean)).toBe(true);
    } finally {
      await close();
    }
  });
});

describe('« Activer sur ce site » in the panel', () => {
  test('on a site turned on, the panel offers « Désactiver »; after it, « Activer sur ce site »', async () => {
    const base = server.url.replace('127.0.0.1', 'localhost');
    const { opened, panel, close } = await pageWithPanel(ext, server, editor('textarea'), { base });
    try {
      const toggle = panel.getByTestId('site-toggle');
      await expect.poll(() => toggle.getAttribute('data-state'), { timeout: 15_000 }).toBe('enabled');
      await panel.getByTestId('site-disable').click();
      await expect.poll(() => toggle.getAttribute('data-state')).toBe('disabled');
      await expect(panel.getByTestId('site-enable').textContent()).resolves.toBe(fr.siteEnable?.message);
      // Back on for the other tests (the permission prompt cannot be clicked headless).
      await ask(panel, 'site/enable', { url: opened.url });
    } finally {
      await close();
    }
  });
});

describe('no network', () => {
  test('every request went to the fixture server or stayed inside the extension', () => {
    const outside = session.requests.filter((url) => !url.startsWith(server.url) && !url.startsWith(server.url.replace('127.0.0.1', 'localhost')) && !url.startsWith(`chrome-extension://${ext.extensionId}/`) && !url.startsWith('data:'));
    expect(session.requests.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });
});

describe('English UI', () => {
  test('the panel speaks English, context labelled in English, the wording still verbatim; a look-up in English is read in French', async () => {
    const english = await launchExtension({ lang: 'en', fixtureHosts: true });
    try {
      const { opened, panel, close } = await pageWithPanel(english, server, editor('textarea'));
      try {
        await expect(panel.getByTestId('mode-search-button').textContent()).resolves.toBe(en.panelModeSearch?.message);
        await typeInEditor(opened, editor('textarea'), CONTEXT_PARAGRAPH);
        const gov = suggestionCards(panel).and(panel.locator('[data-author="gouvernement"]')).first();
        await gov.waitFor({ timeout: 20_000 });
        await expect(gov.getByTestId('author-badge').textContent()).resolves.toBe(en.authorGouvernement?.message);
        await expect(gov.getByTestId('copy').textContent()).resolves.toBe(en.copyQuote?.message);
        const position = positionById.get((await gov.getAttribute('data-position-id')) ?? '')!;
        expect(await cardText(gov)).toBe(position.text);
        // Its themes are named in English; its wording stays as the source says it.
        const chips = gov.locator('[data-theme]');
        expect(await chips.count()).toBeGreaterThan(0);
        for (const chip of await chips.all()) {
          const id = (await chip.getAttribute('data-theme'))!;
          await expect(chip.textContent()).resolves.toBe(en[`theme_${id.replace(/-/g, '_')}`]?.message);
          await expect(chip.getAttribute('title')).resolves.toBe(en[`themeAbout_${id.replace(/-/g, '_')}`]?.message);
        }
        // A paragraph naming a measure: the link is in English too.
        await opened.page.keyboard.press('Control+A');
        await opened.page.keyboard.type('Sur la mesure 4 bis, nous maintenons notre demande.', { delay: 5 });
        const link = panel.getByTestId('browse-named-measure');
        await link.first().waitFor({ timeout: 15_000 });
        await expect(link.textContent()).resolves.toBe(en.namedMeasureBrowse!.message.replace('$MEASURE$', en.measureLabel!.message.replace('$NUMBER$', '4 bis')));
        // A paragraph naming a meeting's date: the link in English, and the date handed to the search box as English writes it.
        await opened.page.keyboard.press('Control+A');
        await opened.page.keyboard.type('Comme lors de notre rencontre du 3 février 2014, nous maintenons notre demande.', { delay: 5 });
        const dated = panel.getByTestId('browse-dated-source');
        await dated.first().waitFor({ timeout: 15_000 });
        await expect(dated.textContent()).resolves.toBe(en.datedSourceBrowse!.message.replace('$SOURCE$', `${sourceById.get('cr-2014-02-03')!.shortTitle}, February 3, 2014`));
        await dated.click();
        await expect.poll(() => panel.getByTestId('search-input').inputValue()).toBe('February 3, 2014');
        await expect.poll(() => panel.getByTestId('dated-sources').getAttribute('data-listed'), { timeout: 20_000 }).toBe('true');
        await expect(panel.getByTestId('dated-sources').locator('li').getAttribute('data-source')).resolves.toBe('cr-2014-02-03');
        // A look-up typed in English is looked up in the library's French, and the panel says how; the wording listed is
        // the French sources'. Until the forty-sixth session « residence permit » found nothing.
        await panel.getByTestId('search-input').fill('residence permit');
        await expect.poll(() => panel.getByTestId('search-count').getAttribute('data-text'), { timeout: 20_000 }).toBe('residence permit');
        await expect(panel.getByTestId('search-read-as').textContent()).resolves.toBe(en.searchReadAs!.message.replace('$WORDS$', 'titre de séjour'));
        expect(Number(await panel.getByTestId('search-count').getAttribute('data-count'))).toBeGreaterThan(10);
        const first = panel.getByTestId('search-results').locator('[data-position-id]').first();
        expect(await cardText(first)).toBe(positionById.get((await first.getAttribute('data-position-id')) ?? '')!.text);
        expect(await cardText(first)).toMatch(/séjour/i);
      } finally {
        await close();
      }
    } finally {
      await english.close();
    }
  });
});
