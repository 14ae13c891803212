/**
 * The background's relay between page and panel (utils/background/createEditorRelay.ts), with the
 * browser replaced by plain functions: latest paragraph per tab and frame, pushes to the panels
 * following that tab only, inserts sent to the frame that had focus, honest failures.
 */
import { describe, expect, test } from 'vitest';
import type { FocusedParagraph, InsertResult, MessageContext, PanelParagraph, Paragraph } from '../../data/protocol';
import { composeInsert } from '../../data/library/composeInsert';
import { quoteForLetter } from '../../data/library/citation';
import { createEditorRelay } from '../../utils/background/createEditorRelay';
import { shows } from '../../utils/editors/insertText';
import { BUNDLE_V1 } from './libraryFixture';

const paragraph = (text: string): Paragraph => ({ text, editor: 'textarea', url: 'https://mail.asso.org/', title: 'Rédiger' });
const from = (tabId: number, frameId: number): MessageContext => ({ tabId, frameId, url: 'https://mail.asso.org/', fromExtensionPage: false });
const PAGE: MessageContext = { fromExtensionPage: true };
/** The Collectif's position in the fixture library (cr-a:0002 is the government's). */
const OURS = { kind: 'position', id: 'cr-a:0001', variant: 'plain' } as const;

function setup(insert: (tabId: number, frameId: number, text: string) => Promise<InsertResult> = async () => ({ ok: true, strategy: 'execCommand', undoable: true })) {
  const sent: Array<[number, number, string]> = [];
  const guards: Array<string | undefined> = [];
  const relay = createEditorRelay({
    insertInFrame: (tabId, frameId, text, unlessPresent) => {
      sent.push([tabId, frameId, text]);
      guards.push(unlessPresent);
      return insert(tabId, frameId, text);
    },
    compose: async (request) => composeInsert(BUNDLE_V1, request),
    // mail.asso.org is turned on; anything else is not.
    accepts: async (context) => (context.url ?? '').startsWith('https://mail.asso.org/'),
    now: () => 1000,
  });
  const panel = (tabId: number) => {
    const got: PanelParagraph[] = [];
    relay.follow({ post: (message) => got.push(message) }, tabId);
    return got;
  };
  return { relay, handlers: relay.handlers, sent, guards, panel };
}

