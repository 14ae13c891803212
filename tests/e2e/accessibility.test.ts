/**
 * Issue 11, item 10: accessibility measured with axe-core (its Playwright integration) on the side
 * panel in both modes (with cards), the popup and the options page: no serious or critical
 * violation; and the panel's actions reachable and usable with the keyboard alone.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EDITORS, editorText, TYPED, typeInEditor, startEditorSession, followInPanel, waitForParagraph, type EditorSession } from './editorHarness';
import { CONTEXT_PARAGRAPH, messages, OFF_TOPIC, pageWithPanel, searchCards, spaced, suggestionCards, waitForCard } from './panelHarness';

let session: EditorSession;
const fr = messages('fr');
const textarea = EDITORS.find((e) => e.name === 'textarea')!;

beforeAll(async () => {
  session = await startEditorSession();
});
afterAll(() => session?.close());

/** Serious and critical violations, described (rule, impact, where). */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

describe('axe-core: no serious or critical violation', () => {
  // A notice (« 16 positions enregistrées », an export imported, a storage repair, an error) shows only after an action:
  // one of each kind is put on the options page, which loads the stylesheet every page shares, and read in both modes.
  test.each(['light', 'dark'] as const)('notices of every kind are readable (axe colour contrast), %s mode', async (scheme) => {
    const options = await session.ext.openPage('options.html', { width: 800, height: 900 });
    try {
      await options.emulateMedia({ colorScheme: scheme });
      await options.getByTestId('position-count').waitFor({ timeout: 20_000 });
      await options.evaluate(() => {
        const probe = document.createElement('section');
        probe.id = 'notice-probe';
        for (const kind of ['notice', 'notice notice--error', 'notice notice--warning']) {
          const p = document.createElement('p');
          p.className = kind;
          p.textContent = 'Compte-rendu enregistré : 16 positions.';
          probe.append(p);
        }
        document.querySelector('main')!.prepend(probe);
      });
      const { violations } = await new AxeBuilder({ page: options }).include('#notice-probe').withRules(['color-contrast']).analyze();
      expect(violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`))).toEqual([]);
    } finally {
      await options.close();
    }
  });

  test('side panel, suggestions with cards, then search with results', async () => {
    const { opened, panel, close } = await pageWithPanel(session.ext, session.server, textarea);
    try {
      await typeInEditor(opened, textarea, TYPED);
      await waitForCard(panel, 'délai de réflexion');
      expect(await seriousViolations(panel)).toEqual([]);
      await panel.getByTestId('mode-search-button').click();
      await panel.getByTestId('search-input').fill('ASE');
      await searchCards(panel).first().waitFor({ timeout: 20_000 });
      expect(await seriousViolations(panel)).toEqual([]);
      // The measures a status look-up lists above the cards, under their own heading, and a body's words said so.
      await panel.getByTestId('search-input').fill('mesures non mises en œuvre');
      await panel.getByTestId('measures-found').waitFor({ timeout: 20_000 });
      expect(await seriousViolations(panel)).toEqual([]);
      await panel.getByTestId('search-input').fill("qu'a répondu le gouvernement sur les mineurs ?");
      await panel.getByTestId('search-speakers').waitFor({ timeout: 20_000 });
      expect(await seriousViolations(panel)).toEqual([]);
    } finally {
      await close();
    }
  });

  // The review of an import and the correction of a position: measures and themes chosen from lists, chips with a
  // button to take one off. Read in both modes, after a pasted report is proposed.
  test.each(['light', 'dark'] as const)('the review of an import, with its measure and theme pickers, %s mode', async (scheme) => {
    const options = await session.ext.openPage('options.html', { width: 900, height: 900 });
    try {
      await options.emulateMedia({ colorScheme: scheme });
      await options.getByTestId('position-count').waitFor({ timeout: 20_000 });
      await options
        .getByTestId('import-paste')
        .fill("Le Collectif demande que chaque préfecture désigne un référent traite pour l'accueil des victimes.\n\nLe Collectif rappelle que la mesure 11 du plan n'est pas appliquée.");
      await options.getByTestId('import-title').fill('Réunion du groupe de travail');
      await options.getByTestId('import-date').fill('2026-11-25');
      await options.getByTestId('import-propose').click();
      const first = options.getByTestId('proposal').first();
      await first.getByTestId('proposal-measures-add').selectOption('PAN1-11');
      await first.getByTestId('proposal-themes-add').selectOption({ index: 1 });
      await expect(first.locator('.picker__remove').count()).resolves.toBeGreaterThan(1);
      expect(await seriousViolations(options)).toEqual([]);
    } finally {
      await options.close();
    }
  });

  test('popup and options page', async () => {
    const popup = await session.ext.openPage('popup.html', { width: 340, height: 700 });
    const options = await session.ext.openPage('options.html', { width: 800, height: 900 });
    try {
      await popup.getByTestId('search-input').waitFor();
      await popup.getByTestId('search-input').fill('délai de réflexion');
      await popup.getByTestId('suggestion').first().waitFor({ timeout: 20_000 });
      expect(await seriousViolations(popup)).toEqual([]);
      await options.getByTestId('position-count').waitFor({ timeout: 20_000 });
      expect(await seriousViolations(options)).toEqual([]);
    } finally {
      await Promise.all([popup.close(), options.close()]);
    }
  });
});

describe('screen readers', () => {
  const announcement = (panel: Page) => panel.getByTestId('mode-suggestions').getByTestId('suggestions-announcement');
  /** What the status should say for the cards shown: « Suggestions : 3 formulations à insérer et 2 en contexte. » */
  async function expected(panel: Page): Promise<string> {
    await panel.locator('[data-testid="mode-suggestions"] [data-testid="suggestion-list"][aria-busy="false"]').waitFor();
    const authors = await suggestionCards(panel).evaluateAll((cards) => cards.map((c) => c.getAttribute('data-author')));
    const ours = authors.filter((a) => a === 'collectif' || a === 'association').length;
    const context = authors.length - ours;
    const count = (key: string, n: number) => fr[`${key}_${n === 1 ? 'one' : 'other'}`]!.message.replace('$COUNT$', String(n));
    const parts = [...(ours ? [count('announceOurs', ours)] : []), ...(context ? [count('announceContext', context)] : [])];
    return fr.announceSuggestions!.message.replace('$LIST$', parts.join(' et '));
  }

  const agrees = (said: string | null, cards: string) => said === cards || `${said} ≠ ${cards}`;

  // Until the forty-third session the card list itself was a live region: at every pause in the typing a screen reader
  // read five cards aloud over what the user was writing. A status now says how many cards there are, once per set.
  test('the cards are counted in one short status, not read aloud; a paragraph nothing fits says so once', async () => {
    const { opened, panel, tabId, close } = await pageWithPanel(session.ext, session.server, textarea);
    try {
      expect(await panel.getByTestId('mode-suggestions').getByTestId('suggestion-list').getAttribute('aria-live')).toBeNull();
      expect(await announcement(panel).getAttribute('role')).toBe('status');
      await typeInEditor(opened, textarea, TYPED);
      await waitForCard(panel, 'délai de réflexion');
      await expect.poll(async () => agrees(await announcement(panel).textContent(), await expected(panel))).toBe(true);
      expect(await announcement(panel).textContent()).toMatch(/^Suggestions : \d+ formulations? à insérer/);

      // Context only: counted as such.
      await opened.page.keyboard.press('Control+A');
      await opened.page.keyboard.type(CONTEXT_PARAGRAPH, { delay: 2 });
      await waitForCard(panel, 'cas par cas');
      await expect.poll(async () => agrees(await announcement(panel).textContent(), await expected(panel))).toBe(true);
      expect(await announcement(panel).textContent()).toContain('en contexte');

      await opened.page.keyboard.press('Control+A');
      await opened.page.keyboard.type(OFF_TOPIC, { delay: 2 });
      await panel.getByTestId('suggestions-empty').waitFor({ timeout: 20_000 });
      await expect.poll(() => announcement(panel).textContent()).toBe(fr.announceNone!.message);
      // Still nothing that fits a sentence later: nothing said again.
      await announcement(panel).evaluate((status) => {
        const w = window as unknown as { statusChanges: number };
        w.statusChanges = 0;
        new MutationObserver(() => w.statusChanges++).observe(status, { childList: true, characterData: true, subtree: true });
      });
      await followInPanel(panel, tabId);
      await opened.page.bringToFront();
      await opened.page.keyboard.type(' Merci de confirmer.', { delay: 2 });
      await waitForParagraph(panel, 'Merci de confirmer.');
      await panel.locator('[data-testid="mode-suggestions"] [data-testid="suggestion-list"][aria-busy="false"]').waitFor({ state: 'attached' });
      await panel.waitForTimeout(600);
      expect(await panel.evaluate(() => (window as unknown as { statusChanges: number }).statusChanges)).toBe(0);
      expect(await panel.getByTestId('suggestions-empty').count()).toBe(1);
    } finally {
      await close();
    }
  });

  test("the popup's look-up says how many positions it found, in a status that stays", async () => {
    const popup = await session.ext.openPage('popup.html', { width: 340, height: 700 });
    try {
      const status = popup.getByTestId('search-count');
      await popup.getByTestId('search-input').fill('délai de réflexion');
      await popup.getByTestId('suggestion').first().waitFor({ timeout: 20_000 });
      expect(await status.getAttribute('role')).toBe('status');
      expect(await status.textContent()).toMatch(/^\d+ positions trouvées · 5 affichées$/);
      expect(await popup.getByTestId('search-results').getAttribute('aria-live')).toBeNull();
      // The same element answers the next look-up: a status inserted with its words is not read by screen readers.
      const before = await status.elementHandle();
      await popup.getByTestId('search-input').fill('zzqx');
      await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe(fr.searchNone!.message);
      expect(await before!.evaluate((el) => el.isConnected)).toBe(true);
    } finally {
      await popup.close();
    }
  });
});

describe('contrast themes (forced colours)', () => {
  // Windows' contrast themes replace every background with the theme's. Before the forty-third session the mode shown
  // (a lighter background) and the Collectif's badge (filled, where context badges are outlined) looked like the rest,
  // and the story's dots of the Collectif's positions vanished.
  test.each(['light', 'dark'] as const)("the mode shown, the Collectif's badge and the story's dots keep their marks, %s theme", async (scheme) => {
    const { panel, close } = await pageWithPanel(session.ext, session.server, textarea);
    try {
      await panel.emulateMedia({ forcedColors: 'active', colorScheme: scheme });
      const background = (selector: string, pseudo?: string) =>
        panel.locator(selector).first().evaluate((el, p) => getComputedStyle(el, p ?? null).backgroundColor, pseudo);
      const canvas = await panel.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(await background('[data-testid="mode-suggestions-button"]')).not.toBe(await background('[data-testid="mode-search-button"]'));
      await panel.getByTestId('mode-search-button').click();
      expect(await background('[data-testid="mode-search-button"]')).not.toBe(await background('[data-testid="mode-suggestions-button"]'));
      await panel.locator('[data-testid="measure"][data-measure="PAN1-5"]').click();
      await panel.getByTestId('open-story').click();
      await panel.locator('[data-testid="story-entry"][data-author="collectif"]').first().waitFor({ timeout: 20_000 });
      const collectif = await background('[data-testid="story-entry"][data-author="collectif"] [data-testid="author-badge"]');
      expect(collectif).not.toBe(canvas);
      for (const author of ['gouvernement', 'cncdh'])
        expect(await background(`[data-testid="story-entry"][data-author="${author}"] [data-testid="author-badge"]`)).toBe(canvas);
      expect(await background('[data-testid="story-entry"][data-author="collectif"]', '::before')).toBe(collectif);
    } finally {
      await close();
    }
  });
});

describe('keyboard', () => {
  test('from the top of the panel, Tab reaches « Insérer » and Enter inserts', async () => {
    const { opened, panel, close } = await pageWithPanel(session.ext, session.server, textarea);
    try {
      await typeInEditor(opened, textarea, TYPED);
      await waitForCard(panel, 'délai de réflexion');
      const first = panel.locator('[data-testid="suggestion"][data-author="collectif"], [data-testid="suggestion"][data-author="association"]').first();
      const expected = await first.getAttribute('data-position-id');
      const wording = (await first.getByTestId('position-text').textContent()) ?? '';
      await panel.bringToFront();
      await panel.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      let reached = false;
      for (let i = 0; i < 30 && !reached; i++) {
        await panel.keyboard.press('Tab');
        reached = (await panel.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === 'insert';
      }
      expect(reached).toBe(true);
      const id = await panel.evaluate(() => document.activeElement?.closest('[data-testid="suggestion"]')?.getAttribute('data-position-id'));
      expect(id).toBe(expected);
      await panel.keyboard.press('Enter');
      await expect.poll(() => panel.locator(`[data-position-id="${id}"]`).getByTestId('action-status').textContent()).toBe(fr.inserted?.message);
      await expect.poll(async () => spaced(await editorText(opened.page))).toBe(`${TYPED} ${spaced(wording)}`);
    } finally {
      await close();
    }
  });
});
