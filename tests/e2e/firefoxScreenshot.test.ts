/**
 * The panel in Firefox, for the README: the sidebar's page (`sidepanel.html`, what Firefox shows in
 * its sidebar) following a compose page where a paragraph on the reflection period was typed.
 * Written to test-results/panel-firefox.png on every run; with UPDATE_SCREENSHOTS=1 also to
 * docs/screenshots/ (`npm run build:firefox` first).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchBrowser, type TestBrowser } from './browsers';
import { openEditor, tabIdOf, typeIn, waitForCard } from './chain';
import { EDITORS, TYPED } from './editorHarness';
import { ROOT } from './extension';
import { startServer, type StaticServer } from './server';

const OUT = join(ROOT, 'test-results');
let browser: TestBrowser;
let server: StaticServer;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  [browser, server] = await Promise.all([launchBrowser('firefox'), startServer()]);
});
afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

test('Firefox: the panel’s page shows the Collectif’s wording for the paragraph being typed (README picture)', async () => {
  const textarea = EDITORS.find((e) => e.name === 'textarea')!;
  const opened = await openEditor(browser, `${server.url}fixtures/editors/textarea.html`, textarea);
  const panel = await browser.openExtensionPage(`sidepanel.html?tab=${await tabIdOf(browser, opened.url)}`, { width: 400, height: 800 });
  try {
    await typeIn(opened, textarea.editable, `${TYPED} `);
    const position = await waitForCard(panel, 'délai de réflexion');
    expect(position.author).toMatch(/^(collectif|association)$/);
    await panel.bringToFront();
    const path = join(OUT, 'panel-firefox.png');
    await panel.screenshot(path);
    if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(path, join(ROOT, 'docs/screenshots/panel-firefox.png'));
  } finally {
    await Promise.all([panel.close(), opened.page.close()]);
  }
});
