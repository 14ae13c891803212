/**
 * Writing in a webmail's pop-up window: the real Roundcube's « Ouvrir dans une nouvelle fenêtre » opens the
 * message being written in a pop-up window, which has no side panel of its own. The panel of the window
 * beside it follows the pop-up while the user writes there (utils/followTab.ts, `createTabChooser`):
 * a card appears, and « Insérer », clicked in the panel, puts its wording in the pop-up's message.
 *
 * The panel's page is opened as a tab here without `?tab=`, so it follows its window as the side panel does.
 * Chromium only: the Firefox driver of these tests (WebDriver BiDi) does not hand over pages a page opens.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { TYPED } from './editorHarness';
import { launchExtension, type LaunchedExtension } from './extension';
import { suggestionCards } from './panelHarness';
import { logInWithPlaywright, startRoundcube, type RoundcubeServer } from './roundcubeServer';

let ext: LaunchedExtension;
let roundcube: RoundcubeServer;

beforeAll(async () => {
  [ext, roundcube] = await Promise.all([launchExtension({ lang: 'fr', fixtureHosts: true }), startRoundcube()]);
}, 120_000);
afterAll(async () => {
  await Promise.all([ext?.close(), roundcube?.close()]);
});

test('Roundcube’s compose page in a pop-up window: the panel beside it follows it; Insérer writes into the pop-up', async () => {
  const mail = await ext.context.newPage();
  let popup: Page | undefined;
  try {
    await logInWithPlaywright(mail, roundcube.url);
    await mail.goto(`${roundcube.url}?_task=mail&_action=compose`);
    await mail.waitForSelector('#composebody');
    const panel = await ext.openPage('sidepanel.html');
    await panel.waitForSelector('[data-testid="mode-suggestions"]');

    const opened = ext.context.waitForEvent('page');
    await mail.click('a.extwin');
    popup = await opened;
    await popup.waitForSelector('#composebody');
    // What the browser made of it: a pop-up window, apart from the panel's.
    type Windows = { getAll(o: { populate: boolean }): Promise<Array<{ type?: string; tabs?: Array<{ url?: string }> }>> };
    const windows = await panel.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { windows: Windows } }).chrome;
      return (await api.windows.getAll({ populate: true })).map((w) => ({ type: w.type, urls: (w.tabs ?? []).map((t) => t.url ?? '') }));
    });
    expect(windows.find((w) => w.urls.some((url) => url.includes('_extwin=1')))?.type).toBe('popup');

    await popup.click('#composebody');
    await popup.keyboard.type(`${TYPED} `, { delay: 5 });
    const card = suggestionCards(panel).filter({ hasText: 'délai de réflexion' }).first();
    await card.waitFor({ timeout: 30_000 });
    expect(await panel.textContent('[data-testid="writing-in"]')).toMatch(/^Vous écrivez dans Roundcube — /);
    const wording = (await card.locator('[data-testid="position-text"]').textContent()) ?? '';
    // Clicking in the panel brings the focus back to its window: the panel still follows the pop-up.
    await card.locator('[data-testid="insert"]').click();
    await expect.poll(() => popup!.inputValue('#composebody')).toBe(`${TYPED} ${wording}`);
  } finally {
    await popup?.close();
    await mail.close();
  }
});
