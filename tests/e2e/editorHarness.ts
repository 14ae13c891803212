/**
 * Helpers for the page-side e2e tests (issue 5), reusable by the side panel's tests: open an
 * editor fixture, type in it, read it through the editor's own API, follow its tab from an
 * extension page (as the side panel does) and insert from there.
 *
 * Playwright has no side-panel API: the panel's page is opened in a tab and told which tab to
 * follow (`sidepanel.html?tab=<id>`), which the product supports anyway.
 */
import type { Frame, Page } from 'playwright-core';
import bundled from '../../data/library/generated/library.json';
import { quoteForLetter } from '../../data/library/citation';
import type { Library } from '../../data/library/schema';
import type { EditorKind, FocusedParagraph, InsertRequest, InsertResult, InsertStrategy, PanelParagraph, Reply } from '../../data/protocol';
import { buildEditorFixtures } from './buildEditorFixtures';
import { launchExtension, type LaunchedExtension } from './extension';
import { startServer, type StaticServer } from './server';

/** What a member of the Collectif might write (matches the positions on the reflection period). */
export const TYPED = 'Nous demandons que le délai de réflexion de trente jours soit porté à trois mois pour les victimes.';
/**
 * « Insérer avec la source » on the Collectif's position on the reflection period: the panel sends
 * `INSERT`, the background composes `WORDING` (« wording » and its citation) from the library.
 */
export const INSERT: InsertRequest = { kind: 'position', id: 'cr-2014-02-03:92f8481f', variant: 'source' };
const LIBRARY = bundled as unknown as Library;
const POSITION = LIBRARY.positions.find((p) => p.id === INSERT.id)!;
export const WORDING = quoteForLetter(POSITION, LIBRARY.sources.find((s) => s.id === POSITION.sourceId));

export interface EditorFixture {
  /** Also the page's file name in tests/e2e/fixtures/editors/. */
  name: string;
  /** What the content script should recognise. */
  kind: EditorKind;
  /** Iframes from the page down to the editable, outermost first. */
  frames: string[];
  /** The editable, in the innermost frame. */
  editable: string;
  /** What the page is: the real editor from npm, or a look-alike (said in the test name). */
  real: string;
  /** The way in that works there (utils/editors/insertText.ts). */
  strategy: InsertStrategy;
  /**
   * How long after the last keystroke the editor itself may still touch its DOM (default 150 ms);
   * past that, a change while the extension reads is the extension's (tests/e2e/chain.test.ts).
   */
  settlesMs?: number;
  /**
   * The caret the editor draws itself and blinks (CodeMirror 5: `visibility` set every 530 ms, forever):
   * its changes are the editor's, not a change of the text (tests/e2e/chain.test.ts).
   */
  blinkingCaret?: string;
}

