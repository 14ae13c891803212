/**
 * Issue 12, items 1, 2, 5 and 6, in Chromium with the built extension:
 * 1. turning a site on, off and on again in an open tab leaves one page bridge: one click, one insert;
 * 2. « Désactiver sur ce site » stops the script already running in the open tab;
 * 5. the page sees no global of ours, and its forged bridge requests get no answer;
 * 6. a page cannot steer an insert into a hidden field it focused itself.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SiteStatus } from '../../data/protocol';
import { ask, EDITORS, editorText, insertFromPanel, openEditorFixture, openPanel, received, tabIdOf, typeInEditor, waitForParagraph, WORDING, startEditorSession, type EditorSession } from './editorHarness';
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

const fixtureNamed = (name: string) => EDITORS.find((e) => e.name === name)!;

/** A fixture page (on `base`) and a panel page following its tab. */
async function pageAndPanel(name: string, base = server.url) {
  const fixture = fixtureNamed(name);
  const opened = await openEditorFixture(ext, server, fixture, base);
  const scout = await ext.openPage('popup.html');
  const tabId = await tabIdOf(scout, opened.url);
  await scout.close();
  const panel = await openPanel(ext, tabId);
  await opened.page.bringToFront();
  return { fixture, opened, panel, tabId, close: async () => Promise.all([panel.close(), opened.page.close()]) };
}

/** How many times `part` occurs in `whole`, spaces compared loosely (the « » carry U+00A0). */
function occurrences(whole: string, part: string): number {
  const loose = (s: string) => s.replace(/\s+/g, ' ');
  return loose(whole).split(loose(part)).length - 1;
}

/** A site the user turned on: localhost is granted in the e2e build and has no static content script. */
const userSite = () => server.url.replace('127.0.0.1', 'localhost');

describe('item 1: turning a site on, off and on again', () => {
  test.each(['tinymce', 'ckeditor5'])('%s: one click on « Insérer » inserts the wording once', async (name) => {
    const { fixture, opened, panel, tabId, close } = await pageAndPanel(name, userSite());
    const site = (type: string) => ask<SiteStatus>(panel, type, { url: opened.url, tabId });
    try {
      for (const type of ['site/enable', 'site/disable', 'site/enable', 'site/disable', 'site/enable'])
        await expect(site(type)).resolves.toMatchObject({ ok: true, value: { state: type === 'site/enable' ? 'enabled' : 'disabled' } });

      await typeInEditor(opened, fixture, 'Le délai de réflexion de trente jours est trop court.');
      await waitForParagraph(panel, 'trop court');
      await panel.bringToFront();
      const result = await insertFromPanel(panel, tabId);
      const text = await editorText(opened.page);
      expect(occurrences(text, WORDING)).toBe(1);
      expect(result).toMatchObject({ ok: true });
    } finally {
      await close();
    }
  });
});

describe('item 2: « Désactiver sur ce site »', () => {
  test('the script already running in the open tab stops reading and sending; turned on again, it starts afresh', async () => {
    const { fixture, opened, panel, tabId, close } = await pageAndPanel('textarea', userSite());
    const site = (type: string) => ask<SiteStatus>(panel, type, { url: opened.url, tabId });
    try {
      await expect(site('site/enable')).resolves.toMatchObject({ ok: true, value: { state: 'enabled' } });
      await typeInEditor(opened, fixture, 'Allumé : le délai de réflexion.');
      await waitForParagraph(panel, 'Allumé');

      await expect(site('site/disable')).resolves.toMatchObject({ ok: true, value: { state: 'disabled' } });
      // No reload: the tab keeps the script that was running.
      await opened.page.bringToFront();
      await opened.page.keyboard.type(' Éteint sans rechargement.');
      await opened.page.waitForTimeout(900);
      expect((await received(panel)).some((m) => m.paragraph?.text.includes('Éteint'))).toBe(false);
      await expect(insertFromPanel(panel, tabId)).resolves.toMatchObject({ ok: false });
      expect(occurrences(await editorText(opened.page), WORDING)).toBe(0);

      await expect(site('site/enable')).resolves.toMatchObject({ ok: true, value: { state: 'enabled' } });
      await opened.page.bringToFront();
      await opened.page.keyboard.type(' Rallumé.');
      await waitForParagraph(panel, 'Rallumé.');
    } finally {
      await close();
    }
  });
});

