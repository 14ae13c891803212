/**
 * A real Roundcube Webmail (Debian's roundcube-core 1.6, a real Dovecot behind it: tests/e2e/roundcubeServer.ts),
 * in Chromium and in Firefox, as an association's member uses it: log in, « Rédiger », write in the
 * plain-text body (Roundcube's default) or, after the editor's « HTML » switch, in its TinyMCE 5; reply to
 * a minister's office under its quoted message, in plain text and in HTML. A card appears in the panel,
 * from what the user wrote only (never the quote); « Insérer » puts exactly its wording at the caret; one
 * Ctrl+Z takes it away and leaves what was typed; « Enregistrer » (save as draft) stores, on the IMAP
 * server, what was typed and the insert once, nothing else. Above a forwarded message or the identity's
 * signature (plain text and HTML), a short first line is searched alone. A message opened in its own pop-up
 * window (« Ouvrir dans une nouvelle fenêtre ») is followed by the panel of the window beside it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BROWSERS, launchBrowser, type TestBrowser, type TestPage } from './browsers';
import { cardSelector, editorText, messages, panelFor, pressOnCard, recordParagraphs, spaced, tabIdOf, typeIn, undoIn, waitForCard, waitForParagraph, type OpenedEditor } from './chain';
import { TYPED } from './editorHarness';
import { mailboxSettled, mailFromCabinet, ROUNDCUBE_USER, startRoundcube, type RoundcubeServer } from './roundcubeServer';

const fr = messages('fr');
let roundcube: RoundcubeServer;

/** A message from a minister's office, in the inbox: the reply test answers it. */
const FROM_CABINET = mailFromCabinet('Réunion du 12 janvier', 'reunion-12-janvier', [
  'Madame,',
  '',
  'Nous vous confirmons la réunion du 12 janvier au ministère, à 10 heures.',
  'Merci de nous transmettre vos observations avant cette date.',
  '',
  'Le cabinet',
]);

beforeAll(async () => {
  roundcube = await startRoundcube();
  roundcube.deliver(FROM_CABINET);
}, 60_000);

/**
 * The text of a saved message as its reader sees it: the text/plain part (of a multipart message too),
 * its transfer encoding undone, format=flowed lines joined again (RFC 3676), in UTF-8.
 */
function plainTextOf(stored: string): string {
  // Dovecot stores lines ending in LF; the message says CRLF.
  const raw = stored.replace(/\r?\n/g, '\r\n');
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? '';
  const type = header('Content-Type');
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith('--')) break;
      const text = plainTextOf(part.replace(/^\r\n/, ''));
      if (text) return text;
    }
    return '';
  }
  if (type && !/^text\/plain/i.test(type)) return '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const bytes =
    encoding === 'quoted-printable'
      ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1')
      : encoding === 'base64'
        ? Buffer.from(body, 'base64')
        : Buffer.from(body, 'latin1');
  const text = bytes.toString('utf8');
  if (!/format=flowed/i.test(type)) return text;
  // Flowed: a line ending in a space goes on with the next one; a leading space was added (stuffing).
  return text
    .split('\r\n')
    .map((line) => (line.startsWith(' ') ? line.slice(1) : line))
    .reduce((lines: string[], line) => {
      const last = lines.length - 1;
      if (last >= 0 && lines[last]!.endsWith(' ') && lines[last] !== '-- ') lines[last] += line;
      else lines.push(line);
      return lines;
    }, [])
    .join('\n');
}

/** « Enregistrer »: saves the message as a draft, on the IMAP server; returns the draft's text. */
async function saveDraft(page: TestPage): Promise<string> {
  const before = roundcube.messages('Drafts').length;
  await page.bringToFront();
  await page.click('a.save.draft');
  // Saving again replaces the previous draft: wait for the folder to hold one message fewer or more
  // than before, then the newest one.
  await page.waitFor(() => document.querySelector('#messagestack')?.textContent?.includes('Brouillons') === true, undefined, 15_000);
  const drafts = roundcube.messages('Drafts');
  if (drafts.length === 0) throw new Error(`saveDraft: no draft on the server (${before} before).\n${roundcube.logs()}`);
  return plainTextOf(drafts[drafts.length - 1]!);
}
afterAll(async () => {
  await roundcube?.close();
});

/** Logs in through Roundcube's own login form, once per browser (the session cookie serves every tab). */
async function logIn(browser: TestBrowser): Promise<void> {
  const page = await browser.openPage(`${roundcube.url}?_task=login`);
  try {
    await page.waitForSelector('#rcmloginuser', 30_000);
    await page.click('#rcmloginuser');
    await page.type(ROUNDCUBE_USER.name);
    await page.click('#rcmloginpwd');
    await page.type(ROUNDCUBE_USER.password);
    await page.press('Enter');
    await page.waitFor(mailboxSettled, undefined, 30_000);
  } finally {
    await page.close();
  }
}

