/**
 * The editor chain, written once and run in Chromium and in Firefox (tests/e2e/browsers.ts), in every
 * editor fixture and in a real Etherpad: type a paragraph on the reflection period → a card about it
 * appears in the panel's page following that tab → « Insérer » puts exactly the card's wording at the
 * caret, as the editor's own API reports it → Ctrl+Z in the editor takes it away, and only it →
 * « Insérer avec la source » adds « » and the citation. While the user types, the extension changes
 * nothing in the page. Off-topic writing leaves the panel quiet; the government's and the CNCDH's
 * words come without « Insérer »; a password field is never read; no request leaves the machine.
 *
 * Each fixture page loads the real editor from node_modules (bundled by esbuild before the run);
 * Etherpad is the real server (npm ep_etherpad-lite, tests/e2e/etherpadServer.ts).
 * `E2E_BROWSERS=firefox` (or `chromium`) runs one browser only.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isOurs } from '../../data/library/schema';
import { quoteForLetter } from '../../data/library/citation';
import { BROWSERS, launchBrowser, type TestBrowser, type TestPage } from './browsers';
import { buildEditorFixtures } from './buildEditorFixtures';
import {
  CARDS,
  editorText,
  frameNow,
  messages,
  mutationsSince,
  openEditor,
  type OpenedEditor,
  panelFor,
  recordParagraphs,
  tabIdOf,
  waitForParagraph,
  pressOnCard,
  sleep,
  sourceById,
  spaced,
  typeIn,
  undoIn,
  waitForCard,
  watchMutations,
} from './chain';
import { EDITORS, TYPED, type EditorFixture } from './editorHarness';
import { startEtherpad, type EtherpadServer } from './etherpadServer';
import { ROOT } from './extension';
import { selfSignedCertificate, startServer, type StaticServer } from './server';

const fr = messages('fr');
/** An off-topic paragraph: the panel must stay quiet. */
const OFF_TOPIC = 'La réunion de bureau est reportée à mardi 14h, même salle.';
/** A paragraph that brings the government's words and the CNCDH's among the suggestions. */
const CONTEXT_PARAGRAPH = 'La ministre estime que les préfets doivent être habilités à apprécier les faits au cas par cas ; la CNCDH recommande que le titre de séjour soit délivré de plein droit.';

let server: StaticServer;
let etherpad: EtherpadServer;
/** The Google-Docs-shaped page, served over HTTPS under docs.google.com (mapped to 127.0.0.1), where the built-in scripts run. */
let docs: StaticServer;
const DOCS_HOST = 'docs.google.com';

beforeAll(async () => {
  await buildEditorFixtures();
  [server, etherpad, docs] = await Promise.all([
    startServer(),
    startEtherpad(),
    startServer({ mounts: { '/document/d/': join(ROOT, 'tests/e2e/fixtures/editors') }, tls: selfSignedCertificate(DOCS_HOST), host: DOCS_HOST }),
  ]);
}, 150_000);
afterAll(async () => {
  await Promise.all([server?.close(), etherpad?.close(), docs?.close()]);
});

/** What the user typed (and the space after it), then `inserted` exactly. */
function expectTypedThen(text: string, inserted: string): void {
  expect(spaced(text)).toBe(`${TYPED} ${spaced(inserted)}`);
}

