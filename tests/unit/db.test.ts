import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { installBundled, openLibraryDb, type LibraryDb } from '../../data/library/db';
import type { Library } from '../../data/library/schema';
import { BUNDLE_V1, library, position, source } from './libraryFixture';

let factory: IDBFactory;
let db: LibraryDb;

beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  factory = new IDBFactory();
  db = openLibraryDb({ indexedDB: factory, IDBKeyRange });
});
afterEach(() => db.close());

/** Everything a user could see, in a stable order, to compare before/after. */
async function snapshot(target: LibraryDb = db) {
  return {
    sources: await target.sources.orderBy('id').toArray(),
    positions: await target.positions.orderBy('id').toArray(),
    measures: await target.measures.orderBy('key').primaryKeys(),
    themes: await target.themes.orderBy('id').primaryKeys(),
    meta: await target.meta.toArray(),
  };
}

async function importSource(id: string, positions: number) {
  await db.sources.put(source(id, { origin: 'imported', date: '2023-03-01' }));
  await db.positions.bulkPut(Array.from({ length: positions }, (_, i) => position(id, i + 1, { text: `Importé ${i + 1}` })));
}

describe('installBundled on a fresh install', () => {
  test('loads every source, position, measure and theme, and records the bundle', async () => {
    const report = await installBundled(db, BUNDLE_V1, new Date('2026-01-02T03:04:05Z'));

    expect(report).toMatchObject({ status: 'installed', sources: 2, positions: 3, skipped: [] });
    const after = await snapshot();
    expect(after.sources.map((s) => s.id)).toEqual(['cr-a', 'cr-b']);
    expect(after.positions.map((p) => p.id)).toEqual(['cr-a:0001', 'cr-a:0002', 'cr-b:0001']);
    expect(after.measures).toEqual(['PAN1-4bis', 'PAN1-5']);
    expect(after.themes).toEqual(['delai-reflexion', 'sejour']);
    expect(after.meta).toEqual([
      expect.objectContaining({ key: 'bundled', hash: report.hash, installedAt: '2026-01-02T03:04:05.000Z', sourceIds: ['cr-a', 'cr-b'] }),
    ]);
  });

  test('positions can be found by source, author, measure and theme', async () => {
    await installBundled(db, BUNDLE_V1);
    expect(await db.positions.where('sourceId').equals('cr-a').count()).toBe(2);
    expect(await db.positions.where('author').equals('gouvernement').primaryKeys()).toEqual(['cr-a:0002']);
    expect(await db.positions.where('measures').equals('PAN1-5').count()).toBe(3);
    expect(await db.positions.where('themes').equals('sejour').count()).toBe(3);
  });

  test('the library is still there after the database is closed and reopened', async () => {
    await installBundled(db, BUNDLE_V1);
    const before = await snapshot();
    db.close();
    const reopened = openLibraryDb({ indexedDB: factory, IDBKeyRange });
    expect(await snapshot(reopened)).toEqual(before);
    reopened.close();
  });
});

