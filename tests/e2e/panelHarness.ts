/**
 * Helpers for the side panel's e2e tests (panel.test.ts, panelChain.test.ts, panelScreenshots.test.ts):
 * an editor page with the panel's page following its tab (`sidepanel.html?tab=<id>`, since Playwright
 * cannot open the browser's side panel), the panel's cards, and the library they come from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { Library, Position } from '../../data/library/schema';
import { openEditorFixture, tabIdOf, type EditorFixture, type OpenedFixture } from './editorHarness';
import { ROOT, type LaunchedExtension } from './extension';
import type { StaticServer } from './server';

export const library = JSON.parse(readFileSync(join(ROOT, 'data/library/generated/library.json'), 'utf8')) as Library;
export const positionById = new Map(library.positions.map((p) => [p.id, p]));
export const sourceById = new Map(library.sources.map((s) => [s.id, s]));

/** The page's messages, to compare the UI's words with what translators wrote. */
export const messages = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, `public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>;

/** An off-topic paragraph from the issue: the panel must stay quiet. */
export const OFF_TOPIC = 'La réunion de bureau est reportée à mardi 14h, même salle.';
/**
 * A paragraph that brings the government's words (the minister on the préfets' discretion) and the
 * CNCDH's among the suggestions. (The issue's shorter « Les préfets doivent pouvoir apprécier les
 * situations au cas par cas. » names no concept of the field strongly enough: the engine stays quiet.)
 */
export const CONTEXT_PARAGRAPH = 'La ministre estime que les préfets doivent être habilités à apprécier les faits au cas par cas ; la CNCDH recommande que le titre de séjour soit délivré de plein droit.';

export interface PageAndPanel {
  opened: OpenedFixture;
  panel: Page;
  tabId: number;
  close(): Promise<void>;
}

/** Opens the fixture page and the panel's page following its tab (`extra`: more address parameters). */
export async function pageWithPanel(ext: LaunchedExtension, server: StaticServer, fixture: EditorFixture, options: { base?: string; extra?: string; viewport?: { width: number; height: number } } = {}): Promise<PageAndPanel> {
  const opened = await openEditorFixture(ext, server, fixture, options.base ?? server.url);
  const scout = await ext.openPage('popup.html');
  const tabId = await tabIdOf(scout, opened.url);
  await scout.close();
  const panel = await ext.openPage(`sidepanel.html?tab=${tabId}${options.extra ?? ''}`, options.viewport ?? { width: 380, height: 900 });
  await panel.getByTestId('mode-suggestions').waitFor({ state: 'attached', timeout: 30_000 });
  return {
    opened,
    panel,
    tabId,
    close: async () => {
      await Promise.all([panel.isClosed() ? undefined : panel.close(), opened.page.isClosed() ? undefined : opened.page.close()]);
    },
  };
}

/** The suggestion cards (« Suggestions » mode). */
export function suggestionCards(panel: Page): Locator {
  return panel.getByTestId('mode-suggestions').getByTestId('suggestion');
}

/** The cards of « Rechercher / Parcourir ». */
export function searchCards(panel: Page): Locator {
  return panel.getByTestId('mode-search').getByTestId('suggestion');
}

/** The card's wording as shown (text nodes and <mark>s together). */
export async function cardText(card: Locator): Promise<string> {
  return (await card.getByTestId('position-text').textContent()) ?? '';
}

/** Waits for a suggestion card whose wording contains `fragment`, and returns it with its position. */
export async function waitForCard(panel: Page, fragment: string, timeout = 20_000): Promise<{ card: Locator; position: Position }> {
  const card = suggestionCards(panel).filter({ has: panel.getByTestId('position-text').filter({ hasText: fragment }) }).first();
  await card.waitFor({ timeout });
  const id = (await card.getAttribute('data-position-id')) ?? '';
  const position = positionById.get(id);
  if (!position) throw new Error(`waitForCard: the card's data-position-id "${id}" is not in the library.`);
  return { card: suggestionCards(panel).and(panel.locator(`[data-position-id="${id}"]`)), position };
}

/**
 * What the clipboard holds, read the way a user would: pasted (Ctrl+V) into a blank page's text area.
 * (Headless Chromium refuses to grant clipboard-read to an extension's origin.)
 */
export async function readClipboard(ext: LaunchedExtension): Promise<string> {
  const page = await ext.context.newPage();
  try {
    await page.setContent('<textarea id="paste"></textarea>');
    await page.focus('#paste');
    await page.keyboard.press('Control+V');
    return await page.inputValue('#paste');
  } finally {
    await page.close();
  }
}

/** The editor text normalised for comparisons: a join stored as U+00A0 by some editors reads as a space. */
export function spaced(text: string): string {
  return text.replace(/\u00A0/g, ' ');
}
