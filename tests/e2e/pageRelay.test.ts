/**
 * Issue 5, the relay between page and panel: the insert goes to the frame that had focus; the
 * panel follows a change of paragraph and of editor; a panel opened later gets the current
 * paragraph; leaving the editor empties it; « Activer sur ce site » starts the assistant on a site
 * that is not built in, and turning it off stops it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PanelState, SiteStatus } from '../../data/protocol';
import { ask, EDITORS, editorText, insertFromPanel, WORDING, openEditorFixture, openPanel, received, tabIdOf, typeInEditor, waitForParagraph, startEditorSession, type EditorSession } from './editorHarness';
import type { LaunchedExtension } from './extension';
import type { StaticServer } from './server';

let ext: LaunchedExtension;
let server: StaticServer;
let session: EditorSession;

beforeAll(async () => {
  session = await startEditorSession();
  ({ ext, server } = session);
});
afterAll(() => session?.close());

/** Opens a fixture page and a panel page following its tab. */
async function pageAndPanel(name: string, base = server.url) {
  const fixture = EDITORS.find((e) => e.name === name) ?? { name, kind: 'textarea' as const, frames: [], editable: 'body', real: name, strategy: 'execCommand' as const };
  const opened = await openEditorFixture(ext, server, fixture, base);
  const scout = await ext.openPage('popup.html');
  const tabId = await tabIdOf(scout, opened.url);
  await scout.close();
  const panel = await openPanel(ext, tabId);
  await opened.page.bringToFront();
  return { fixture, opened, panel, tabId, close: async () => Promise.all([panel.close(), opened.page.close()]) };
}

describe('frames', () => {
  test('with two editors in two iframes, the insert lands in the one that had focus, not the other', async () => {
    const { opened, panel, tabId, close } = await pageAndPanel('two-frames');
    try {
      const frameA = (await (await opened.page.waitForSelector('#frame-a')).contentFrame())!;
      const frameB = (await (await opened.page.waitForSelector('#frame-b')).contentFrame())!;
      await frameA.click('#editor');
      await opened.page.keyboard.type('Dans le cadre A, le délai de réflexion.');
      const inA = await waitForParagraph(panel, 'cadre A');
      await frameB.click('#editor');
      await opened.page.keyboard.type('Dans le cadre B, trois mois pour les victimes.');
      const inB = await waitForParagraph(panel, 'cadre B');
      expect(inA.frameId).not.toBe(inB.frameId);
      expect([inA.editor, inB.editor]).toEqual(['textarea', 'contenteditable']);

      await panel.bringToFront();
      await expect(insertFromPanel(panel, tabId)).resolves.toMatchObject({ ok: true });
      expect(await frameA.evaluate(() => window.fixture?.text())).toBe('Dans le cadre A, le délai de réflexion.');
      // Frame B holds its text, then the wording the background composed (spaces compared loosely: « » carry U+00A0).
      const inB2 = ((await frameB.evaluate(() => window.fixture?.text())) ?? '').replace(/\s+/g, ' ');
      const typedB = 'Dans le cadre B, trois mois pour les victimes.';
      expect(inB2.slice(0, typedB.length)).toBe(typedB);
      expect(inB2.slice(typedB.length).replace(/^ /, '')).toBe(WORDING.replace(/\s+/g, ' '));
    } finally {
      await close();
    }
  });
});