export const EDITORS: EditorFixture[] = [
  { name: 'textarea', kind: 'textarea', frames: [], editable: '#editor', real: 'a <textarea> (mail compose form)', strategy: 'execCommand' },
  { name: 'contenteditable', kind: 'contenteditable', frames: [], editable: '#editor', real: 'a plain contenteditable (mail compose)', strategy: 'execCommand' },
  { name: 'prosemirror', kind: 'prosemirror', frames: [], editable: '.ProseMirror', real: 'ProseMirror from npm (Tiptap, Nextcloud Text)', strategy: 'execCommand' },
  { name: 'tiptap', kind: 'prosemirror', frames: [], editable: '.tiptap', real: 'Tiptap 3 from npm, StarterKit (Nextcloud Text, Docmost)', strategy: 'execCommand' },
  { name: 'ckeditor5', kind: 'ckeditor5', frames: [], editable: '.ck-editor__editable', real: 'CKEditor 5 from npm', strategy: 'paste' },
  { name: 'quill', kind: 'quill', frames: [], editable: '.ql-editor', real: 'Quill 2 from npm', strategy: 'execCommand' },
  { name: 'quill1', kind: 'quill', frames: [], editable: '.ql-editor', real: 'Quill 1.3.7 from npm (the Quill most sites still run)', strategy: 'execCommand' },
  { name: 'lexical', kind: 'lexical', frames: [], editable: '[data-lexical-editor]', real: 'Lexical from npm, rich text + history', strategy: 'execCommand' },
  { name: 'tinymce', kind: 'tinymce', frames: ['iframe.tox-edit-area__iframe'], editable: 'body#tinymce', real: 'TinyMCE from npm, in its iframe', strategy: 'editor-api' },
  { name: 'roundcube', kind: 'tinymce', frames: ['iframe.tox-edit-area__iframe'], editable: 'body#tinymce', real: 'Roundcube-style compose page, real TinyMCE 5 (as Roundcube 1.6 ships it) in its iframe', strategy: 'editor-api' },
  { name: 'gmail', kind: 'gmail', frames: [], editable: '#editor', real: 'Gmail-style compose markup (look-alike, the browser’s own editing)', strategy: 'execCommand' },
  { name: 'outlook', kind: 'outlook', frames: [], editable: '#editor', real: 'Outlook-style compose page, real roosterjs from npm', strategy: 'paste' },
  { name: 'slate', kind: 'slate', frames: [], editable: '[data-slate-editor]', real: 'Slate from npm (slate-react + slate-history)', strategy: 'editor-api' },
  { name: 'draftjs', kind: 'contenteditable', frames: [], editable: '.public-DraftEditor-content', real: 'Draft.js 0.11.7 from npm (its last release; Meta archived it)', strategy: 'paste' },
  { name: 'squire', kind: 'contenteditable', frames: [], editable: '#editor', real: 'Squire from npm (Fastmail compose)', strategy: 'paste' },
  { name: 'trix', kind: 'trix', frames: [], editable: 'trix-editor', real: 'Trix from npm (Basecamp, HEY)', strategy: 'editor-api' },
  { name: 'jodit', kind: 'jodit', frames: [], editable: '.jodit-wysiwyg', real: 'Jodit 4 from npm (CMS, back offices)', strategy: 'execCommand',
    // Jodit files the typing into its history 100 ms after the last key, then updates its toolbar
    // (undo button state) and its status bar (word and character counts) 100 ms or so later.
    settlesMs: 400 },
  { name: 'summernote', kind: 'summernote', frames: [], editable: '.note-editable', real: 'Summernote 0.9 from npm, with jQuery (back offices)', strategy: 'editor-api' },
  { name: 'editorjs', kind: 'contenteditable', frames: [], editable: '.ce-paragraph', real: 'Editor.js from npm (block editor)', strategy: 'execCommand' },
  { name: 'codemirror', kind: 'codemirror', frames: [], editable: '.cm-content', real: 'CodeMirror 6 from npm, Markdown (HedgeDoc 2)', strategy: 'execCommand' },
  { name: 'codemirror5', kind: 'codemirror5', frames: [], editable: '.CodeMirror', real: 'CodeMirror 5 from npm, Markdown (HedgeDoc 1, CodiMD)', strategy: 'editor-api',
    blinkingCaret: '.CodeMirror-cursors' },
  { name: 'shadow', kind: 'contenteditable', frames: [], editable: '#editor', real: 'a contenteditable in a web component’s open shadow root (Lit, Stencil apps)', strategy: 'execCommand' },
  { name: 'ckeditor4', kind: 'ckeditor4', frames: ['iframe.cke_wysiwyg_frame'], editable: 'body.cke_editable', real: 'CKEditor 4 from npm (CryptPad rich text), in its iframe', strategy: 'editor-api',
    // CKEditor 4 checks the selection at most every 200 ms, the last check up to 200 ms after the last
    // key; its table-selection plugin then sets and removes a temporary id (and class) on the <body>.
    settlesMs: 250 },
];

/** The bits of the extension API the helpers call from extension pages (evaluated in the browser). */
interface ChromeApi {
  tabs: { query(filter: object): Promise<Array<{ id?: number; url?: string }>> };
  runtime: {
    connect(info: { name: string }): { onMessage: { addListener(f: (m: PanelParagraph) => void): void }; postMessage(m: unknown): void };
    sendMessage(message: unknown): Promise<unknown>;
  };
}

declare global {
  interface Window {
    fixture?: { text(): string; caret?(): number; selectParagraph?(index: number): void };
    __positionsReceived?: PanelParagraph[];
    __positionsMutations?: Array<{ at: number; what: string }>;
  }
}

export interface OpenedFixture {
  page: Page;
  /** The frame holding the editable. */
  frame: Frame;
  url: string;
}

export async function openEditorFixture(ext: LaunchedExtension, server: StaticServer, fixture: EditorFixture, base = server.url): Promise<OpenedFixture> {
  const page = await ext.context.newPage();
  const url = `${base}fixtures/editors/${fixture.name}.html`;
  await page.goto(url);
  await page.waitForFunction(() => window.fixture !== undefined, undefined, { timeout: 20_000 });
  let frame = page.mainFrame();
  for (const selector of fixture.frames) {
    const handle = await frame.waitForSelector(selector);
    const child = await handle.contentFrame();
    if (!child) throw new Error(`openEditorFixture(${fixture.name}): ${selector} has no frame.`);
    frame = child;
  }
  await frame.waitForSelector(fixture.editable);
  return { page, frame, url };
}

/** The editor's text through its own API (quill.getText(), the ProseMirror document…), see each fixture's `window.fixture`. */
export function editorText(page: Page): Promise<string> {
  return page.evaluate(() => window.fixture?.text() ?? '');
}

/** Clicks into the editable and types like a user (real key events, one by one). */
export async function typeInEditor(opened: OpenedFixture, fixture: EditorFixture, text: string): Promise<void> {
  await opened.page.bringToFront();
  await opened.frame.click(fixture.editable);
  await opened.page.keyboard.type(text, { delay: 5 });
}

