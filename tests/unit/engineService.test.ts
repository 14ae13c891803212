/**
 * The matching engine behind the background, over fake-indexeddb and the real shipped
 * library: what the side panel asks (`library/match`, `library/search`, `library/catalog`),
 * the index kept in IndexedDB across service-worker restarts, and schema version 2.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, test, vi } from 'vitest';
import { shippedLibrary } from '../../data/tools/cli-lib';
import { openLibraryDb, SCHEMA_VERSIONS } from '../../data/library/db';
import { INDEX_VERSION } from '../../data/engine/searchIndex';
import { isOurs } from '../../data/library/schema';
import { createLibraryService, libraryKey, readLibrary } from '../../data/service';

const bundled = shippedLibrary();
const fresh = () => openLibraryDb({ indexedDB: new IDBFactory(), IDBKeyRange });

// Each test builds the whole library's index (twice for the second): seconds on a machine shared with other jobs.
describe('library/match', { timeout: 30_000 }, () => {
  test('answers a paragraph with the Collectif’s wording first, and stays quiet on office mail', async () => {
    const db = fresh();
    const { handlers } = createLibraryService(db, bundled);
    const results = await handlers['library/match']({ text: 'Le délai de réflexion de trente jours est bien trop court, il faut trois mois.' });
    expect(results.length).toBeGreaterThan(0);
    expect(isOurs(results[0].author)).toBe(true);
    expect(await handlers['library/match']({ text: 'La réunion de bureau est reportée à jeudi, même salle.' })).toEqual([]);
    db.close();
  });

  test('keeps its index in IndexedDB: a restarted worker loads it, a changed library rebuilds it', async () => {
    const factory = new IDBFactory();
    const db = openLibraryDb({ indexedDB: factory, IDBKeyRange });
    await createLibraryService(db, bundled).ensureEngine();
    const stored = await db.cache.get('index');
    expect(stored?.version).toBe(INDEX_VERSION);
    expect(stored?.libraryKey).toBe(libraryKey(await readLibrary(db)));

    // A user's import adds a position: the next worker sees another library and rebuilds.
    const p = bundled.positions[0];
    await db.positions.put({ ...p, id: 'import:1', sourceId: p.sourceId, text: 'Nous demandons un référent traite dans chaque préfecture, joignable par les associations.' });
    const restarted = createLibraryService(db, bundled);
    const results = await restarted.handlers['library/match']({ text: 'Un référent traite joignable dans chaque préfecture, pour les associations.' });
    expect(results.map((r) => r.id)).toContain('import:1');
    expect((await db.cache.get('index'))?.libraryKey).not.toBe(stored?.libraryKey);
    db.close();
  }, 30_000);

  test('follows an import in place: the new position is suggested at once and the stored index is the new one', async () => {
    const db = openLibraryDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const service = createLibraryService(db, bundled);
    await service.ensureEngine();
    const p = bundled.positions[0];
    const added = { ...p, id: 'import:2', text: 'Nous demandons un référent traite dans chaque préfecture, joignable par les associations.' };
    await db.positions.put(added);
    await service.libraryChanged({ added: [added] });
    const results = await service.handlers['library/match']({ text: 'Un référent traite joignable dans chaque préfecture, pour les associations.' });
    expect(results.map((r) => r.id)).toContain('import:2');
    expect((await db.cache.get('index'))?.libraryKey).toBe(libraryKey(await readLibrary(db)));
    await db.positions.delete('import:2');
    await service.libraryChanged({ removed: ['import:2'] });
    expect((await service.handlers['library/match']({ text: 'Un référent traite joignable dans chaque préfecture, pour les associations.' })).map((r) => r.id)).not.toContain('import:2');
    db.close();
  }, 30_000);

  test('a change told to a worker that had stopped meanwhile: the stored index is the new library’s before the next paragraph', async () => {
    const db = openLibraryDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    await createLibraryService(db, bundled).ensureEngine();
    const before = (await db.cache.get('index'))?.libraryKey;
    // The options page saves an import while Chrome had stopped the worker: the one it wakes has no index in memory.
    const p = bundled.positions[0];
    await db.positions.put({ ...p, id: 'import:3', text: 'Nous demandons un référent traite dans chaque préfecture, joignable par les associations.' });
    const woken = createLibraryService(db, bundled);
    await woken.handlers['library/changed']();
    const now = libraryKey(await readLibrary(db));
    expect(now).not.toBe(before);
    await vi.waitFor(async () => expect((await db.cache.get('index'))?.libraryKey).toBe(now), { timeout: 20_000, interval: 50 });
    db.close();
  }, 30_000);
});

describe('library/search', () => {
  const db = fresh();
  const { handlers } = createLibraryService(db, bundled);

  test.each([
    { why: 'a measure reference lists its positions, the Collectif’s first', query: { text: 'mesure 4 bis' }, check: (ids: string[]) => ids.length > 3 },
    { why: 'a bare number is a measure', query: { text: '21' }, check: (ids: string[]) => ids.length > 3 },
  ])('$why', async ({ query, check }) => {
    const { hits } = await handlers['library/search'](query);
    expect(check(hits.map((h) => h.position.id))).toBe(true);
    const key = query.text === '21' ? 'PAN1-21' : 'PAN1-4bis';
    for (const h of hits) expect(h.position.measures).toContain(key);
    expect(isOurs(hits[0].position.author)).toBe(true);
  });

  test('a short look-up forgives a typo and highlights what matched', async () => {
    const { hits } = await handlers['library/search']({ text: 'médiateur culturels' });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].position.text.toLowerCase()).toContain('médiateurs culturels');
    expect(hits[0].highlights.length).toBeGreaterThan(0);
  });

  test('filters: only the Collectif’s own wording on a theme', async () => {
    const { hits } = await handlers['library/search']({ theme: 'mineurs', authors: 'ours', limit: 500 });
    expect(hits.length).toBeGreaterThan(10);
    for (const h of hits) {
      expect(isOurs(h.position.author)).toBe(true);
      expect(h.position.themes).toContain('mineurs');
    }
  });
});

describe('library/catalog', () => {
  test('lists every measure with its counts and, for the 2014 plan, the CNCDH status', async () => {
    const db = fresh();
    const { measures, sources, themes } = await createLibraryService(db, bundled).handlers['library/catalog']();
    expect(sources).toHaveLength(5);
    expect(themes.length).toBe(bundled.themes.length);
    const m5 = measures.find((m) => m.key === 'PAN1-5')!;
    expect(m5.cncdhStatus).toBe('partiellement mise en oeuvre');
    expect(m5.ours).toBeGreaterThan(0);
    expect(m5.count).toBeGreaterThanOrEqual(m5.ours);
    db.close();
  });

  test('names an imported source without carrying its whole text, which every panel open would receive', async () => {
    const db = fresh();
    const service = createLibraryService(db, bundled);
    await service.ensureInstalled();
    // As an import stores it (importStore): the source's row keeps the report's text, to check each wording against.
    const report = 'Compte rendu de la réunion du Collectif. '.repeat(2_000);
    await db.sources.put({ ...bundled.sources[0], id: 'imp-2026-cr', title: 'Réunion importée', origin: 'imported', text: report } as (typeof bundled.sources)[number]);
    const { sources } = await service.handlers['library/catalog']();
    const imported = sources.find((s) => s.id === 'imp-2026-cr');
    expect(imported).toMatchObject({ title: 'Réunion importée', origin: 'imported', date: bundled.sources[0].date });
    expect(imported).not.toHaveProperty('text');
    expect(JSON.stringify(sources).length).toBeLessThan(report.length / 4);
    db.close();
  });
});

describe('schema version 2', () => {
  test('opening a version 1 database keeps its library and adds the cache table', async () => {
    const factory = new IDBFactory();
    const v1 = new Dexie('positions', { indexedDB: factory, IDBKeyRange });
    v1.version(1).stores(SCHEMA_VERSIONS[0].stores);
    await v1.table('positions').put(bundled.positions[0]);
    v1.close();

    const db = openLibraryDb({ indexedDB: factory, IDBKeyRange });
    expect(await db.positions.get(bundled.positions[0].id)).toEqual(bundled.positions[0]);
    await db.cache.put({ key: 'index', libraryKey: 'x', version: 1, data: {} });
    expect(db.verno).toBe(2);
    db.close();
  });
});
