/**
 * The editor chain's steps, written once for both browsers (tests/e2e/browsers.ts): open an editor
 * fixture, follow its tab from the panel's page (`sidepanel.html?tab=<id>`, what the side panel and
 * Firefox's sidebar show), type, wait for a card, press its buttons, read the editor back through
 * its own API (`window.fixture.text()` on each fixture page).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Library, Position } from '../../data/library/schema';
import type { TestBrowser, TestFrame, TestPage } from './browsers';
import type { EditorFixture } from './editorHarness';
import { ROOT } from './extension';

export const library = JSON.parse(readFileSync(join(ROOT, 'data/library/generated/library.json'), 'utf8')) as Library;
export const positionById = new Map(library.positions.map((p) => [p.id, p]));
export const sourceById = new Map(library.sources.map((s) => [s.id, s]));
export const messages = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, `public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>;

declare global {
  interface Window {
    __positionsMutations?: Array<{ at: number; what: string }>;
  }
}

export interface OpenedEditor {
  page: TestPage;
  /** The frame holding the editable. */
  frame: TestFrame;
  url: string;
}

/** The fixture page, down to the frame holding the editable. */
export async function openEditor(
  browser: TestBrowser,
  url: string,
  fixture: Pick<EditorFixture, 'frames' | 'editable'>,
  ready: () => unknown = () => (window as { fixture?: unknown }).fixture !== undefined,
): Promise<OpenedEditor> {
  const page = await browser.openPage(url);
  await page.waitFor(ready, undefined, 30_000);
  let frame: TestFrame = page;
  for (const selector of fixture.frames) frame = await frame.child(selector);
  await frame.waitForSelector(fixture.editable, 30_000);
  return { page, frame, url };
}

/** The editor's text through its own API (the fixture page's `window.fixture.text()`). */
export function editorText(page: TestPage): Promise<string> {
  return page.evaluate(() => (window as { fixture?: { text(): string } }).fixture?.text() ?? '');
}

/** The extension's tab id of the page at `url` (the fixture host is granted, so tab URLs are visible). */
export async function tabIdOf(browser: TestBrowser, url: string): Promise<number> {
  const scout = await browser.openExtensionPage('popup.html');
  try {
    return await scout.evaluate(async (wanted) => {
      // `browser.*` returns promises in Firefox; its `chrome.*` wants callbacks (Chromium has only `chrome`).
      type Api = { tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> } };
      const scope = globalThis as unknown as { browser?: Api; chrome: Api };
      const api = scope.browser ?? scope.chrome;
      const tab = (await api.tabs.query({})).find((t) => t.url === wanted);
      if (tab?.id === undefined) throw new Error(`tabIdOf: no tab at ${wanted} (tabs: ${(await api.tabs.query({})).map((t) => t.url ?? '?').join(', ')})`);
      return tab.id;
    }, url);
  } finally {
    await scout.close();
  }
}

/** The panel's page following the tab of `opened`, ready (its « Suggestions » mode is there). */
export async function panelFor(browser: TestBrowser, opened: OpenedEditor): Promise<TestPage> {
  const tabId = await tabIdOf(browser, opened.url);
  const panel = await browser.openExtensionPage(`sidepanel.html?tab=${tabId}`);
  await panel.waitForSelector('[data-testid="mode-suggestions"]', 30_000);
  return panel;
}

/** Clicks into the editable and types like a user. */
export async function typeIn(opened: OpenedEditor, editable: string, text: string): Promise<void> {
  await opened.page.bringToFront();
  await opened.frame.click(editable);
  await opened.page.type(text);
}

/** Ctrl+Z in the editor, as the user would after going back to the page. */
export async function undoIn(opened: OpenedEditor, editable: string): Promise<void> {
  await opened.page.bringToFront();
  await opened.frame.focus(editable);
  await opened.page.press('Control+z');
}

export const CARDS = '[data-testid="mode-suggestions"] [data-testid="suggestion"]';
export const cardSelector = (id: string) => `${CARDS}[data-position-id="${id}"]`;