/** Records, in the editable's frame, every DOM mutation from now on (when, and what in short). */
export async function watchMutations(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    window.__positionsMutations = [];
    new MutationObserver((records) => {
      for (const r of records) {
        const target = r.target as Element;
        const nodes = (list: NodeList) => Array.from(list, (n) => `${n.nodeName}${n instanceof Element && n.className ? `.${String(n.className)}` : ''}`).join(',');
        const what = `${r.type} ${target.nodeName}${r.attributeName ? `[${r.attributeName}]` : ''}${r.addedNodes.length ? ` +${nodes(r.addedNodes)}` : ''}${r.removedNodes.length ? ` -${nodes(r.removedNodes)}` : ''} ${(target.textContent ?? '').slice(-30)}`;
        window.__positionsMutations?.push({ at: performance.now(), what });
      }
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/** Mutations recorded in `frame` since `since` (page clock, `performance.now()`), described. */
export function mutationsSince(frame: Frame, since: number): Promise<string[]> {
  return frame.evaluate((t) => (window.__positionsMutations ?? []).filter((m) => m.at >= t).map((m) => `+${Math.round(m.at - t)} ms ${m.what}`), since);
}

export function frameNow(frame: Frame): Promise<number> {
  return frame.evaluate(() => performance.now());
}

/** The extension's tab id for the page at `url` (the fixture host is granted, so tab URLs are visible). */
export function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  return extensionPage.evaluate(async (wanted) => {
    const tabs = await (globalThis as unknown as { chrome: ChromeApi }).chrome.tabs.query({});
    const tab = tabs.find((t) => t.url === wanted);
    if (tab?.id === undefined) throw new Error(`tabIdOf: no tab at ${wanted}`);
    return tab.id;
  }, url);
}

/** Opens the panel's page in a tab, following `tabId` through the `panel` port, as the side panel does. */
export async function openPanel(ext: LaunchedExtension, tabId?: number): Promise<Page> {
  const panel = await ext.openPage(tabId === undefined ? 'sidepanel.html' : `sidepanel.html?tab=${tabId}`);
  if (tabId !== undefined) await followInPanel(panel, tabId);
  return panel;
}

export async function followInPanel(panel: Page, tabId: number): Promise<void> {
  await panel.evaluate((id) => {
    window.__positionsReceived = [];
    const port = (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.connect({ name: 'panel' });
    port.onMessage.addListener((message: PanelParagraph) => window.__positionsReceived?.push(message));
    port.postMessage({ type: 'follow', tabId: id });
  }, tabId);
}

/** Waits until the followed tab's paragraph (pushed on the port) contains `fragment`, and returns it. */
export async function waitForParagraph(panel: Page, fragment: string, timeout = 10_000): Promise<FocusedParagraph> {
  const handle = await panel.waitForFunction(
    (wanted) => [...(window.__positionsReceived ?? [])].reverse().find((m) => m.paragraph?.text.includes(wanted))?.paragraph,
    fragment,
    { timeout },
  );
  return (await handle.jsonValue()) as FocusedParagraph;
}

/** Everything pushed to the panel so far. */
export function received(panel: Page): Promise<PanelParagraph[]> {
  return panel.evaluate(() => window.__positionsReceived ?? []);
}

/** Sends any protocol message from an extension page (the panel's side of `utils/messaging.ts`). */
export function ask<T>(extensionPage: Page, type: string, request: unknown): Promise<Reply & { value?: T }> {
  return extensionPage.evaluate(
    ({ type, request }) => (globalThis as unknown as { chrome: ChromeApi }).chrome.runtime.sendMessage({ channel: 'positions', type, request }),
    { type, request },
  ) as Promise<Reply & { value?: T }>;
}

/** « Insérer »: what the panel's button sends (a position and a variant; the background composes the text). */
export async function insertFromPanel(panel: Page, tabId: number, insert: InsertRequest = INSERT): Promise<InsertResult> {
  const reply = await ask<InsertResult>(panel, 'editor/insert', { tabId, insert });
  if (!reply.ok) throw new Error(`editor/insert failed: ${reply.error.message}`);
  return reply.value as InsertResult;
}

/** Ctrl+Z in the editor, as the user would after going back to the page. */
export async function undoInEditor(opened: OpenedFixture, fixture: EditorFixture): Promise<void> {
  await opened.page.bringToFront();
  await opened.frame.focus(fixture.editable);
  await opened.page.keyboard.press('Control+z');
}

/** What a file of editor tests shares: the built extension, the fixture server, every request seen. */
export interface EditorSession {
  ext: LaunchedExtension;
  server: StaticServer;
  /** Every request the browser made, pages and extension alike, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** Bundles the editor fixtures, starts the fixture server and the extension (French UI), records requests. */
export async function startEditorSession(): Promise<EditorSession> {
  await buildEditorFixtures();
  const [ext, server] = await Promise.all([launchExtension({ lang: 'fr', fixtureHosts: true }), startServer()]);
  const requests: string[] = [];
  ext.context.on('request', (request) => requests.push(request.url()));
  return {
    ext,
    server,
    requests,
    close: async () => {
      await Promise.all([ext.close(), server.close()]);
    },
  };
}