describe.each(BROWSERS)('%s', (browserName) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchBrowser(browserName, { mapHosts: [DOCS_HOST] });
  });
  afterAll(() => browser?.close());

  /** Firefox: the page's own errors and console errors, from now on. */
  async function watchForFollowUp(opened: OpenedEditor): Promise<void> {
    await opened.page.evaluate(() => {
      const w = window as unknown as { __positionsErrors: string[] };
      w.__positionsErrors = [];
      addEventListener('error', (e) => w.__positionsErrors.push(String(e.message)));
      addEventListener('unhandledrejection', (e) => w.__positionsErrors.push(String(e.reason)));
      const original = console.error.bind(console);
      console.error = (...args: unknown[]) => {
        w.__positionsErrors.push(args.map(String).join(' '));
        original(...args);
      };
    });
  }

  /**
   * Firefox, after the chain: letterReady's « 1 » and « 1 bis » (Chromium only there), on the same page. Firefox
   * focuses, pastes and undoes its own way (Draft.js lost its caret there, CKEditor 5's insert went with the last
   * words typed). A word typed a moment before « Insérer » survives Ctrl+Z; then « Insérer » again at once (the
   * panel's copy of the paragraph still has the wording) and typing on: the words land after the wording, and the
   * page logs no error.
   */
  async function followUp(opened: OpenedEditor, panel: TestPage, fixture: EditorFixture, id: string, wording: string): Promise<void> {
    const text = async () => spaced(await editorText(opened.page)).trimEnd();
    await opened.page.bringToFront();
    await opened.frame.focus(fixture.editable);
    await opened.page.type('Merci');
    const typed = await text();
    expect(typed.endsWith('Merci')).toBe(true);
    await expect(pressOnCard(panel, id, 'insert')).resolves.toBe(fr.inserted?.message);
    await expect.poll(text).toBe(`${typed} ${spaced(wording)}`);
    await undoIn(opened, fixture.editable);
    await expect.poll(text).toBe(typed);
    // At once, within the page's 300 ms pause: the panel's copy of the paragraph still holds the wording, the page
    // (asked at the click) no longer does, so « Insérer » inserts without asking.
    const before = await text();
    await expect(pressOnCard(panel, id, 'insert')).resolves.toBe(fr.inserted?.message);
    await expect.poll(text).toBe(`${before} ${spaced(wording)}`);
    await opened.page.bringToFront();
    await opened.page.type(' Fin.');
    await expect.poll(text).toBe(`${before} ${spaced(wording)} Fin.`);
    expect(await opened.page.evaluate(() => (window as unknown as { __positionsErrors: string[] }).__positionsErrors)).toEqual([]);
  }

  describe.each(EDITORS)('$name — $real', (fixture) => {
    test('a card appears; Insérer puts its wording at the caret; Ctrl+Z removes it; Insérer avec la source adds « » and the citation; nothing else changes (Firefox: a word typed just before survives Ctrl+Z, typing on lands after the insert)', async () => {
      const opened = await openEditor(browser, `${server.url}fixtures/editors/${fixture.name}.html`, fixture);
      const panel = await panelFor(browser, opened);
      try {
        if (browserName === 'firefox') await watchForFollowUp(opened);
        await watchMutations(opened.frame, fixture.blinkingCaret);
        await typeIn(opened, fixture.editable, `${TYPED} `);
        const typedAt = await frameNow(opened.frame);
        const position = await waitForCard(panel, 'délai de réflexion');
        expect(await panel.evaluate(() => document.querySelector('[data-testid="writing-in"]')?.getAttribute('data-editor'))).toBe(fixture.kind);

        // Only the user's keystrokes changed the page: nothing moved while the extension read and
        // suggested, and the editor holds exactly what was typed.
        await sleep(300);
        expect(await mutationsSince(opened.frame, typedAt + (fixture.settlesMs ?? 150))).toEqual([]);
        expect(spaced(await editorText(opened.page)).trimEnd()).toBe(TYPED);

        // « Insérer », from the panel (which has the focus, as in the product).
        await expect(pressOnCard(panel, position.id, 'insert')).resolves.toBe(fr.inserted?.message);
        expectTypedThen(await editorText(opened.page), position.text);

        // Ctrl+Z in the editor takes the insertion away, and only it.
        await undoIn(opened, fixture.editable);
        await expect.poll(async () => spaced(await editorText(opened.page)).trimEnd()).toBe(TYPED);

        // « Insérer avec la source »: « wording » (citation), the citation from the library's source record.
        const cited = quoteForLetter(position, sourceById.get(position.sourceId));
        await expect(pressOnCard(panel, position.id, 'insert-cited')).resolves.toBe(fr.inserted?.message);
        expectTypedThen(await editorText(opened.page), cited);
        await undoIn(opened, fixture.editable);
        await expect.poll(async () => spaced(await editorText(opened.page)).trimEnd()).toBe(TYPED);
        if (browserName === 'firefox') await followUp(opened, panel, fixture, position.id, position.text);
      } finally {
        await Promise.all([panel.close(), opened.page.close()]);
      }
    });
  });

  describe('a real Etherpad (npm ep_etherpad-lite 1.8.14, its own server)', () => {
    const pad = { frames: ['iframe[name="ace_outer"]', 'iframe[name="ace_inner"]'], editable: '#innerdocbody' };

    test('Insérer puts the wording once in the pad and on the server; one Ctrl+Z leaves exactly what the user typed, there too', async () => {
      const padId = `positions-${browserName}-${Date.now().toString(36)}`;
      // Ready when the pad is connected: Etherpad's collab client exists once its editor has started.
      const opened = await openEditor(browser, `${etherpad.url}p/${padId}`, pad, () => (window as unknown as { pad?: { collabClient?: unknown } }).pad?.collabClient !== undefined);
      // The pad's own model: Etherpad's editor object, reached through its module system (no global).
      await opened.page.evaluate(() => {
        const w = window as unknown as { require(m: string): { padeditor: { ace: { exportText(): string } } }; fixture?: unknown };
        w.fixture = { text: () => w.require('ep_etherpad-lite/static/js/pad_editor').padeditor.ace.exportText().replace(/\n$/, '') };
      });
      const panel = await panelFor(browser, opened);
      try {
        await typeIn(opened, pad.editable, `${TYPED} `);
        const position = await waitForCard(panel, 'délai de réflexion');
        expect(await panel.evaluate(() => document.querySelector('[data-testid="writing-in"]')?.getAttribute('data-editor'))).toBe('etherpad');
        await expect.poll(() => etherpad.padText(padId), { timeout: 15_000 }).toBe(`${TYPED} \n`);

        await expect(pressOnCard(panel, position.id, 'insert')).resolves.toBe(fr.inserted?.message);
        const withWording = `${TYPED} ${position.text}`;
        expect(await editorText(opened.page)).toBe(withWording);
        // The server has it, once: its API and the text export a user downloads.
        await expect.poll(() => etherpad.padText(padId), { timeout: 15_000 }).toBe(`${withWording}\n`);
        expect((await etherpad.exportText(padId)).split(position.text).length - 1).toBe(1);

        // One Ctrl+Z: exactly what the user typed is left, in the pad and on the server.
        await undoIn(opened, pad.editable);
        await expect.poll(() => editorText(opened.page)).toBe(`${TYPED} `);
        await expect.poll(() => etherpad.padText(padId), { timeout: 15_000 }).toBe(`${TYPED} \n`);
        expect((await etherpad.exportText(padId)).trimEnd()).toBe(TYPED);
      } finally {
        await Promise.all([panel.close(), opened.page.close()]);
      }
    });
  });

  describe('a real Etherpad, reached as Etherpad 2 must be (its toolbar, no module system in the page)', () => {
    const pad = { frames: ['iframe[name="ace_outer"]', 'iframe[name="ace_inner"]'], editable: '#innerdocbody' };

    // Etherpad 2 bundles its modules: its pad page has no `require` and no `padeditor`, only the toolbar
    // (`padeditbar`), the same object with the same commands as in 1.8.14. Taking `require` away from this
    // real 1.8.14 pad leaves the extension that one way in (checked by hand against Etherpad 2.5.3 too).
    test('with no `require` in the page, Insérer still goes through the editor: one Ctrl+Z leaves exactly what the user typed', async () => {
      const padId = `positions-bar-${browserName}-${Date.now().toString(36)}`;
      const opened = await openEditor(browser, `${etherpad.url}p/${padId}`, pad, () => (window as unknown as { pad?: { collabClient?: unknown } }).pad?.collabClient !== undefined);
      await opened.page.evaluate(() => {
        const w = window as unknown as { require?: (m: string) => { padeditor: { ace: { exportText(): string } } }; fixture?: unknown };
        const load = w.require!;
        w.fixture = { text: () => load('ep_etherpad-lite/static/js/pad_editor').padeditor.ace.exportText().replace(/\n$/, '') };
        w.require = undefined;
      });
      const panel = await panelFor(browser, opened);
      try {
        await typeIn(opened, pad.editable, `${TYPED} `);
        const position = await waitForCard(panel, 'délai de réflexion');
        await expect.poll(() => etherpad.padText(padId), { timeout: 15_000 }).toBe(`${TYPED} \n`);
        await expect(pressOnCard(panel, position.id, 'insert')).resolves.toBe(fr.inserted?.message);
        expect(await editorText(opened.page)).toBe(`${TYPED} ${position.text}`);
        await expect.poll(() => etherpad.padText(padId), { timeout: 15_000 }).toBe(`${TYPED} ${position.text}\n`);
        await undoIn(opened, pad.editable);
        await expect.poll(() => editorText(opened.page)).toBe(`${TYPED} `);
        await expect.poll(() => etherpad.padText(padId), { timeout: 15_000 }).toBe(`${TYPED} \n`);
      } finally {
        await Promise.all([panel.close(), opened.page.close()]);
      }
    });
  });

  describe('Google-Docs-shaped page (a stand-in, not Google Docs: README « Google Docs »)', () => {
    const docsPage = { frames: [], editable: 'canvas' };
    const writingIn = (panel: TestPage) => panel.evaluate(() => document.querySelector('[data-testid="writing-in"]')?.textContent ?? '');

    test('under docs.google.com the annotated mode is on, asked with Positions’ own id; the paragraph at the caret is read while typing; « Insérer » pastes, reported unverified', async () => {
      const opened = await openEditor(browser, `${docs.url}document/d/gdocs.html`, docsPage);
      const panel = await panelFor(browser, opened);
      try {
        // Positions' own identity: its extension id (Firefox: the add-on id of the manifest).
        const ownId = browserName === 'firefox' ? 'positions@contrelatraite.org' : new URL(browser.extensionBase).host;
        expect(await opened.page.evaluate(() => (window as unknown as { _docs_annotate_canvas_by_ext?: string })._docs_annotate_canvas_by_ext)).toBe(ownId);
        // …set before the page's own script started, which is when Docs reads it.
        expect(await opened.page.evaluate(() => (window as unknown as { fixture: { annotatedBy: string | null } }).fixture.annotatedBy)).toBe(ownId);

        await recordParagraphs(panel, await tabIdOf(browser, opened.url));
        await opened.page.bringToFront();
        await opened.page.click('canvas');
        await opened.page.type('Objet : délai.');
        await opened.page.press('Enter');
        await opened.page.type(`${TYPED} `);
        // Only the paragraph at the caret, from the annotation layer (three drawn lines joined), no selection.
        const paragraph = await waitForParagraph(panel, 'pour les victimes.');
        expect(paragraph).toMatchObject({ editor: 'gdocs', text: TYPED });
        expect(paragraph.from).toBeUndefined();
        const position = await waitForCard(panel, 'délai de réflexion');
        expect(await writingIn(panel)).not.toContain(fr.writingFromSelection?.message);

        // Firefox gives a paste made by script an empty clipboardData of its own, but lets it be written before the
        // event is sent (utils/content/pageBridgeMain.ts): Docs gets the text there too.
        await expect(pressOnCard(panel, position.id, 'insert')).resolves.toBe(fr.insertedUnverified?.message);
        expect(spaced(await editorText(opened.page))).toBe(`Objet : délai.\n${TYPED} ${spaced(position.text)}`);
      } finally {
        await Promise.all([panel.close(), opened.page.close()]);
      }
    });

    test('without the annotation layer, only the selection is read, and the panel says so', async () => {
      // Elsewhere than docs.google.com no flag is set: the stand-in draws no layer, as Docs would not.
      const opened = await openEditor(browser, `${server.url}fixtures/editors/gdocs.html`, docsPage);
      const panel = await panelFor(browser, opened);
      try {
        expect(await opened.page.evaluate(() => (window as unknown as { fixture: { annotatedBy: string | null } }).fixture.annotatedBy)).toBeNull();
        await recordParagraphs(panel, await tabIdOf(browser, opened.url));
        await opened.page.bringToFront();
        await opened.page.click('canvas');
        await opened.page.type(`${TYPED} `);
        await opened.frame.child('iframe.docs-texteventtarget-iframe').then((hidden) => hidden.evaluate(() => (window.parent as unknown as { fixture: { selectParagraph(i: number): void } }).fixture.selectParagraph(0)));
        const paragraph = await waitForParagraph(panel, 'pour les victimes.');
        expect(paragraph).toMatchObject({ editor: 'gdocs', from: 'selection', text: TYPED });
        await waitForCard(panel, 'délai de réflexion');
        expect(await writingIn(panel)).toContain(fr.writingFromSelection?.message);
      } finally {
        await Promise.all([panel.close(), opened.page.close()]);
      }
    });
  });

  describe('what the panel offers, and what it never does', () => {
    const textarea = EDITORS.find((e) => e.name === 'textarea')!;
    const openTextarea = async () => {
      const opened = await openEditor(browser, `${server.url}fixtures/editors/textarea.html`, textarea);
      return { opened, panel: await panelFor(browser, opened) };
    };

    test('an off-topic paragraph: no card, one quiet line', async () => {
      const { opened, panel } = await openTextarea();
      try {
        await typeIn(opened, textarea.editable, OFF_TOPIC);
        const reason = await panel.waitFor(() => document.querySelector('[data-testid="suggestions-empty"]')?.getAttribute('data-reason') === 'no-match' || undefined, undefined, 15_000);
        expect(reason).toBe(true);
        expect(await panel.evaluate(() => document.querySelector('[data-testid="suggestions-empty"]')?.textContent)).toBe(fr.suggestionsNone?.message);
        expect(await panel.evaluate((cards) => document.querySelectorAll(cards).length, CARDS)).toBe(0);
      } finally {
        await Promise.all([panel.close(), opened.page.close()]);
      }
    });

    test('the government’s and the CNCDH’s words are labelled and have no « Insérer »; only the Collectif’s wording can be inserted', async () => {
      const { opened, panel } = await openTextarea();
      try {
        await typeIn(opened, textarea.editable, CONTEXT_PARAGRAPH);
        await panel.waitFor((cards) => document.querySelector(`${cards}[data-author="gouvernement"]`) !== null || undefined, CARDS);
        const cards = await panel.evaluate(
          (sel) =>
            [...document.querySelectorAll(sel)].map((card) => ({
              author: card.getAttribute('data-author') ?? '',
              badge: card.querySelector('[data-testid="author-badge"]')?.textContent ?? '',
              insert: card.querySelectorAll('[data-testid="insert"], [data-testid="insert-cited"]').length,
            })),
          CARDS,
        );
        expect(cards.map((c) => c.author)).toEqual(expect.arrayContaining(['gouvernement', 'cncdh']));
        for (const card of cards) {
          if (card.author === 'gouvernement') expect(card.badge).toBe(fr.authorGouvernement?.message);
          // The CNCDH's badge names its kind of text (recommandation, observation…): always the CNCDH's.
          if (card.author === 'cncdh') expect(card.badge).toMatch(/CNCDH/);
          expect(card.insert).toBe(isOurs(card.author as 'collectif') ? 2 : 0);
        }
      } finally {
        await Promise.all([panel.close(), opened.page.close()]);
      }
    });

    test('a password field and an address field are never read', async () => {
      const { opened, panel } = await openTextarea();
      try {
        await typeIn(opened, '#password', 'secret délai de réflexion');
        await typeIn(opened, '#to', 'contact@example.org');
        await sleep(1000);
        expect(await panel.evaluate(() => document.querySelector('[data-testid="suggestions-empty"]')?.getAttribute('data-reason'))).toBe('not-writing');
        expect(await panel.evaluate((cards) => document.querySelectorAll(cards).length, CARDS)).toBe(0);
      } finally {
        await Promise.all([panel.close(), opened.page.close()]);
      }
    });

    test('code shown in a read-only CodeMirror 5 is never read, even clicked and typed in', async () => {
      const fixture = EDITORS.find((e) => e.name === 'codemirror5')!;
      const opened = await openEditor(browser, `${server.url}fixtures/editors/codemirror5.html`, fixture);
      const panel = await panelFor(browser, opened);
      try {
        await opened.frame.evaluate((text) => {
          const cm = (window as unknown as { cm: { setValue(v: string): void; setOption(k: string, v: unknown): void } }).cm;
          cm.setValue(text);
          cm.setOption('readOnly', true);
        }, TYPED);
        await typeIn(opened, '.CodeMirror-line', ' délai de réflexion');
        await sleep(1000);
        expect(await panel.evaluate(() => document.querySelector('[data-testid="suggestions-empty"]')?.getAttribute('data-reason'))).toBe('not-writing');
        expect(await panel.evaluate((cards) => document.querySelectorAll(cards).length, CARDS)).toBe(0);
      } finally {
        await Promise.all([panel.close(), opened.page.close()]);
      }
    });

    test('the extension’s pages are refused any connection by their CSP', async () => {
      const panel = await browser.openExtensionPage('sidepanel.html');
      try {
        const attempt = await panel.evaluate((url) => fetch(url).then(() => 'sent', () => 'refused'), `${server.url}fixtures/index.html`);
        expect(attempt).toBe('refused');
      } finally {
        await panel.close();
      }
    });

    test('every request went to the test servers or stayed inside the extension', () => {
      const local = [server.url, etherpad.url, docs.url, browser.extensionBase];
      const outside = browser.requests.filter((url) => !local.some((prefix) => url.startsWith(prefix)) && !url.startsWith('data:') && !url.startsWith('about:'));
      expect(browser.requests.length).toBeGreaterThan(0);
      expect(outside).toEqual([]);
    });
  });
});