describe('item 5: the page cannot see the extension', () => {
  test('no global of ours in the page, and forged bridge requests go unanswered, before and after an insert', async () => {
    const { fixture, opened, panel, tabId, close } = await pageAndPanel('tinymce');
    // What a curious page would try: our global's name, and a ping on the bridge's event names.
    const probe = () =>
      opened.frame.evaluate(async () => {
        const globals = Object.getOwnPropertyNames(window).filter((name) => /bridge|positions/i.test(name));
        const parentGlobals = Object.getOwnPropertyNames(window.parent).filter((name) => /bridge|positions/i.test(name));
        const target = document.body;
        const answered = await new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), 700);
          target.addEventListener('positions:bridge-reply', () => {
            clearTimeout(timer);
            resolve(true);
          });
          target.dispatchEvent(new CustomEvent('positions:bridge-request', { bubbles: true, composed: true, detail: JSON.stringify({ id: 'page', op: 'ping' }) }));
        });
        return { globals, parentGlobals, answered };
      });
    try {
      await expect(probe()).resolves.toEqual({ globals: [], parentGlobals: [], answered: false });

      // The bridge works for the extension (TinyMCE's insert goes through it)…
      await typeInEditor(opened, fixture, 'Nous demandons que le délai de réflexion soit porté à trois mois.');
      await waitForParagraph(panel, 'trois mois');
      await panel.bringToFront();
      await expect(insertFromPanel(panel, tabId)).resolves.toEqual({ ok: true, strategy: 'editor-api', undoable: true });
      // …and still answers nobody else.
      await expect(probe()).resolves.toEqual({ globals: [], parentGlobals: [], answered: false });
    } finally {
      await close();
    }
  });
});

describe('item 6: an insert goes only where the user was writing', () => {
  test('a hidden 1-pixel field the page focuses (in the page or a same-site frame) never receives the insert', async () => {
    const { fixture, opened, panel, tabId, close } = await pageAndPanel('textarea');
    try {
      await typeInEditor(opened, fixture, 'Le Collectif demande un délai de réflexion de trois mois.');
      await waitForParagraph(panel, 'trois mois.');

      // The page adds a 1-pixel same-site frame holding a textarea, and a 1-pixel textarea of its own.
      await opened.page.evaluate(async (src) => {
        const frame = Object.assign(document.createElement('iframe'), { src, id: 'trap-frame' });
        frame.style.cssText = 'width:1px;height:1px;border:0;position:absolute;left:0;top:0';
        document.body.append(frame);
        await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
        const trap = Object.assign(document.createElement('textarea'), { id: 'trap' });
        trap.style.cssText = 'width:1px;height:1px;opacity:0.01;position:absolute;left:0;top:0';
        document.body.append(trap);
      }, opened.url);
      const frame = opened.page.frameLocator('#trap-frame');
      await opened.page.waitForFunction(() => (document.querySelector('#trap-frame') as HTMLIFrameElement).contentWindow?.fixture !== undefined);
      await opened.page.waitForTimeout(500); // the content script starts in the new frame (document_idle)

      // It focuses them and dispatches key and input events, as a script can (untrusted events).
      const steer = `
        const area = document.querySelector('#editor') ?? document.querySelector('#trap');
        area.focus();
        area.value = 'x';
        for (const type of ['keydown', 'input', 'keyup']) area.dispatchEvent(type === 'input' ? new InputEvent('input', { bubbles: true }) : new KeyboardEvent(type, { bubbles: true, key: 'x' }));
      `;
      await frame.locator('#editor').evaluate((_el, code) => new Function(code)(), steer);
      await opened.page.waitForTimeout(700);
      await opened.page.evaluate((code) => {
        const trap = document.querySelector('#trap') as HTMLTextAreaElement;
        trap.focus();
        new Function(code.replace("document.querySelector('#editor') ?? ", ''))();
      }, steer);
      await opened.page.waitForTimeout(700);

      await panel.bringToFront();
      await expect(insertFromPanel(panel, tabId)).resolves.toMatchObject({ ok: true });
      expect(await frame.locator('#editor').inputValue()).toBe('x');
      expect(await opened.page.locator('#trap').inputValue()).toBe('x');
      expect(occurrences(await editorText(opened.page), WORDING)).toBe(1);

      // Hidden by the page after the user typed: the insert is refused, the field left as it was.
      await opened.page.evaluate(() => ((document.querySelector('#editor') as HTMLElement).style.opacity = '0'));
      const before = await editorText(opened.page);
      await expect(insertFromPanel(panel, tabId)).resolves.toEqual({ ok: false, reason: 'no-editor', detail: 'the editable is not visible' });
      expect(await editorText(opened.page)).toBe(before);
    } finally {
      await close();
    }
  });
});