describe('installBundled again (extension reloaded or updated)', () => {
  test('the same bundle changes nothing', async () => {
    await installBundled(db, BUNDLE_V1, new Date('2026-01-01T00:00:00Z'));
    const before = await snapshot();
    const report = await installBundled(db, BUNDLE_V1, new Date('2026-02-01T00:00:00Z'));
    expect(report.status).toBe('unchanged');
    expect(await snapshot()).toEqual(before);
  });

  test('a bundle installed before rows kept their place is written again once, then left alone', async () => {
    await installBundled(db, BUNDLE_V1, new Date('2026-01-01T00:00:00Z'));
    // As an earlier version left it: no `order` on the rows, no `ordered` on the record.
    await db.positions.toCollection().modify((p) => void delete p.order);
    await db.meta.where('key').equals('bundled').modify((m) => void delete (m as { ordered?: true }).ordered);
    expect((await installBundled(db, BUNDLE_V1)).status).toBe('refreshed');
    expect((await db.positions.orderBy('id').toArray()).map((p) => p.order)).toEqual([0, 1, 2]);
    expect((await installBundled(db, BUNDLE_V1)).status).toBe('unchanged');
  });

  test('a changed bundle replaces bundled positions and keeps an imported source with its positions', async () => {
    await installBundled(db, BUNDLE_V1);
    await importSource('import-2023', 2);
    const v2 = library(
      [source('cr-a'), source('cr-c', { date: '2022-12-15' })],
      [position('cr-a', 1, { text: 'Texte corrigé.' }), position('cr-c', 1), position('cr-c', 2)],
    );

    const report = await installBundled(db, v2);

    expect(report).toMatchObject({ status: 'refreshed', sources: 2, positions: 3, skipped: [] });
    const after = await snapshot();
    // cr-b and cr-a:0002 left with the old bundle; the import is untouched.
    expect(after.sources.map((s) => s.id)).toEqual(['cr-a', 'cr-c', 'import-2023']);
    expect(after.positions.map((p) => p.id)).toEqual(['cr-a:0001', 'cr-c:0001', 'cr-c:0002', 'import-2023:0001', 'import-2023:0002']);
    expect(after.positions.find((p) => p.id === 'cr-a:0001')?.text).toBe('Texte corrigé.');
    expect(after.positions.filter((p) => p.sourceId === 'import-2023').map((p) => p.text)).toEqual(['Importé 1', 'Importé 2']);
    expect(after.meta[0]?.hash).toBe(report.hash);
  });

  test('a position the user edited keeps the user’s text, and its source stays even if the bundle dropped it', async () => {
    await installBundled(db, BUNDLE_V1);
    await db.positions.update('cr-b:0001', { text: 'Ma formulation.', editedAt: '2026-01-05T10:00:00Z' });
    const v2 = library([source('cr-a')], [position('cr-a', 1), position('cr-b', 1, { text: 'Nouveau texte fourni.' })]);

    await installBundled(db, v2);

    expect((await db.positions.get('cr-b:0001'))?.text).toBe('Ma formulation.');
    expect(await db.sources.get('cr-b')).toBeDefined();
  });

  test('a bundled source whose id an imported source already uses is skipped, not overwritten', async () => {
    await installBundled(db, BUNDLE_V1);
    await importSource('cr-z', 1);
    const v2 = library([...BUNDLE_V1.sources, source('cr-z')], [...BUNDLE_V1.positions, position('cr-z', 1), position('cr-z', 2)]);

    const report = await installBundled(db, v2);

    expect(report.skipped).toEqual(['cr-z']);
    expect((await db.sources.get('cr-z'))?.origin).toBe('imported');
    expect((await db.positions.where('sourceId').equals('cr-z').toArray()).map((p) => p.text)).toEqual(['Importé 1']);
  });

  test('a measure the new bundle drops is removed, unless an imported position still uses it', async () => {
    await installBundled(db, BUNDLE_V1);
    await db.positions.put(position('import-x', 1, { measures: ['PAN1-4bis'] }));
    await db.sources.put(source('import-x', { origin: 'imported' }));
    const withoutMeasures = (measures: string[]) => ({ ...BUNDLE_V1, measures: BUNDLE_V1.measures.filter((m) => measures.includes(m.key)) });

    await installBundled(db, withoutMeasures(['PAN1-5']));
    expect(await db.measures.orderBy('key').primaryKeys()).toEqual(['PAN1-4bis', 'PAN1-5']);

    await db.positions.delete('import-x:0001');
    await installBundled(db, { ...withoutMeasures(['PAN1-5']), themes: BUNDLE_V1.themes.slice(1) });
    expect(await db.measures.orderBy('key').primaryKeys()).toEqual(['PAN1-5']);
    expect(await db.themes.orderBy('id').primaryKeys()).toEqual(['sejour']);
  });
});

describe('installBundled is all or nothing', () => {
  // A position without a usable id cannot be stored: IndexedDB rejects the write.
  const broken = (lib: Library): Library => ({
    ...lib,
    positions: [...lib.positions, { ...position('cr-a', 99), id: null as unknown as string }],
  });

  test('a failing write during an update leaves the previous library exactly as it was', async () => {
    await installBundled(db, BUNDLE_V1);
    await importSource('import-2023', 1);
    const before = await snapshot();

    const v2 = library([source('cr-a')], [position('cr-a', 1, { text: 'Jamais écrit.' })]);
    await expect(installBundled(db, broken(v2))).rejects.toThrow();

    expect(await snapshot()).toEqual(before);
  });

  test('a failing write on first install leaves the database empty, and a later good bundle installs', async () => {
    await expect(installBundled(db, broken(BUNDLE_V1))).rejects.toThrow();
    expect(await snapshot()).toEqual({ sources: [], positions: [], measures: [], themes: [], meta: [] });

    await expect(installBundled(db, BUNDLE_V1)).resolves.toMatchObject({ status: 'installed' });
  });

  test.each([
    ['a library of another format', { ...BUNDLE_V1, format: 99 }, /format is 99/],
    ['something without positions', { ...BUNDLE_V1, positions: undefined }, /no sources or positions/],
    ['something without a taxonomy', { ...BUNDLE_V1, measures: undefined }, /no measures or themes/],
    ['nothing at all', null, /not an object/],
  ])('refuses %s with a message that says how to fix it, writing nothing', async (_, bad, message) => {
    const attempt = installBundled(db, bad as unknown as Library);
    await expect(attempt).rejects.toThrow(message);
    await expect(attempt).rejects.toThrow(/npm run library -- build/);
    expect((await snapshot()).meta).toEqual([]);
  });
});
