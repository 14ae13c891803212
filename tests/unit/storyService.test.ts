/**
 * Issue 14 through the background: the suggestion that departs carries its note, the panel's story
 * and outline messages, and « Insérer la trame » composed from the library and sent through the
 * relay that inserts a single position (so the panel never sends text of its own).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import type { MessageContext, Paragraph } from '../../data/protocol';
import { openLibraryDb } from '../../data/library/db';
import { outline } from '../../data/library/outline';
import { createLibraryService } from '../../data/service';
import { shippedLibrary } from '../../data/tools/cli-lib';
import { createEditorRelay } from '../../utils/background/createEditorRelay';
import { createOutlineInsert } from '../../utils/background/insertOutline';
import { composeInsert } from '../../data/library/composeInsert';

const bundled = shippedLibrary();
const PAGE: MessageContext = { fromExtensionPage: true };

// The first question builds the search index: slow on a loaded machine, so a generous limit (not a speed test).
describe('the library service', { timeout: 60_000 }, () => {
  const service = createLibraryService(openLibraryDb({ indexedDB: new IDBFactory(), IDBKeyRange }), bundled);

  test('a suggestion whose wording the paragraph departs from says so; the others carry nothing', async () => {
    const results = await service.handlers['library/match']({ text: 'Nous demandons un délai de réflexion de 45 jours pour les victimes de traite.' });
    const noted = results.filter((r) => r.divergence);
    expect(noted.length).toBeGreaterThan(0);
    expect(noted[0]!.divergence).toEqual({ draft: '45 jours', position: '3 mois' });
    const agreeing = await service.handlers['library/match']({ text: 'Nous demandons un délai de réflexion de trois mois pour les victimes de traite.' });
    expect(agreeing.length).toBeGreaterThan(0);
    expect(agreeing.filter((r) => r.divergence)).toEqual([]);
  });

  test('library/story and library/outline answer from the stored library', async () => {
    const s = await service.handlers['library/story']({ key: 'PAN1-4bis' });
    expect(s.entries[0]!.date).toBe('2014-01-31');
    // The synthesis's sentence and the member's account of it are one entry there, as in the suggestions.
    const five = await service.handlers['library/story']({ key: 'PAN1-5' });
    const possibility = five.entries.filter((e) => e.text.includes('parle de « possibilité » de délivrer'));
    expect(possibility.map((e) => e.author)).toEqual(['collectif']);
    expect(possibility[0]!.position!.citations).toHaveLength(2);
    // Read back from the database (rows keyed by id), the sentence comes before « Le Collectif insiste pour que cette
    // phrase … », which speaks of it and shares its line of the report.
    const texts = five.entries.map((e) => e.text);
    const insists = texts.findIndex((t) => t.startsWith('Le Collectif insiste pour que cette phrase'));
    expect(insists).toBeGreaterThan(texts.indexOf(possibility[0]!.text));
    expect(five.entries[insists]!.lines).toEqual(possibility[0]!.lines);
    const o = await service.handlers['library/outline']({ measures: ['PAN1-4bis', 'PAN1-5'] });
    expect(o.text).toBe(outline(bundled, ['PAN1-4bis', 'PAN1-5']).text);
    await expect(service.handlers['library/story']({ key: 'PAN1-99' })).rejects.toThrow(/PAN1-99/);
  });
});

describe('editor/insertOutline', () => {
  const paragraph: Paragraph = { text: '', editor: 'textarea', url: 'https://mail.asso.org/', title: 'Rédiger' };

  test('composes the outline from the keys and inserts it in the frame the user wrote in', async () => {
    const sent: Array<[number, number, string]> = [];
    const relay = createEditorRelay({
      insertInFrame: async (tabId, frameId, text) => (sent.push([tabId, frameId, text]), { ok: true, strategy: 'execCommand', undoable: true }),
      compose: async (request) => composeInsert(bundled, request),
      accepts: async () => true,
    });
    await relay.handlers['editor/paragraph'](paragraph, { tabId: 4, frameId: 2, fromExtensionPage: false });
    const handlers = createOutlineInsert({ library: async () => bundled, insert: relay.handlers['editor/insert'] });
    const result = await handlers['editor/insertOutline']({ tabId: 4, measures: ['PAN1-4bis', 'PAN1-5'] }, PAGE);
    expect(result.ok).toBe(true);
    expect(sent).toEqual([[4, 2, outline(bundled, ['PAN1-4bis', 'PAN1-5']).text.trimEnd()]]);
  });

  test('an unknown measure is refused before anything is inserted', async () => {
    const sent: string[] = [];
    const handlers = createOutlineInsert({ library: async () => bundled, insert: async ({ insert }) => (sent.push(JSON.stringify(insert)), { ok: true, strategy: 'execCommand', undoable: true }) });
    await expect(handlers['editor/insertOutline']({ tabId: 4, measures: ['PAN1-99'] }, PAGE)).rejects.toThrow(/PAN1-99/);
    expect(sent).toEqual([]);
  });
});