describe('createEditorRelay', () => {
  test('keeps the latest paragraph per tab with its frame, and pushes it to the panels following that tab only', async () => {
    const { handlers, panel } = setup();
    const seven = panel(7);
    const eight = panel(8);
    await handlers['editor/paragraph'](paragraph('un'), from(7, 0));
    await handlers['editor/paragraph'](paragraph('deux'), from(7, 3));
    expect(seven.map((m) => m.paragraph?.text)).toEqual([undefined, 'un', 'deux']);
    expect(eight.map((m) => m.paragraph?.text)).toEqual([undefined]);
    await expect(handlers['panel/state']({ tabId: 7 }, PAGE)).resolves.toEqual({ paragraph: { ...paragraph('deux'), tabId: 7, frameId: 3, receivedAt: 1000 } });
  });

  test('a panel that starts following gets the current paragraph at once', async () => {
    const { handlers, panel } = setup();
    await handlers['editor/paragraph'](paragraph('déjà là'), from(7, 0));
    expect(panel(7)).toEqual([{ type: 'paragraph', tabId: 7, paragraph: expect.objectContaining({ text: 'déjà là' }) }]);
  });

  test('sends the insert to the frame that had focus', async () => {
    const { handlers, sent } = setup();
    await handlers['editor/paragraph'](paragraph('a'), from(7, 0));
    await handlers['editor/paragraph'](paragraph('b'), from(7, 4));
    await expect(handlers['editor/insert']({ tabId: 7, insert: OURS }, PAGE)).resolves.toMatchObject({ ok: true });
    expect(sent).toEqual([[7, 4, 'Le Collectif demande (cr-a 1).']]);
  });

  test('the wording to look for first goes to the page with the insert (the page reads the paragraph then); only text', async () => {
    const { handlers, guards } = setup();
    await handlers['editor/paragraph'](paragraph('a'), from(7, 0));
    await handlers['editor/insert']({ tabId: 7, insert: OURS, unlessPresent: 'Le Collectif demande' }, PAGE);
    await handlers['editor/insert']({ tabId: 7, insert: OURS }, PAGE);
    await handlers['editor/insert']({ tabId: 7, insert: OURS, unlessPresent: { not: 'text' } as unknown as string }, PAGE);
    expect(guards).toEqual(['Le Collectif demande', undefined, undefined]);
  });

  test('the background composes the text from the library: the wording, or the wording with its source', async () => {
    const { handlers, sent } = setup();
    await handlers['editor/paragraph'](paragraph('a'), from(7, 0));
    await handlers['editor/insert']({ tabId: 7, insert: { ...OURS, variant: 'source' } }, PAGE);
    const position = BUNDLE_V1.positions[0]!;
    expect(sent).toEqual([[7, 0, quoteForLetter(position, BUNDLE_V1.sources.find((s) => s.id === position.sourceId))]]);
    expect(sent[0]![2]).toMatch(/^«\u00A0Le Collectif demande \(cr-a 1\)\.\u00A0» \(/);
  });

  test('government or CNCDH words, an unknown position, or a bare string are refused and never reach the page', async () => {
    const { handlers, sent } = setup();
    await handlers['editor/paragraph'](paragraph('a'), from(7, 0));
    await expect(handlers['editor/insert']({ tabId: 7, insert: { kind: 'position', id: 'cr-a:0002', variant: 'plain' } }, PAGE)).rejects.toThrow(
      /gouvernement's wording; it is context and is never inserted as the Collectif's/,
    );
    await expect(handlers['editor/insert']({ tabId: 7, insert: { kind: 'position', id: 'cr-z:0001', variant: 'plain' } }, PAGE)).rejects.toThrow(/no position "cr-z:0001"/);
    await expect(handlers['editor/insert']({ tabId: 7, text: 'Texte choisi par la page.' } as never, PAGE)).rejects.toThrow(/an insert names a position/);
    await expect(handlers['editor/insert']({ tabId: 7, insert: { ...OURS, variant: 'bold' } } as never, PAGE)).rejects.toThrow(/unknown insert variant/);
    expect(sent).toEqual([]);
  });

  test('no editor in that tab, or its frame gone: an honest failure, and the panel is told', async () => {
    const { handlers, panel } = setup(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await expect(handlers['editor/insert']({ tabId: 9, insert: OURS }, PAGE)).resolves.toEqual({ ok: false, reason: 'no-editor' });
    await handlers['editor/paragraph'](paragraph('a'), from(9, 2));
    const got = panel(9);
    await expect(handlers['editor/insert']({ tabId: 9, insert: OURS }, PAGE)).resolves.toMatchObject({ ok: false, reason: 'frame-gone' });
    expect(got.at(-1)?.paragraph).toBeUndefined();
  });

  test('only the frame holding the paragraph can say the user left', async () => {
    const { handlers } = setup();
    await handlers['editor/paragraph'](paragraph('a'), from(7, 2));
    await handlers['editor/left'](undefined, from(7, 0));
    expect((await handlers['panel/state']({ tabId: 7 }, PAGE)).paragraph?.text).toBe('a');
    await handlers['editor/left'](undefined, from(7, 2));
    expect((await handlers['panel/state']({ tabId: 7 }, PAGE)).paragraph).toBeUndefined();
  });

  test('a closed tab is forgotten; an unfollowed panel hears nothing more', async () => {
    const { relay, handlers } = setup();
    const got: PanelParagraph[] = [];
    const link = { post: (m: PanelParagraph) => got.push(m) };
    relay.follow(link, 7);
    await handlers['editor/paragraph'](paragraph('a'), from(7, 0));
    relay.forgetTab(7);
    relay.unfollow(link);
    await handlers['editor/paragraph'](paragraph('b'), from(7, 0));
    expect(got.map((m) => m.paragraph?.text)).toEqual([undefined, 'a', undefined]);
  });

  test('a paragraph from a site that is not turned on (any more) is dropped, not kept or pushed', async () => {
    const { handlers, panel } = setup();
    const seven = panel(7);
    await handlers['editor/paragraph'](paragraph('ailleurs'), { ...from(7, 0), url: 'https://pad.asso.org/p/lettre' });
    expect(seven.map((m) => m.paragraph?.text)).toEqual([undefined]);
    await expect(handlers['panel/state']({ tabId: 7 }, PAGE)).resolves.toEqual({ paragraph: undefined });
  });

  test('a paragraph must come from a tab', async () => {
    const { handlers } = setup();
    await expect(handlers['editor/paragraph'](paragraph('a'), PAGE)).rejects.toThrow(/content script in a tab/);
  });
});

describe('after the service worker restarts (issue 12 item 9)', () => {
  /** `storage.session` as the relay sees it: one value that outlives a relay. */
  const sessionStore = () => {
    let value: Record<string, FocusedParagraph> | undefined;
    return { load: async () => structuredClone(value), save: async (v: Record<string, FocusedParagraph>) => void (value = structuredClone(v)) };
  };
  const relayOn = (store: ReturnType<typeof sessionStore>, sent: Array<[number, number, string]>) =>
    createEditorRelay({
      insertInFrame: async (tabId, frameId, text) => {
        sent.push([tabId, frameId, text]);
        return { ok: true, strategy: 'execCommand', undoable: true };
      },
      compose: async (request) => composeInsert(BUNDLE_V1, request),
      accepts: async () => true,
      store,
    });

  test('an insert right after a restart goes to the frame that held the paragraph, not « no editor »', async () => {
    const store = sessionStore();
    const before = relayOn(store, []);
    await before.handlers['editor/paragraph'](paragraph('avant le redémarrage'), from(7, 5));

    const sent: Array<[number, number, string]> = [];
    const after = relayOn(store, sent); // a new service worker: nothing in memory
    await expect(after.handlers['editor/insert']({ tabId: 7, insert: OURS }, PAGE)).resolves.toMatchObject({ ok: true });
    expect(sent).toEqual([[7, 5, 'Le Collectif demande (cr-a 1).']]);
    await expect(after.handlers['panel/state']({ tabId: 7 }, PAGE)).resolves.toMatchObject({ paragraph: { text: 'avant le redémarrage', frameId: 5 } });
  });

  test('what the user left before the restart stays left', async () => {
    const store = sessionStore();
    const before = relayOn(store, []);
    await before.handlers['editor/paragraph'](paragraph('a'), from(7, 0));
    await before.handlers['editor/left'](undefined, from(7, 0));
    const after = relayOn(store, []);
    await expect(after.handlers['editor/insert']({ tabId: 7, insert: OURS }, PAGE)).resolves.toEqual({ ok: false, reason: 'no-editor' });
  });
});

describe('shows (reading an insert back)', () => {
  test.each([
    ['the text appears once more', 'Bonjour', 'Bonjour « texte »', ' « texte »', true],
    ['non-breaking spaces count as spaces', 'a', 'a\u00A0«\u00A0texte\u00A0»', ' « texte »', true],
    ['already there before, not added', '« texte »', '« texte » ', '« texte »', false],
    ['something else changed', 'a', 'ab', '« texte »', false],
    ['inserted twice (two bridges answered one click): not a success', 'Bonjour', 'Bonjour « texte » « texte »', ' « texte »', false],
  ])('%s', (_name, before, after, text, expected) => {
    expect(shows(before, after, text)).toBe(expected);
  });
});