/** « Rédiger »: a new message's compose page, ready (Roundcube's `rcmail` initialised, its body there). */
async function compose(browser: TestBrowser): Promise<TestPage> {
  const page = await browser.openPage(`${roundcube.url}?_task=mail&_action=compose`);
  await page.waitFor(() => (window as unknown as { rcmail?: { env?: { compose_id?: string }; loaded?: boolean } }).rcmail?.env?.compose_id !== undefined, undefined, 30_000);
  await page.waitForSelector('#composebody', 30_000);
  return page;
}

/** Paramètres › Préférences › Rédaction des courriels › « Rédiger en HTML » : toujours, or never (the default). */
async function setComposeInHtml(browser: TestBrowser, always: boolean): Promise<void> {
  const page = await browser.openPage(`${roundcube.url}?_task=settings&_action=edit-prefs&_section=compose&_framed=1`);
  try {
    await page.waitForSelector('select[name="_htmleditor"]', 30_000);
    await page.evaluate((value) => {
      (window as unknown as { __positionsBeforeSave?: boolean }).__positionsBeforeSave = true;
      const select = document.querySelector('select[name="_htmleditor"]') as HTMLSelectElement;
      select.value = value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      (window as unknown as { rcmail: { command(name: string): void } }).rcmail.command('save');
    }, always ? '1' : '0');
    // Saving posts the form; Roundcube answers with the same page, the saved value selected.
    await page.waitFor(
      (value) => !(window as unknown as { __positionsBeforeSave?: boolean }).__positionsBeforeSave && (document.querySelector('select[name="_htmleditor"]') as HTMLSelectElement | null)?.value === value,
      always ? '1' : '0',
      30_000,
    );
  } finally {
    await page.close();
  }
}

/**
 * Paramètres › Identités › the test user's identity: its plain-text signature (`''` removes it). Its address
 * becomes one Roundcube's form accepts (the login's, `marie@127.0.0.1`, is refused as invalid on saving).
 */
async function setSignature(browser: TestBrowser, signature: string): Promise<void> {
  const page = await browser.openPage(`${roundcube.url}?_task=settings&_action=edit-identity&_iid=1&_framed=1`);
  try {
    await page.waitForSelector('#rcmfd_signature', 30_000);
    await page.evaluate((text) => {
      (window as unknown as { __positionsBeforeSave?: boolean }).__positionsBeforeSave = true;
      (document.querySelector('#rcmfd_email') as HTMLInputElement).value = 'marie@collectif.example';
      (document.querySelector('#rcmfd_signature') as HTMLTextAreaElement).value = text;
      (window as unknown as { rcmail: { command(name: string): void } }).rcmail.command('save');
    }, signature);
    // Saving posts the form; Roundcube answers with the same page, the saved signature in it.
    await page.waitFor(
      (text) => !(window as unknown as { __positionsBeforeSave?: boolean }).__positionsBeforeSave && (document.querySelector('#rcmfd_signature') as HTMLTextAreaElement | null)?.value === text,
      signature,
      30_000,
    );
  } finally {
    await page.close();
  }
}

/** Roundcube's plain-text body as the editor under test: `editorText` reads the <textarea>'s value. */
async function plainBody(page: TestPage): Promise<OpenedEditor> {
  await page.evaluate(() => {
    (window as unknown as { fixture: unknown }).fixture = { text: () => (document.querySelector('#composebody') as HTMLTextAreaElement).value };
  });
  return { page, frame: page, url: page.url() };
}

/**
 * Above what Roundcube already put in a plain-text body (a forwarded message, a signature): the user clicks at
 * its very top and writes a short first line, then a paragraph. The short line is searched alone (never with
 * what is below as its context), the paragraph without what is below, and « Insérer » puts the card's wording
 * after the paragraph, the rest of the body as it was.
 */
