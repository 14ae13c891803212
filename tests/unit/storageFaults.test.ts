/**
 * Issue 12 item 4: the library keeps working when storage misbehaves. The search-index cache is an
 * optimisation (a full disk only warns); a malformed stored row is repaired from the bundle or left
 * out, never taking the engine down; a database that cannot open at all falls back to the bundled
 * library; and `library/status` tells the panel which of these happened.
 * Over fake-indexeddb, with the same service the background runs.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { openLibraryDb, type LibraryDb } from '../../data/library/db';
import { createLibraryService } from '../../data/service';
import { library, position, source } from './libraryFixture';

/** Positions the matcher finds for « délai de réflexion ». */
const BUNDLE = library(
  [source('cr-a')],
  [
    position('cr-a', 1, { text: 'Le Collectif demande que le délai de réflexion soit porté à trois mois.', themes: ['delai-reflexion'], measures: ['PAN1-4bis'] }),
    position('cr-a', 2, { text: 'Le délai de réflexion de trente jours est trop court pour les victimes.', themes: ['delai-reflexion'], measures: ['PAN1-4bis'] }),
  ],
);
const QUERY = 'Nous demandons que le délai de réflexion de trente jours soit porté à trois mois pour les victimes.';

let factory: IDBFactory;
let db: LibraryDb;
beforeEach(() => {
  factory = new IDBFactory();
  db = openLibraryDb({ indexedDB: factory, IDBKeyRange });
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  db.close();
  vi.restoreAllMocks();
});

/** A fresh service on the same database, as after the browser restarts the service worker. */
const restart = () => createLibraryService(openLibraryDb({ indexedDB: factory, IDBKeyRange }), BUNDLE);

describe('a full disk', () => {
  test('failing to cache the index only warns: match, search and catalog answer, every time', async () => {
    const { handlers } = createLibraryService(db, BUNDLE);
    const put = vi.spyOn(db.cache, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));

    for (let i = 0; i < 2; i++) {
      await expect(handlers['library/match']({ text: QUERY })).resolves.not.toEqual([]);
      await expect(handlers['library/search']({ text: 'délai' })).resolves.toMatchObject({ hits: expect.arrayContaining([expect.anything()]) });
      await expect(handlers['library/catalog']()).resolves.toMatchObject({ sources: [expect.objectContaining({ id: 'cr-a' })] });
    }
    expect(put).toHaveBeenCalled();
    expect(console.warn).toHaveBeenCalledWith(expect.stringContaining('could not write the cached search index'), expect.any(DOMException));
    await expect(handlers['library/status']()).resolves.toMatchObject({ storage: 'ok', unreadable: 0 });
  });
});

describe('a malformed stored row', () => {
  test('a bundled position without `lines` is rewritten from the bundle, although the bundle hash is unchanged', async () => {
    await createLibraryService(db, BUNDLE).ensureInstalled();
    const broken = { ...(await db.positions.get('cr-a:0001'))! } as Record<string, unknown>;
    delete broken.lines;
    await db.positions.put(broken as never);

    const { handlers } = restart();
    const results = await handlers['library/match']({ text: QUERY });
    expect(results.map((r) => r.id)).toContain('cr-a:0001');
    await expect(handlers['library/status']()).resolves.toMatchObject({ storage: 'repaired', repaired: 1, unreadable: 0 });
    expect((await db.positions.get('cr-a:0001'))?.lines).toEqual([1, 1]);
  });

  test('a malformed imported position is left out and kept in the database; the rest works and the panel is told', async () => {
    await createLibraryService(db, BUNDLE).ensureInstalled();
    await db.sources.put(source('import-1', { origin: 'imported' }));
    await db.positions.put({ id: 'import-1:0001', text: 'Le délai de réflexion.', author: 'collectif', sourceId: 'import-1' } as never);

    const { handlers } = restart();
    const results = await handlers['library/match']({ text: QUERY });
    expect(results.map((r) => r.id)).toContain('cr-a:0001');
    expect(results.map((r) => r.id)).not.toContain('import-1:0001');
    await expect(handlers['library/status']()).resolves.toMatchObject({ storage: 'ok', unreadable: 1 });
    expect(await db.positions.get('import-1:0001')).toMatchObject({ text: 'Le délai de réflexion.' });
  });
});

describe('a database that cannot open', () => {
  test('the bundled library stands in: match, search, catalog and summary answer; the status says so', async () => {
    const refusing = {
      open: () => {
        throw new DOMException('The user denied permission to access the database.', 'UnknownError');
      },
      deleteDatabase: () => {
        throw new DOMException('denied', 'UnknownError');
      },
      cmp: factory.cmp.bind(factory),
      databases: async () => [],
    } as unknown as IDBFactory;
    const { handlers } = createLibraryService(openLibraryDb({ name: 'refused', indexedDB: refusing, IDBKeyRange }), BUNDLE);

    await expect(handlers['library/match']({ text: QUERY })).resolves.toEqual(expect.arrayContaining([expect.objectContaining({ id: 'cr-a:0001' })]));
    await expect(handlers['library/search']({ text: 'délai' })).resolves.toMatchObject({ hits: expect.arrayContaining([expect.anything()]) });
    await expect(handlers['library/catalog']()).resolves.toMatchObject({ sources: [expect.objectContaining({ id: 'cr-a' })] });
    await expect(handlers['library/summary']()).resolves.toMatchObject({ positionCount: 2, sources: [expect.objectContaining({ id: 'cr-a', positionCount: 2 })] });
    await expect(handlers['library/status']()).resolves.toMatchObject({ storage: 'fallback', detail: expect.stringContaining('denied permission') });
  });
});
