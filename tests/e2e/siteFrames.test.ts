/**
 * « Activer sur ce site » on a page whose editor sits in a frame from a second domain, as CryptPad's
 * documents do (its sandbox domain): two real host names mapped to the fixture server, the page on
 * one, the editable frame on the other. The status lists the frame's site, turning the page on turns
 * the frame on too (typing there gets suggestions), turning it off removes the frame's registration.
 *
 * Headless Chromium cannot click the permission prompt: this build has both hosts among its granted
 * host permissions (as after the user said yes to the one prompt asking for both), and the test sends
 * `site/enable` with the frames as the click handler does after `permissions.request`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SiteStatus } from '../../data/protocol';
import { ask } from './editorHarness';
import { fixtureHostsCopy, launchExtension, type LaunchedExtension } from './extension';
import { messages, suggestionCards } from './panelHarness';
import { startServer, type StaticServer } from './server';

const PAGE_HOST = 'cryptpad.asso.example';
const SANDBOX_HOST = `sandbox.${PAGE_HOST}`;
const PAGE_PATTERN = `http://${PAGE_HOST}/*`;
const SANDBOX_PATTERN = `http://${SANDBOX_HOST}/*`;
const MINORS = 'Concernant les mineurs non accompagnés, la présomption de minorité doit être respectée et les tests osseux abandonnés.';
const fr = messages('fr');

let ext: LaunchedExtension;
let server: StaticServer;

beforeAll(async () => {
  server = await startServer();
  ext = await launchExtension({
    mapHosts: [PAGE_HOST, SANDBOX_HOST],
    prepare: (built, profile) => {
      const dir = fixtureHostsCopy(built, profile);
      const path = join(dir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as { host_permissions?: string[] };
      manifest.host_permissions = [...(manifest.host_permissions ?? []), PAGE_PATTERN, SANDBOX_PATTERN];
      writeFileSync(path, JSON.stringify(manifest, null, 2));
      return dir;
    },
  });
}, 60_000);
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

type Chrome = {
  scripting: { getRegisteredContentScripts(): Promise<Array<{ id: string }>> };
  tabs: { query(q: object): Promise<Array<{ id?: number; url?: string }>> };
};
const registeredIds = () =>
  ext.serviceWorker.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.scripting.getRegisteredContentScripts()).map((script) => script.id));
const status = async (page: Page, type: string, request: object) => {
  const reply = await ask<SiteStatus>(page, type, request);
  if (!reply.ok) throw new Error(`${type}: ${reply.error.message}`);
  return reply.value as SiteStatus;
};

describe('« Activer sur ce site » and the page’s editor frame on another domain (CryptPad’s sandbox)', () => {
  test('listed before, turned on with the page (suggestions while typing in the frame), turned off with it', async () => {
    const pageUrl = `http://${PAGE_HOST}:${server.port}/fixtures/frames/page.html`;
    const frameUrl = `http://${SANDBOX_HOST}:${server.port}/fixtures/frames/editor.html`;
    const scout = await ext.openPage('popup.html');
    // Granted hosts are registered when the background starts: off first, as a site never turned on.
    await expect.poll(async () => (await registeredIds()).includes(`site:${SANDBOX_PATTERN}`)).toBe(true);
    await status(scout, 'site/disable', { url: pageUrl });
    await status(scout, 'site/disable', { url: frameUrl });
    expect(await registeredIds()).not.toContain(`site:${SANDBOX_PATTERN}`);

    const page = await ext.context.newPage();
    await page.goto(pageUrl);
    await page.waitForSelector('#sandbox');
    const tabId = await scout.evaluate(async (wanted) => (await (globalThis as unknown as { chrome: Chrome }).chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id, pageUrl);
    expect(tabId).toBeTypeOf('number');
    const panel = await ext.openPage(`sidepanel.html?tab=${tabId}`, { width: 380, height: 900 });
    try {
      // Before: the frame's site is listed, and the switch says it will be turned on too.
      const before = await status(panel, 'site/status', { url: pageUrl, tabId });
      expect(before).toEqual({ state: 'disabled', pattern: PAGE_PATTERN, frames: [SANDBOX_PATTERN] });
      await expect.poll(() => panel.getByTestId('site-frames').textContent(), { timeout: 15_000 }).toBe(fr.siteFramesOffer?.message.replace('$HOSTS$', SANDBOX_HOST));

      // On: what the click handler sends once the browser granted [page, ...frames].
      await expect(status(panel, 'site/enable', { url: pageUrl, tabId, frames: before.frames })).resolves.toEqual({ state: 'enabled', pattern: PAGE_PATTERN, frames: [SANDBOX_PATTERN] });
      expect(await registeredIds()).toEqual(expect.arrayContaining([`site:${PAGE_PATTERN}`, `site:${SANDBOX_PATTERN}`]));

      // Typing in the sandbox frame's editable (started in the open tab, no reload) gets cards.
      const frame = page.frames().find((f) => f.url().startsWith(`http://${SANDBOX_HOST}`));
      if (!frame) throw new Error('no sandbox frame');
      await page.bringToFront();
      await frame.click('#editor');
      await page.keyboard.type(MINORS, { delay: 5 });
      await expect.poll(() => suggestionCards(panel).count(), { timeout: 20_000 }).toBeGreaterThan(0);

      // Off: the frame's registration goes with the page's.
      await expect(status(panel, 'site/disable', { url: pageUrl })).resolves.toMatchObject({ state: 'disabled', pattern: PAGE_PATTERN });
      const after = await registeredIds();
      expect(after).not.toContain(`site:${PAGE_PATTERN}`);
      expect(after).not.toContain(`site:${SANDBOX_PATTERN}`);
      await expect(status(panel, 'site/status', { url: frameUrl })).resolves.toEqual({ state: 'disabled', pattern: SANDBOX_PATTERN });
    } finally {
      await Promise.all([panel.close(), page.close(), scout.close()]);
    }
  });
});
