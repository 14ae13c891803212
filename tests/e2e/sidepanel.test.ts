/**
 * The extension as a user meets it: Chromium loads it, the background fills IndexedDB with
 * the bundled library, and the side panel (« Rechercher / Parcourir », at its foot) lists every
 * source with its number of positions.
 * Expected numbers are computed from data/library/generated/library.json, whatever it holds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Library } from '../../data/library/schema';
import { launchExtension, ROOT, type LaunchedExtension } from './extension';
import { startServer, type StaticServer } from './server';

const library = JSON.parse(readFileSync(join(ROOT, 'data/library/generated/library.json'), 'utf8')) as Library;
const messages = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, `public/_locales/${lang}/messages.json`), 'utf8')) as Record<string, { message: string }>;

/** Digits only: « 1 234 positions » → 1234, whatever the locale's separators. */
const digits = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

function expectedCounts(lib: Library): Map<string, number> {
  const counts = new Map(lib.sources.map((s) => [s.id, 0]));
  for (const p of lib.positions) counts.set(p.sourceId, (counts.get(p.sourceId) ?? 0) + 1);
  return counts;
}

describe('extension in Chromium (French UI)', () => {
  let ext: LaunchedExtension;
  let server: StaticServer;

  beforeAll(async () => {
    [ext, server] = await Promise.all([launchExtension({ lang: 'fr' }), startServer()]);
  });
  afterAll(async () => {
    await Promise.all([ext?.close(), server?.close()]);
  });

  test('the service worker starts from the built background script', () => {
    expect(ext.serviceWorker.url()).toBe(`chrome-extension://${ext.extensionId}/background.js`);
  });

  test('the side panel lists every bundled source with its positions, and the total', async () => {
    const requests: string[] = [];
    ext.context.on('request', (r) => requests.push(r.url()));
    // The library's summary sits at the foot of « Rechercher / Parcourir », folded.
    const page = await ext.openPage('sidepanel.html?mode=search');
    await page.locator('.library-details > summary').click({ timeout: 20_000 });
    const summary = page.getByTestId('library-summary');
    await summary.waitFor({ timeout: 20_000 });

    await expect(page.locator('.library-details > summary').textContent()).resolves.toBe(messages('fr').libraryHeading?.message);

    const total = page.getByTestId('position-count');
    expect(Number(await total.getAttribute('data-count'))).toBe(library.positions.length);
    expect(digits(await total.textContent())).toBe(library.positions.length);

    const rows = page.getByTestId('source-row');
    await expect(rows.count()).resolves.toBe(library.sources.length);
    const shown = new Map<string, number>();
    for (const row of await rows.all()) {
      const id = (await row.getAttribute('data-source-id')) ?? '';
      shown.set(id, digits(await row.getByTestId('source-position-count').textContent()));
    }
    expect(shown).toEqual(expectedCounts(library));

    // Everything came from the extension itself: not one request left it.
    expect(requests.filter((url) => !url.startsWith(`chrome-extension://${ext.extensionId}/`))).toEqual([]);
    await page.screenshot({ path: join(ROOT, 'test-results/sidepanel-fr.png'), fullPage: true });
    await page.close();
  });

  test.each([
    ['popup.html', { width: 320, height: 260 }],
    ['options.html', { width: 900, height: 900 }],
  ])('%s shows the same total', async (path, viewport) => {
    const page = await ext.openPage(path, viewport);
    const total = page.getByTestId('position-count');
    await total.waitFor({ timeout: 20_000 });
    expect(digits(await total.textContent())).toBe(library.positions.length);
    await page.screenshot({ path: join(ROOT, `test-results/${path.replace('.html', '')}-fr.png`), fullPage: true });
    await page.close();
  });

  test('the positions are stored in the extension’s IndexedDB', async () => {
    const stored = await ext.serviceWorker.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('positions');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const count = open.result.transaction('positions').objectStore('positions').count();
            count.onsuccess = () => resolve(count.result);
            count.onerror = () => reject(count.error);
          };
        }),
    );
    expect(stored).toBe(library.positions.length);
  });

  test('the local demo page with its editors is served', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url);
    await expect(page.locator('textarea').count()).resolves.toBe(1);
    await expect(page.locator('[contenteditable="true"]').count()).resolves.toBe(1);
    await page.close();
  });
});

describe('the settings page, opened first on a fresh profile', () => {
  let ext: LaunchedExtension;

  beforeAll(async () => {
    ext = await launchExtension({ lang: 'fr' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  // Opened before anything else, while the background is still storing the shipped sources: the list must fill in
  // without a reload, once, under one heading (the totals at the top no longer repeat it).
  test('lists every shipped source once, with its actions, under one « Sources de la bibliothèque »', async () => {
    const page = await ext.openPage('options.html', { width: 900, height: 900 });
    try {
      const rows = page.getByTestId('sources').getByTestId('source-row');
      await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(library.sources.length);
      await expect(page.getByTestId('position-count').count()).resolves.toBe(1);
      await expect(page.getByRole('heading', { name: messages('fr').sourcesHeading!.message, exact: true }).count()).resolves.toBe(1);
      await expect(page.getByTestId('source-row').count()).resolves.toBe(library.sources.length);
    } finally {
      await page.close();
    }
  });
});

describe('extension in Chromium (English UI)', () => {
  test('the side panel speaks English when the browser does', async () => {
    const ext = await launchExtension({ lang: 'en' });
    try {
      const page = await ext.openPage('sidepanel.html?mode=search');
      await page.locator('.library-details > summary').click({ timeout: 20_000 });
      await page.getByTestId('library-summary').waitFor({ timeout: 20_000 });
      await expect(page.locator('.library-details > summary').textContent()).resolves.toBe(messages('en').libraryHeading?.message);
      await expect(page.getByTestId('mode-search-button').textContent()).resolves.toBe(messages('en').panelModeSearch?.message);
      expect(digits(await page.getByTestId('position-count').textContent())).toBe(library.positions.length);
    } finally {
      await ext.close();
    }
  });
});