/** Waits for a suggestion card whose wording contains `fragment`; returns its position. */
export async function waitForCard(panel: TestPage, fragment: string, timeout = 30_000): Promise<Position> {
  const id = await panel.waitFor(
    ({ cards, fragment }) =>
      [...document.querySelectorAll(cards)]
        .find((card) => card.querySelector('[data-testid="position-text"]')?.textContent?.includes(fragment))
        ?.getAttribute('data-position-id'),
    { cards: CARDS, fragment },
    timeout,
  );
  const position = positionById.get(id ?? '');
  if (!position) throw new Error(`waitForCard: the card's data-position-id "${id}" is not in the library.`);
  return position;
}

/** A card's « Insérer » (or « Insérer avec la source »), then the status line it shows after that click. */
export async function pressOnCard(panel: TestPage, id: string, action: 'insert' | 'insert-cited'): Promise<string> {
  await panel.bringToFront();
  const card = cardSelector(id);
  // The status line may still show the last action's words: record only what it says from now on.
  await panel.evaluate((c) => {
    const w = window as unknown as { __positionsStatus?: string[] };
    w.__positionsStatus = [];
    const status = document.querySelector(`${c} [data-testid="action-status"]`);
    if (!status) throw new Error(`pressOnCard: no status line in ${c}`);
    new MutationObserver(() => {
      if (status.textContent) w.__positionsStatus?.push(status.textContent);
    }).observe(status, { subtree: true, childList: true, characterData: true });
  }, card);
  await panel.click(`${card} [data-testid="${action}"]`);
  return (await panel.waitFor(() => (window as unknown as { __positionsStatus?: string[] }).__positionsStatus?.at(-1))) ?? '';
}

/** Records, in the editable's frame, every DOM mutation from now on (when, and what in short). */
export async function watchMutations(frame: TestFrame, ignore?: string): Promise<void> {
  await frame.evaluate((ignored) => {
    window.__positionsMutations = [];
    new MutationObserver((records) => {
      for (const r of records) {
        const target = r.target as Element;
        if (ignored && target instanceof Element && target.closest(ignored)) continue;
        const what = `${r.type} ${target.nodeName}${r.attributeName ? `[${r.attributeName}]` : ''} ${(target.textContent ?? '').slice(-30)}`;
        window.__positionsMutations?.push({ at: performance.now(), what });
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  }, ignore);
}

/** Mutations recorded in `frame` since `since` (the frame's `performance.now()`), described. */
export function mutationsSince(frame: TestFrame, since: number): Promise<string[]> {
  return frame.evaluate((t) => (window.__positionsMutations ?? []).filter((m) => m.at >= t).map((m) => `+${Math.round(m.at - t)} ms ${m.what}`), since);
}

export function frameNow(frame: TestFrame): Promise<number> {
  return frame.evaluate(() => performance.now());
}

/** Editor text compared loosely on one point: a join stored as U+00A0 by some editors reads as a space. */
export function spaced(text: string): string {
  return text.replace(/\u00A0/g, ' ');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * From the panel's page: follows `tabId` on the `panel` port as the side panel does, and records
 * every paragraph pushed, to check what was read (see `paragraphs`).
 */
export async function recordParagraphs(panel: TestPage, tabId: number): Promise<void> {
  await panel.evaluate((id) => {
    type Port = { onMessage: { addListener(f: (m: { paragraph?: unknown }) => void): void }; postMessage(m: unknown): void };
    const scope = globalThis as unknown as { browser?: { runtime: { connect(i: { name: string }): Port } }; chrome: { runtime: { connect(i: { name: string }): Port } } };
    const w = window as unknown as { __positionsParagraphs: unknown[] };
    w.__positionsParagraphs = [];
    const port = (scope.browser ?? scope.chrome).runtime.connect({ name: 'panel' });
    port.onMessage.addListener((message) => {
      if (message.paragraph) w.__positionsParagraphs.push(message.paragraph);
    });
    port.postMessage({ type: 'follow', tabId: id });
  }, tabId);
}

/** Waits for a recorded paragraph whose text contains `fragment`; returns it. */
export function waitForParagraph(panel: TestPage, fragment: string): Promise<{ text: string; editor: string; from?: string }> {
  return panel.waitFor(
    (wanted) => [...(window as unknown as { __positionsParagraphs?: Array<{ text: string }> }).__positionsParagraphs ?? []].reverse().find((p) => p.text.includes(wanted)),
    fragment,
  ) as Promise<{ text: string; editor: string; from?: string }>;
}