describe('the panel follows the writing', () => {
  test('a new paragraph, a click back into the first one, another editor', async () => {
    const { opened, panel, close } = await pageAndPanel('contenteditable');
    try {
      await typeInEditor(opened, EDITORS.find((e) => e.name === 'contenteditable')!, 'Premier paragraphe sur le délai de réflexion de trente jours, qui est trop court.');
      await waitForParagraph(panel, 'Premier paragraphe');
      await opened.page.keyboard.press('Enter');
      await opened.page.keyboard.press('Enter');
      await opened.page.keyboard.type('Trois mois.');
      // A short paragraph comes with its neighbour as context.
      const second = await waitForParagraph(panel, 'Trois mois.');
      expect(second.text).toBe('Trois mois.');
      expect(second.context).toContain('Premier paragraphe');

      await opened.page.click('#editor div:first-child, #editor', { position: { x: 5, y: 5 } });
      const first = await waitForParagraph(panel, 'Premier paragraphe');
      expect(first.text).toMatch(/^Premier paragraphe/);

      await opened.page.click('#subject');
      await opened.page.keyboard.type('Objet : le délai de réflexion');
      const subject = await waitForParagraph(panel, 'Objet :');
      expect(subject.editor).toBe('input');
    } finally {
      await close();
    }
  });

  test('typing without a pause sends once, after the pause; nothing is sent when nothing changed', async () => {
    const { opened, panel, close } = await pageAndPanel('textarea');
    try {
      await typeInEditor(opened, EDITORS.find((e) => e.name === 'textarea')!, 'Un paragraphe tapé sans pause, lettre après lettre.');
      await waitForParagraph(panel, 'lettre après lettre.');
      await opened.page.keyboard.press('ArrowLeft');
      await opened.page.keyboard.press('ArrowRight');
      await opened.page.waitForTimeout(800);
      const texts = (await received(panel)).map((m) => m.paragraph?.text);
      // The follow gives the current state (none yet), then one message per pause with a change.
      expect(texts.filter((t) => t?.startsWith('Un paragraphe'))).toEqual(['Un paragraphe tapé sans pause, lettre après lettre.']);
    } finally {
      await close();
    }
  });

  test('a panel opened later asks for the current paragraph; leaving the editor empties it', async () => {
    const { opened, panel, tabId, close } = await pageAndPanel('textarea');
    try {
      await typeInEditor(opened, EDITORS.find((e) => e.name === 'textarea')!, 'Le panneau ouvert après coup voit ce paragraphe.');
      await waitForParagraph(panel, 'après coup');
      const later = await ext.openPage(`sidepanel.html?tab=${tabId}`);
      const state = await ask<PanelState>(later, 'panel/state', { tabId });
      expect(state.value?.paragraph).toMatchObject({ tabId, frameId: 0, editor: 'textarea', text: 'Le panneau ouvert après coup voit ce paragraphe.' });
      await later.close();

      await opened.page.bringToFront();
      await opened.page.click('h1, label', { position: { x: 1, y: 1 } }).catch(() => opened.page.mouse.click(5, 5));
      await opened.page.locator('#to').focus();
      await panel.waitForFunction(() => window.__positionsReceived?.at(-1)?.paragraph === undefined);
    } finally {
      await close();
    }
  });

  test('an insert with no editor focused in that tab says so', async () => {
    const { panel, tabId, close } = await pageAndPanel('textarea');
    try {
      await expect(insertFromPanel(panel, tabId)).resolves.toEqual({ ok: false, reason: 'no-editor' });
    } finally {
      await close();
    }
  });
});

describe('« Activer sur ce site »', () => {
  test('a site that is not built in stays untouched until turned on, then works, and stops when turned off', async () => {
    // Same fixture server, other host: localhost is granted, as after the user said yes to the
    // permission prompt, and has no static content script.
    const base = server.url.replace('127.0.0.1', 'localhost');
    const { fixture, opened, panel, tabId, close } = await pageAndPanel('textarea', base);
    const status = (request: string) => ask<SiteStatus>(panel, request, { url: opened.url, tabId });
    const reload = async () => {
      await opened.page.reload();
      await opened.page.waitForFunction(() => window.fixture !== undefined);
    };
    try {
      // The background registers the scripts for every granted site when it starts.
      await expect(status('site/status')).resolves.toMatchObject({ ok: true, value: { state: 'enabled', pattern: 'http://localhost/*' } });
      await expect(status('site/disable')).resolves.toMatchObject({ ok: true, value: { state: 'disabled' } });
      await reload();
      await typeInEditor(opened, fixture, 'Avant : rien ne part.');
      await opened.page.waitForTimeout(700);
      expect((await received(panel)).some((m) => m.paragraph?.text.includes('Avant'))).toBe(false);

      await expect(status('site/enable')).resolves.toMatchObject({ ok: true, value: { state: 'enabled' } });
      // Started in the open tab at once, no reload needed.
      await opened.page.bringToFront();
      await opened.page.keyboard.type(' Après : le délai de réflexion.');
      await waitForParagraph(panel, 'Après :');

      // Registered for the next visits too.
      await reload();
      await typeInEditor(opened, fixture, 'Après rechargement.');
      await waitForParagraph(panel, 'Après rechargement.');

      await expect(status('site/disable')).resolves.toMatchObject({ ok: true, value: { state: 'disabled' } });
      await reload();
      await typeInEditor(opened, fixture, 'Éteint.');
      await opened.page.waitForTimeout(700);
      expect((await received(panel)).some((m) => m.paragraph?.text.includes('Éteint'))).toBe(false);
      expect(await editorText(opened.page)).toBe('Éteint.');
    } finally {
      await close();
    }
  });

  test('built-in sites and browser pages are reported as such', async () => {
    const page = await ext.openPage('popup.html');
    try {
      const status = async (url: string) => (await ask<SiteStatus>(page, 'site/status', { url })).value;
      await expect(status('https://mail.google.com/mail/u/0/#inbox?compose=new')).resolves.toEqual({ state: 'builtin', pattern: 'https://mail.google.com/*' });
      await expect(status('https://word-edit.officeapps.live.com/we/wordeditorframe.aspx')).resolves.toMatchObject({ state: 'builtin' });
      await expect(status('chrome://extensions/')).resolves.toEqual({ state: 'unsupported' });
      await expect(status('https://nextcloud.example.org/apps/text')).resolves.toEqual({ state: 'disabled', pattern: 'https://nextcloud.example.org/*' });
    } finally {
      await page.close();
    }
  });
});
