/**
 * Issue 11, item 8: the first run. `npm start` loads the demo build (scripts/demoBuild.ts) on the demo
 * page; the product must work there at once: typing in the demo's editor brings cards, with no
 * « Activer sur ce site » and no permission prompt, and the toolbar icon opens the side panel in one
 * click (Chrome's panel behaviour, read back from the browser: Playwright cannot click the toolbar).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeDemoBuild, unpackedExtensionId } from '../../scripts/demoBuild';
import { launchExtension, type LaunchedExtension } from './extension';
import { suggestionCards } from './panelHarness';
import { startServer, type StaticServer } from './server';

let ext: LaunchedExtension;
let server: StaticServer;
let demoDir = '';

beforeAll(async () => {
  [ext, server] = await Promise.all([launchExtension({ lang: 'fr', prepare: (built, profile) => (demoDir = makeDemoBuild(built, join(profile, 'demo-build'))) }), startServer()]);
});
afterAll(async () => {
  await Promise.all([ext?.close(), server?.close()]);
});

describe('npm start, first run', () => {
  test('npm start pins the icon of the extension Chromium loads (same id as computed from its folder)', () => {
    expect(unpackedExtensionId(demoDir)).toBe(ext.extensionId);
  });

  test('the demo page suggests at once, without a permission click; the icon opens the panel', async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url);
    const scout = await ext.openPage('sidepanel.html');
    // The demo build asks for no host permission (its content scripts' matches are enough), so the
    // page's address is not visible to the extension: the demo's tab is the newest one that is not ours.
    const tabId = await scout.evaluate(async () => {
      const tabs = await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).chrome.tabs.query({});
      const ids = tabs.filter((t) => !t.url?.startsWith('chrome-extension://')).map((t) => t.id ?? -1);
      return Math.max(...ids);
    });
    // The background sets it as it starts, without waiting for anything; the browser may answer a
    // moment later (one run in three on busy cores read it before): ask until it is set, or fail.
    const behaviour = () => scout.evaluate(() => (globalThis as unknown as { chrome: { sidePanel: { getPanelBehavior(): Promise<{ openPanelOnActionClick?: boolean }> } } }).chrome.sidePanel.getPanelBehavior());
    await expect.poll(async () => (await behaviour()).openPanelOnActionClick, { timeout: 5_000 }).toBe(true);
    await scout.close();
    const panel = await ext.openPage(`sidepanel.html?tab=${tabId}`, { width: 380, height: 900 });
    try {
      await page.bringToFront();
      await page.click('#plain-editor');
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Un délai de réflexion de trente jours reste insuffisant pour les victimes.', { delay: 5 });
      await expect.poll(() => suggestionCards(panel).count(), { timeout: 30_000 }).toBeGreaterThan(0);
      // The demo page counts as built in: nothing to turn on.
      await expect(panel.getByTestId('site-enable').count()).resolves.toBe(0);
    } finally {
      await Promise.all([panel.close(), page.close()]);
    }
  });
});