async function writeAtTheTop(browser: TestBrowser, opened: OpenedEditor, firstLine: string): Promise<void> {
  const { page } = opened;
  const below = await editorText(page);
  const panel = await panelFor(browser, opened);
  try {
    await recordParagraphs(panel, await tabIdOf(browser, opened.url));
    await page.bringToFront();
    await page.evaluate(() => {
      const body = document.querySelector('#composebody') as HTMLTextAreaElement;
      body.focus();
      body.setSelectionRange(0, 0);
    });
    await page.type(firstLine);
    expect(await waitForParagraph(panel, firstLine)).not.toHaveProperty('context');
    await page.press('Enter');
    await page.press('Enter');
    await page.type(`${TYPED} `);
    expect((await waitForParagraph(panel, 'pour les victimes.')).text).toBe(TYPED);
    const position = await waitForCard(panel, 'délai de réflexion');
    await expect(pressOnCard(panel, position.id, 'insert')).resolves.toBe(fr.inserted?.message);
    expect(await editorText(page)).toBe(`${firstLine}\n\n${TYPED} ${position.text}${below}`);
  } finally {
    await panel.close();
  }
}

describe.each(BROWSERS)('%s', (browserName) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await launchBrowser(browserName);
    await logIn(browser);
  }, 60_000);
  afterAll(() => browser?.close());

  test('plain-text body (Roundcube’s default): a card appears; Insérer puts its wording at the caret; Ctrl+Z leaves what was typed', async () => {
    const page = await compose(browser);
    const opened = await plainBody(page);
    const panel = await panelFor(browser, opened);
    try {
      await typeIn(opened, '#composebody', `${TYPED} `);
      const position = await waitForCard(panel, 'délai de réflexion');
      expect(await panel.evaluate(() => document.querySelector('[data-testid="writing-in"]')?.getAttribute('data-editor'))).toBe('textarea');
      // The panel names the webmail, not its <textarea>: « Vous écrivez dans Roundcube — 127.0.0.1 ».
      expect(await panel.evaluate(() => document.querySelector('[data-testid="writing-in"]')?.textContent)).toMatch(/^Vous écrivez dans Roundcube — /);
      expect(await editorText(page)).toBe(`${TYPED} `);
      await expect(pressOnCard(panel, position.id, 'insert')).resolves.toBe(fr.inserted?.message);
      expect(await editorText(page)).toBe(`${TYPED} ${position.text}`);
      // What Roundcube keeps, on the server: the draft holds the insert, once, after what was typed.
      expect((await saveDraft(page)).trimEnd()).toBe(`${TYPED} ${position.text}`);
      await undoIn(opened, '#composebody');
      await expect.poll(() => editorText(page)).toBe(`${TYPED} `);
    } finally {
      await Promise.all([panel.close(), page.close()]);
    }
  });

  test('a reply, under the quoted message: only the paragraph being written is read, not the quote; Insérer and Ctrl+Z as in a new message', async () => {
    const page = await browser.openPage(`${roundcube.url}?_task=mail&_action=compose&_reply_uid=1&_mbox=INBOX`);
    await page.waitFor(() => (window as unknown as { rcmail?: { env?: { compose_id?: string } } }).rcmail?.env?.compose_id !== undefined, undefined, 30_000);
    await page.waitFor(() => (document.querySelector('#composebody') as HTMLTextAreaElement | null)?.value.includes('> Le cabinet') === true, undefined, 30_000);
    const opened = await plainBody(page);
    const quoted = await editorText(page);
    const panel = await panelFor(browser, opened);
    try {
      await recordParagraphs(panel, await tabIdOf(browser, opened.url));
      // Roundcube puts the caret under the quote (its default, « commencer sous la citation ») and the
      // focus in the body: the user writes there without clicking. A short first line is searched alone,
      // not with the quote above it as its context.
      await page.bringToFront();
      await page.type('Madame,');
      expect(await waitForParagraph(panel, 'Madame,')).not.toHaveProperty('context');
      await page.press('Enter');
      await page.press('Enter');
      await page.type(`${TYPED} `);
      const paragraph = await waitForParagraph(panel, 'pour les victimes.');
      expect(paragraph.text).toBe(TYPED);
      const position = await waitForCard(panel, 'délai de réflexion');
      const written = await editorText(page);
      expect(written.startsWith(quoted.trimEnd())).toBe(true);
      await expect(pressOnCard(panel, position.id, 'insert')).resolves.toBe(fr.inserted?.message);
      expect(await editorText(page)).toBe(written.replace(`${TYPED} `, `${TYPED} ${position.text}`));
      await undoIn(opened, '#composebody');
      await expect.poll(() => editorText(page)).toBe(written);
    } finally {
      await Promise.all([panel.close(), page.close()]);
    }
  });

  test('a forward (« Transférer », inline, plain text): « Madame, » written above the forwarded message is searched alone; the paragraph under it is read without it', async () => {
    const page = await browser.openPage(`${roundcube.url}?_task=mail&_action=compose&_forward_uid=1&_mbox=INBOX`);
    // Roundcube's own header over the forwarded message (compose.php), in French, with no `>` marks.
    await page.waitFor(() => /-------- Courriel original --------\nObjet: /.test((document.querySelector('#composebody') as HTMLTextAreaElement | null)?.value ?? ''), undefined, 30_000);
    // The focus is in « À » (no recipient yet): the user clicks at the top of the body, above the header.
    try {
      await writeAtTheTop(browser, await plainBody(page), 'Madame,');
    } finally {
      await page.close();
    }
  });

  test('a signature (Paramètres › Identités): « Merci. » written above it is searched alone; the paragraph above it is read without it', async () => {
    const SIGNATURE = 'Marie Dupont\nCollectif « Ensemble contre la traite des êtres humains »\nSecours Catholique – Caritas France';
    await setSignature(browser, SIGNATURE);
    try {
      const page = await compose(browser);
      // Roundcube puts the signature under its own separator (« -- », RFC 3676), below an empty first line.
      await page.waitFor(() => ((document.querySelector('#composebody') as HTMLTextAreaElement | null)?.value ?? '').includes('\n-- \nMarie Dupont'), undefined, 30_000);
      try {
        await writeAtTheTop(browser, await plainBody(page), 'Merci.');
      } finally {
        await page.close();
      }
    } finally {
      await setSignature(browser, '');
    }
  });

  test('the signature in an HTML message (TinyMCE 5, Roundcube’s `_rc_sig`): « Merci. » written above it is searched alone', async () => {
    await setSignature(browser, 'Marie Dupont\nCollectif « Ensemble contre la traite des êtres humains »');
    await setComposeInHtml(browser, true);
    try {
      const page = await browser.openPage(`${roundcube.url}?_task=mail&_action=compose`);
      await page.waitFor(() => (window as unknown as { tinymce?: { get(id: string): { getContent(): string } | null } }).tinymce?.get('composebody')?.getContent().includes('Marie Dupont') === true, undefined, 30_000);
      const opened: OpenedEditor = { page, frame: await page.child('#composebody_ifr'), url: page.url() };
      // Roundcube's own mark around the signature, in the editor's document.
      expect(await opened.frame.evaluate(() => document.querySelector('body#tinymce #_rc_sig')?.textContent ?? '')).toContain('Marie Dupont');
      const panel = await panelFor(browser, opened);
      try {
        await recordParagraphs(panel, await tabIdOf(browser, opened.url));
        await typeIn(opened, 'body#tinymce > :first-child', 'Merci.');
        expect(await waitForParagraph(panel, 'Merci.')).not.toHaveProperty('context');
      } finally {
        await Promise.all([panel.close(), page.close()]);
      }
    } finally {
      await setComposeInHtml(browser, false);
      await setSignature(browser, '');
    }
  });

  test('« Ouvrir dans une nouvelle fenêtre » (a pop-up window, with no panel of its own): the panel of the window beside it follows it; Insérer writes into the pop-up', async () => {
    const page = await compose(browser);
    // The panel's page without `?tab=`: it follows its own window, as the side panel (Chrome) and the sidebar (Firefox) do.
    const panel = await browser.openExtensionPage('sidepanel.html');
    let popup: TestPage | undefined;
    try {
      await panel.waitForSelector('[data-testid="mode-suggestions"]', 30_000);
      popup = await browser.pageOpenedBy(() => page.click('a.extwin'));
      await popup.waitForSelector('#composebody', 30_000);
      // What the browser made of it: a pop-up window, apart from the panel's.
      const kind = await panel.evaluate(async () => {
        type Windows = { getAll(o: { populate: boolean }): Promise<Array<{ type?: string; tabs?: Array<{ url?: string }> }>> };
        const scope = globalThis as unknown as { browser?: { windows: Windows }; chrome: { windows: Windows } };
        const windows = await (scope.browser ?? scope.chrome).windows.getAll({ populate: true });
        return windows.find((w) => (w.tabs ?? []).some((t) => (t.url ?? '').includes('_extwin=1')))?.type;
      });
      expect(kind).toBe('popup');
      await popup.bringToFront();
      await popup.click('#composebody');
      await popup.type(`${TYPED} `);
      const position = await waitForCard(panel, 'délai de réflexion');
      expect(await panel.evaluate(() => document.querySelector('[data-testid="writing-in"]')?.textContent)).toMatch(/^Vous écrivez dans Roundcube — /);
      // A click in the panel, as the user makes it (not bringing its tab to the front: the side panel is no tab).
      await panel.click(`${cardSelector(position.id)} [data-testid="insert"]`);
      await expect.poll(() => popup!.evaluate(() => (document.querySelector('#composebody') as HTMLTextAreaElement).value)).toBe(`${TYPED} ${position.text}`);
    } finally {
      await Promise.all([popup?.close(), panel.close(), page.close()]);
    }
  });

  test('an HTML reply (TinyMCE 5, « Rédiger en HTML : toujours »), under the quote: only the paragraph being written is read; Insérer and Ctrl+Z', async () => {
    await setComposeInHtml(browser, true);
    const page = await browser.openPage(`${roundcube.url}?_task=mail&_action=compose&_reply_uid=1&_mbox=INBOX`);
    await page.waitFor(() => (window as unknown as { tinymce?: { get(id: string): { getContent(): string } | null } }).tinymce?.get('composebody')?.getContent().includes('Le cabinet') === true, undefined, 30_000);
    const opened: OpenedEditor = { page, frame: await page.child('#composebody_ifr'), url: page.url() };
    const panel = await panelFor(browser, opened);
    try {
      await page.evaluate(() => {
        type Tiny = { get(id: string): { getContent(o?: { format: string }): string } };
        (window as unknown as { fixture: unknown }).fixture = { text: () => (window as unknown as { tinymce: Tiny }).tinymce.get('composebody').getContent({ format: 'text' }) };
      });
      const quoted = spaced(await editorText(page));
      await recordParagraphs(panel, await tabIdOf(browser, opened.url));
      // Roundcube leaves an empty paragraph under the quote: the user clicks there and writes, a short first
      // line (searched alone, not with the quote above it as its context), then the paragraph.
      await typeIn(opened, 'body#tinymce > blockquote + p', 'Madame,');
      expect(await waitForParagraph(panel, 'Madame,')).not.toHaveProperty('context');
      await page.press('Enter');
      await page.type(`${TYPED} `);
      const paragraph = await waitForParagraph(panel, 'pour les victimes.');
      expect(paragraph.text).toBe(TYPED);
      const position = await waitForCard(panel, 'délai de réflexion');
      const written = spaced(await editorText(page));
      expect(written.startsWith(quoted.trimEnd())).toBe(true);
      await expect(pressOnCard(panel, position.id, 'insert')).resolves.toBe(fr.inserted?.message);
      expect(spaced(await editorText(page))).toBe(written.replace(`${TYPED} `, `${TYPED} ${spaced(position.text)}`));
      await undoIn(opened, 'body#tinymce');
      await expect.poll(async () => spaced(await editorText(page)).trimEnd()).toBe(written.trimEnd());
    } finally {
      await Promise.all([panel.close(), page.close()]);
      await setComposeInHtml(browser, false);
    }
  });

  test('HTML body (TinyMCE 5, after the editor’s « HTML » switch): a card appears; Insérer puts its wording at the caret; Ctrl+Z leaves what was typed', async () => {
    const page = await compose(browser);
    await page.click('#composebodycontainer .editor-toolbar a.mce-i-html');
    await page.waitFor(() => (window as unknown as { tinymce?: { get(id: string): { initialized?: boolean } | null } }).tinymce?.get('composebody')?.initialized === true, undefined, 30_000);
    const frame = await page.child('#composebody_ifr');
    const opened: OpenedEditor = { page, frame, url: page.url() };
    await page.evaluate(() => {
      type Tiny = { get(id: string): { getContent(o: { format: string }): string } };
      (window as unknown as { fixture: unknown }).fixture = { text: () => (window as unknown as { tinymce: Tiny }).tinymce.get('composebody').getContent({ format: 'text' }) };
    });
    const panel = await panelFor(browser, opened);
    try {
      await typeIn(opened, 'body#tinymce', `${TYPED} `);
      const position = await waitForCard(panel, 'délai de réflexion');
      expect(await panel.evaluate(() => document.querySelector('[data-testid="writing-in"]')?.getAttribute('data-editor'))).toBe('tinymce');
      // From TinyMCE's iframe too, the panel names Roundcube.
      expect(await panel.evaluate(() => document.querySelector('[data-testid="writing-in"]')?.textContent)).toMatch(/^Vous écrivez dans Roundcube — /);
      await expect(pressOnCard(panel, position.id, 'insert')).resolves.toBe(fr.inserted?.message);
      expect(spaced(await editorText(page))).toBe(`${TYPED} ${spaced(position.text)}`);
      // The draft on the server: its text part (Roundcube writes one beside the HTML) holds the insert once.
      expect(spaced(await saveDraft(page)).trimEnd()).toBe(`${TYPED} ${spaced(position.text)}`);
      await undoIn(opened, 'body#tinymce');
      await expect.poll(async () => spaced(await editorText(page)).trimEnd()).toBe(TYPED);
    } finally {
      await Promise.all([panel.close(), page.close()]);
    }
  });
});

