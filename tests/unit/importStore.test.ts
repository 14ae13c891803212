/**
 * Saving an import, removing it (and undoing), hiding a shipped source, correcting labels, and
 * sharing the library as an export: all or nothing, on fake-indexeddb with the shipped library.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange, IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { installBundled, openLibraryDb, type LibraryDb } from '../../data/library/db';
import type { Library } from '../../data/library/schema';
import { createLibraryService, readLibrary } from '../../data/service';
import { ImportError } from '../../data/library/import/ImportError';
import { EXCHANGE_FORMAT, parseExport, previewExport, type LibraryExport } from '../../data/library/import/exchange';
import { proposeImport } from '../../data/library/import/propose';
import {
  applyExport, currentForPreview, editPositionLabels, exportLibrary, hiddenSourceIds, removeImportedSource, restoreSource, saveImport, setSourceHidden,
} from '../../data/library/import/store';

const ROOT = join(import.meta.dirname, '..', '..');
const SHIPPED = JSON.parse(readFileSync(join(ROOT, 'data/library/generated/library.json'), 'utf8')) as Library;
const REPORT = readFileSync(join(ROOT, 'tests/fixtures/reports/cr-2026-11-18-non-sanction.md'), 'utf8');
const proposal = () => proposeImport(REPORT, { title: 'Rencontre au ministère de la Justice : non-sanction et CIVI', date: '2026-11-18' });

let db: LibraryDb;
beforeEach(async () => {
  db = openLibraryDb({ indexedDB: new IDBFactory(), IDBKeyRange });
  await installBundled(db, SHIPPED);
});
afterEach(() => db.close());

async function everything(target = db) {
  return { sources: await target.sources.orderBy('id').toArray(), positions: await target.positions.orderBy('id').toArray(), meta: await target.meta.toArray() };
}

async function saved() {
  const { source, proposals } = proposal();
  await saveImport(db, source, proposals);
  return { source, proposals };
}

const rejection = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as ImportError);

describe('saveImport', () => {
  test('the report’s passages come back in its order, sentences of one line too (rows are stored by id)', async () => {
    const { source, proposals } = await saved();
    const back = (await readLibrary(db)).positions.filter((p) => p.sourceId === source.id).map((p) => p.id);
    expect(back).toEqual(proposals.map((p) => p.id));
    // The report has lines of several sentences, whose ids sort otherwise.
    const shared = proposals.filter((p, i) => proposals.some((q, j) => j !== i && q.lines[0] === p.lines[0]));
    expect(shared.length).toBeGreaterThan(1);
    expect(shared.map((p) => p.id)).not.toEqual(shared.map((p) => p.id).sort());
  });

  test('saves the source with its text and all its positions; the engine finds them at once', async () => {
    const service = createLibraryService(db, SHIPPED);
    await service.ensureEngine();
    const { source, proposals } = await saved();
    expect(await db.sources.get(source.id)).toMatchObject({ origin: 'imported', text: REPORT });
    expect(await db.positions.where('sourceId').equals(source.id).count()).toBe(proposals.length);
    await service.handlers['library/changed']();
    const hits = await service.handlers['library/match']({ text: "Les victimes de la traite doivent être informées de leur droit à saisir la CIVI dès leur première audition, avec un avocat désigné d'office." });
    expect(hits[0]).toMatchObject({ sourceId: source.id, speaker: 'Mme Colas' });
  }, 60_000);

  test('storage full in the middle of saving: nothing saved, nothing lost, a clear message', async () => {
    const before = await everything();
    const { source, proposals } = proposal();
    const put = IDBObjectStore.prototype.put;
    let writes = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      // The source and a few positions go in, then the disk is full.
      if (++writes > 5) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      const e = await rejection(saveImport(db, source, proposals));
      expect(e).toBeInstanceOf(ImportError);
      expect(e!.key).toBe('storageErrorQuota');
      expect(e!.message).toContain('Le stockage du navigateur est plein : « Rencontre au ministère de la Justice : non-sanction et CIVI » n\'a pas été enregistré');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(writes).toBeGreaterThan(5);
    expect(await everything()).toEqual(before);
  });

  test('a source id already imported is replaced only when asked; a shipped id never', async () => {
    const { source, proposals } = await saved();
    const taken = await rejection(saveImport(db, source, proposals.slice(0, 2)));
    expect(taken!.key).toBe('storageErrorTaken');
    // Said with the title the user typed, never the id made from it.
    expect(taken!.message).toBe(`La bibliothèque a déjà une source « ${source.title} » à la même date. Choisissez de la remplacer, ou changez le titre ou la date. Rien n'a été modifié.`);
    expect(await db.positions.where('sourceId').equals(source.id).count()).toBe(proposals.length);
    await saveImport(db, source, proposals.slice(0, 2), { replace: true });
    expect(await db.positions.where('sourceId').equals(source.id).count()).toBe(2);
    const shipped = await rejection(saveImport(db, { ...source, id: 'cr-2014-02-03' }, []));
    expect(shipped!.key).toBe('storageErrorShipped');
    expect(shipped!.message).toContain(`« ${(await db.sources.get('cr-2014-02-03'))!.title} » est une source livrée`);
  });
});

describe('remove, undo, hide, edit', () => {
  test('removing an imported source takes its positions; undo puts everything back', async () => {
    await saved();
    const before = await everything();
    const removed = await removeImportedSource(db, proposal().source.id);
    expect(await db.positions.where('sourceId').equals(removed.source.id).count()).toBe(0);
    await restoreSource(db, removed);
    expect(await everything()).toEqual(before);
  });

  test('a shipped source cannot be removed, only hidden; hidden, it is no longer suggested', async () => {
    expect((await rejection(removeImportedSource(db, 'cr-2014-02-03')))!.key).toBe('storageErrorShipped');
    const service = createLibraryService(db, SHIPPED);
    const ask = () => service.handlers['library/match']({ text: 'Un référent traite dans chaque préfecture faciliterait grandement les démarches des victimes.', k: 10 });
    expect((await ask()).some((r) => r.sourceId === 'cr-2014-02-03')).toBe(true);
    await setSourceHidden(db, 'cr-2014-02-03', true);
    await service.handlers['library/changed']();
    expect((await ask()).some((r) => r.sourceId === 'cr-2014-02-03')).toBe(false);
    expect(await db.sources.get('cr-2014-02-03')).toBeDefined();
    await setSourceHidden(db, 'cr-2014-02-03', false);
    expect(await hiddenSourceIds(db)).toEqual([]);
  }, 60_000);

  test('a position left without a theme is refused, saying which, before anything is written', async () => {
    // The export format asks for a theme on every position: saved without one, the file a colleague imports would be
    // refused whole. The review and the correction screens refuse it first.
    const { source, proposals } = proposal();
    const before = await everything();
    const bare = await rejection(saveImport(db, source, [proposals[0]!, { ...proposals[1]!, themes: [] }]));
    expect(bare!.key).toBe('storageErrorNoTheme');
    expect(bare!.message).toMatch(new RegExp(`^La position « ${proposals[1]!.text.split(/\\s+/).slice(0, 3).join(' ')}.*» n'a aucun thème : choisissez-en au moins un\\. Rien n'a été enregistré\\.$`));
    expect(await everything()).toEqual(before);

    const shippedId = SHIPPED.positions[0]!.id;
    const edit = await rejection(editPositionLabels(db, shippedId, { author: 'collectif', measures: [], themes: [] }));
    expect(edit!.key).toBe('storageErrorNoTheme');
    expect((await db.positions.get(shippedId))!.themes).toEqual(SHIPPED.positions[0]!.themes);
  });

  test('a speaker or body typed with spaces around it is kept without them; spaces alone leave none', async () => {
    // The correction screen saves what is typed: « Mme Martin  » showed as « Collectif — Mme Martin  », and a
    // speaker of spaces alone as « Collectif —  », in the cards and the citation.
    const id = SHIPPED.positions[0]!.id;
    const edited = await editPositionLabels(db, id, { author: 'association', speaker: '  Mme Martin ', organisation: ' Amicale du Nid ', measures: [], themes: ['formation'] });
    expect(edited).toMatchObject({ speaker: 'Mme Martin', organisation: 'Amicale du Nid' });
    expect(await db.positions.get(id)).toMatchObject({ speaker: 'Mme Martin', organisation: 'Amicale du Nid' });
    const blank = await editPositionLabels(db, id, { author: 'association', speaker: '   ', organisation: '', measures: [], themes: ['formation'] });
    expect('speaker' in blank || 'organisation' in blank).toBe(false);
    const stored = (await db.positions.get(id))!;
    expect('speaker' in stored || 'organisation' in stored).toBe(false);

    const { source, proposals } = proposal();
    await saveImport(db, source, [{ ...proposals[0]!, speaker: ' M. Dupont  ' }, { ...proposals[1]!, speaker: ' ' }]);
    const saved = await db.positions.where('sourceId').equals(source.id).toArray();
    expect(saved.find((p) => p.text === proposals[0]!.text)!.speaker).toBe('M. Dupont');
    expect('speaker' in saved.find((p) => p.text === proposals[1]!.text)!).toBe(false);
  });

  test('an extension update keeps imported sources, edited labels and hidden sources', async () => {
    const { source } = await saved();
    const shippedId = SHIPPED.positions[0]!.id;
    await editPositionLabels(db, shippedId, { author: 'association', speaker: 'M. Test', measures: [], themes: ['formation'] });
    await setSourceHidden(db, 'cr-2014-06-24', true);
    const update: Library = { ...SHIPPED, positions: SHIPPED.positions.map((p) => ({ ...p, section: `${p.section} (v2)` })) };
    expect((await installBundled(db, update)).status).toBe('refreshed');
    expect(await db.positions.get(shippedId)).toMatchObject({ author: 'association', speaker: 'M. Test', themes: ['formation'] });
    expect(await db.positions.where('sourceId').equals(source.id).count()).toBeGreaterThan(10);
    expect(await hiddenSourceIds(db)).toEqual(['cr-2014-06-24']);
  });
});

describe('export and import of the library', () => {
  async function exported(scope: 'all' | 'user' = 'user') {
    return JSON.stringify(await exportLibrary(db, scope, new Date('2026-11-20T10:00:00Z')));
  }

  test('export, wipe, import the export: the same library', async () => {
    await saved();
    await editPositionLabels(db, SHIPPED.positions[3]!.id, { author: 'collectif', measures: ['PAN1-2'], themes: ['formation'] });
    const before = await readLibrary(db);
    const file = await exported('user');

    const fresh = openLibraryDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    await installBundled(fresh, SHIPPED);
    const current = await currentForPreview(fresh);
    const incoming = parseExport('positions.json', file, current.known);
    const preview = previewExport(current, incoming);
    expect(preview.newSources.map((s) => s.source.id)).toEqual([proposal().source.id]);
    expect(preview.edits.map((p) => p.id)).toEqual([SHIPPED.positions[3]!.id]);
    expect(preview.conflicts).toEqual([]);
    await applyExport(fresh, incoming);
    expect(await readLibrary(fresh)).toEqual(before);
    fresh.close();
  });

  test('a newer export of a source already imported replaces it only when the user says so', async () => {
    const { source, proposals } = await saved();
    const older = await readLibrary(db);
    const newer = JSON.parse(await exported()) as LibraryExport;
    newer.positions = newer.positions.filter((p) => p.id !== proposals[0]!.id).map((p) => (p.id === proposals[1]!.id ? { ...p, measures: ['PAN1-12'] } : p));
    const incoming = parseExport('positions.json', JSON.stringify(newer), (await currentForPreview(db)).known);
    const preview = previewExport(await currentForPreview(db), incoming);
    expect(preview.changedSources).toMatchObject([{ source: { id: source.id }, added: 0, removed: 1, changed: 1 }]);
    await applyExport(db, incoming);
    expect(await readLibrary(db)).toEqual(older);
    await applyExport(db, incoming, new Set([source.id]));
    expect(await db.positions.where('sourceId').equals(source.id).count()).toBe(proposals.length - 1);
  });

  describe('bad exports are refused whole, saying what and where', () => {
    async function refusal(mutate: (e: LibraryExport) => unknown) {
      await saved();
      const data = JSON.parse(await exported()) as LibraryExport;
      const changed = (mutate(data) ?? data) as LibraryExport;
      const before = await everything();
      try {
        parseExport('partage.json', typeof changed === 'string' ? changed : JSON.stringify(changed), (await currentForPreview(db)).known);
      } catch (e) {
        expect(await everything()).toEqual(before);
        return e as ImportError;
      }
      throw new Error('accepted');
    }

    test('not JSON', async () => expect((await refusal(() => '{"formatVersion": 1,'))!.message).toMatch(/^« partage\.json » n'est pas un fichier JSON lisible/));
    test('some other JSON', async () => expect((await refusal(() => ({ hello: 1 })))!.key).toBe('exchangeErrorNotExport'));
    test('a newer format version', async () => {
      const e = await refusal((d) => void (d.formatVersion = EXCHANGE_FORMAT + 1));
      expect(e.message).toContain(`« partage.json » est un export au format ${EXCHANGE_FORMAT + 1} ; cette version de Positions lit jusqu'au format ${EXCHANGE_FORMAT}`);
      expect(e.in('en')).toContain('Update the extension');
    });
    test('a field of the wrong type', async () => {
      const e = await refusal((d) => void ((d.positions[2] as unknown as { lines: unknown }).lines = 'l. 3'));
      expect(e.args.slice(0, 2)).toEqual(['partage.json', 'positions.2.lines']);
    });
    test('duplicate ids', async () => {
      const e = await refusal((d) => void d.positions.push({ ...d.positions[0]! }));
      expect(e.key).toBe('exchangeErrorDuplicateId');
      expect(e.args[1]).toBe(proposal().proposals[0]!.id);
    });
    test('an unknown measure key', async () => {
      const e = await refusal((d) => void (d.positions[1]!.measures = ['PAN9-99']));
      expect(e.message).toContain('la mesure « PAN9-99 » n\'existe pas');
    });
    test('an unknown theme', async () => expect((await refusal((d) => void (d.positions[1]!.themes = ['astrologie'])))!.key).toBe('exchangeErrorUnknownTheme'));
    test('a wording not in its source’s text', async () => {
      const e = await refusal((d) => void (d.positions[1]!.text = 'Le Collectif approuve sans réserve la politique du gouvernement.'));
      expect(e.key).toBe('exchangeErrorNotInSource');
    });
    test('HTML or a script in a wording is text: accepted only if the source says so, and stored as text', async () => {
      const e = await refusal((d) => void (d.positions[1]!.text += ' <img src=x onerror=alert(1)>'));
      expect(e.key).toBe('exchangeErrorNotInSource');
    });
  });
});

describe('the JSON Schema in docs/ says what the validator checks', () => {
  test('same fields, same required ones, same format version', async () => {
    const { ExportSchema } = await import('../../data/library/import/exchange');
    const schema = JSON.parse(readFileSync(join(ROOT, 'docs/positions-export.schema.json'), 'utf8'));
    const entries = (s: { entries: Record<string, { type: string }> }) => s.entries;
    const fieldsOf = (s: { entries: Record<string, { type: string }> }) => Object.keys(entries(s)).sort();
    const requiredOf = (s: { entries: Record<string, { type: string }> }) => Object.entries(entries(s)).filter(([, x]) => x.type !== 'optional').map(([k]) => k).sort();
    const top = ExportSchema as unknown as { entries: Record<string, { type: string; item: { entries: Record<string, { type: string }> } }> };
    expect(Object.keys(schema.properties).sort()).toEqual(fieldsOf(top));
    for (const [field, def] of [['sources', 'source'], ['positions', 'position'], ['themes', 'theme']] as const) {
      const item = top.entries[field]!.item;
      expect(Object.keys(schema.$defs[def].properties).sort(), def).toEqual(fieldsOf(item));
      expect([...schema.$defs[def].required].sort(), def).toEqual(requiredOf(item));
    }
    expect(EXCHANGE_FORMAT).toBe(1);
  });
});
