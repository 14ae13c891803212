/**
 * The background service as the side panel uses it, over fake-indexeddb: what
 * `library/summary` answers, and the lazy install when the database is empty.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openLibraryDb, type LibraryDb } from '../../data/library/db';
import { createLibraryService } from '../../data/service';
import { BUNDLE_V1, library, position, source } from './libraryFixture';

let db: LibraryDb;
beforeEach(() => {
  db = openLibraryDb({ indexedDB: new IDBFactory(), IDBKeyRange });
});
afterEach(() => db.close());

describe('library/summary', () => {
  test('on an empty database (onInstalled missed), installs the bundle first and reports it', async () => {
    const { handlers } = createLibraryService(db, BUNDLE_V1);

    const summary = await handlers['library/summary']();

    expect(summary.positionCount).toBe(3);
    expect(summary.sources.map((s) => [s.id, s.positionCount])).toEqual([
      ['cr-b', 1],
      ['cr-a', 2],
    ]);
    expect(summary.bundled?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('lists sources most recent first, with imported ones marked, and counts positions per author', async () => {
    const { handlers, ensureInstalled } = createLibraryService(db, BUNDLE_V1);
    await ensureInstalled();
    await db.sources.put(source('import-2023', { origin: 'imported', date: '2023-03-01', shortTitle: 'Note importée' }));
    await db.positions.put(position('import-2023', 1, { author: 'association' }));

    const summary = await handlers['library/summary']();

    expect(summary.sources.map((s) => [s.id, s.origin, s.positionCount])).toEqual([
      ['import-2023', 'imported', 1],
      ['cr-b', 'bundled', 1],
      ['cr-a', 'bundled', 2],
    ]);
    expect(summary.positionCount).toBe(4);
    expect(summary.authors).toEqual({ collectif: 2, association: 1, cncdh: 0, gouvernement: 1 });
  });

  test('a source without positions is listed with 0', async () => {
    const { handlers } = createLibraryService(db, library([source('cr-vide')], []));
    const summary = await handlers['library/summary']();
    expect(summary.sources).toEqual([expect.objectContaining({ id: 'cr-vide', positionCount: 0 })]);
    expect(summary.positionCount).toBe(0);
  });

  test('simultaneous first requests install the bundle once', async () => {
    const { handlers, ensureInstalled } = createLibraryService(db, BUNDLE_V1);
    const [a, b] = await Promise.all([handlers['library/summary'](), handlers['library/summary']()]);
    expect(a).toEqual(b);
    await expect(ensureInstalled()).resolves.toMatchObject({ status: 'installed' });
  });

  test('a bundle that cannot be installed is reported to the sender, and retried on the next request', async () => {
    const bad = { ...BUNDLE_V1, format: 0 };
    const { handlers } = createLibraryService(db, bad);
    await expect(handlers['library/summary']()).rejects.toThrow(/format is 0/);
    bad.format = BUNDLE_V1.format;
    await expect(handlers['library/summary']()).resolves.toMatchObject({ positionCount: 3 });
  });
});
