/**
 * The library as the extension stores it: a Dexie (IndexedDB) database, its versioned
 * schema, and `installBundled`, which loads the library shipped with the extension.
 *
 * Pure TypeScript with no `browser.*`: the background, the tests (with fake-indexeddb)
 * and any extension page open the same database through `openLibraryDb`.
 *
 * Ownership rule (what an update may touch):
 * - *bundled* rows are sources with `origin: 'bundled'`, their positions, and the measures
 *   and themes the bundle brought; an extension update replaces them;
 * - *user* rows are sources with `origin: 'imported'`, their positions, and any position a
 *   user edited (`editedAt` set); nothing here ever overwrites or deletes them.
 */
import { Dexie, type EntityTable } from 'dexie';
import { LIBRARY_FORMAT, type Library, type Measure, type Position, type Source, type Theme } from './schema';

export const DB_NAME = 'positions';

/** A position as stored. */
export interface PositionRecord extends Position {
  /** ISO timestamp, set when a user changed this position in the extension; `installBundled` then keeps it. */
  editedAt?: string;
  /**
   * Its place among its source's passages, as extracted: several sentences of one line of a report share `lines`, and
   * « Le Collectif insiste pour que cette phrase … » must come after the sentence it speaks of. Rows keyed by id come
   * out of the database in id order; this puts them back (`readCheckedLibrary`).
   */
  order?: number;
}

/** A source's passages in their place: by line, then as extracted (`order`); rows written without it, by id. */
export function inPlace(a: PositionRecord, b: PositionRecord): number {
  return a.lines[0] - b.lines[0] || (a.order ?? -1) - (b.order ?? -1) || a.id.localeCompare(b.id);
}

/** Rows that keep their place: each position's `order` is its index in `positions` (a source's passages as extracted). */
export function placed<T extends Position>(positions: readonly T[]): (T & { order: number })[] {
  return positions.map((p, order) => ({ ...p, order }));
}

/** What `meta` holds under the key `bundled`: which bundle is installed and what it brought. */
export interface BundledMeta {
  key: 'bundled';
  /** `libraryHash` of the installed bundle; a different hash means the bundle must be refreshed. */
  hash: string;
  /** Its rows carry their `order`; a bundle installed before they did is written again once. */
  ordered?: true;
  format: number;
  /** ISO timestamp of the install or refresh. */
  installedAt: string;
  sourceIds: string[];
  measureKeys: string[];
  themeIds: string[];
}

export type MetaRecord = BundledMeta;

/** What `cache` holds under the key `index`: the library's search index, ready to load. */
export interface IndexCache {
  key: 'index';
  /** Identifies the library the index was built from (see `libraryKey`): another one means a rebuild. */
  libraryKey: string;
  version: number;
  data: unknown;
}

export type LibraryDb = Dexie & {
  sources: EntityTable<Source, 'id'>;
  measures: EntityTable<Measure, 'key'>;
  themes: EntityTable<Theme, 'id'>;
  positions: EntityTable<PositionRecord, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
  cache: EntityTable<IndexCache, 'key'>;
};

/**
 * Every schema version, oldest first. Never edit a published version: add the next one,
 * with an `upgrade` if existing rows must change, and a migration test in tests/unit/db.test.ts.
 */
export const SCHEMA_VERSIONS: ReadonlyArray<{ version: number; stores: Record<string, string> }> = [
  {
    version: 1,
    stores: {
      sources: 'id, origin, date',
      measures: 'key, plan',
      themes: 'id',
      positions: 'id, sourceId, author, *measures, *themes',
      meta: 'key',
    },
  },
  {
    // v2: a cache for what is derived from the library and costly to rebuild (the search index).
    // Nothing to migrate: a missing cache entry is simply rebuilt.
    version: 2,
    // Dexie carries the tables of earlier versions forward: only what changes is listed.
    stores: { cache: 'key' },
  },
];

export interface OpenOptions {
  name?: string;
  /** IndexedDB implementation; defaults to the browser's. Tests pass fake-indexeddb's. */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
}

/** Opens (lazily, on first query) the library database. */
export function openLibraryDb(options: OpenOptions = {}): LibraryDb {
  const { name = DB_NAME, indexedDB, IDBKeyRange } = options;
  const db = new Dexie(name, indexedDB && IDBKeyRange ? { indexedDB, IDBKeyRange } : undefined) as LibraryDb;
  for (const { version, stores } of SCHEMA_VERSIONS) db.version(version).stores(stores);
  return db;
}

/**
 * Identifies a bundle's content: SHA-256 of its JSON, in hex. Same content, same hash, so
 * reinstalling an unchanged bundle is a no-op.
 */
export async function libraryHash(library: Library): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(library));
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface InstallReport {
  /** `unchanged` when this exact bundle was already installed (nothing written). */
  status: 'installed' | 'refreshed' | 'unchanged';
  hash: string;
  sources: number;
  positions: number;
  /** Bundled rows not written because a user row has the same id (the user's row wins). */
  skipped: string[];
}

/** Throws a readable error when `library` is not something `installBundled` can load. */
export function assertLibrary(library: Library): void {
  const problem =
    library == null || typeof library !== 'object'
      ? 'it is not an object'
      : library.format !== LIBRARY_FORMAT
        ? `its format is ${String(library.format)}, this version of the extension reads format ${LIBRARY_FORMAT}`
        : !Array.isArray(library.sources) || !Array.isArray(library.positions)
          ? 'it has no sources or positions array'
          : !Array.isArray(library.measures) || !Array.isArray(library.themes)
            ? 'it has no measures or themes array'
            : undefined;
  if (problem) {
    throw new Error(`installBundled: the bundled library cannot be loaded because ${problem}. Rebuild it with \`npm run library -- build\`.`);
  }
}

/**
 * Loads the bundled library into `db` (first install), or replaces the previously bundled
 * part with it (extension update). Imported sources, their positions and edited positions
 * are left as they are. Everything happens in one transaction: if any write fails, the
 * database is left exactly as it was and the returned promise rejects.
 */
export async function installBundled(db: LibraryDb, library: Library, now: Date = new Date()): Promise<InstallReport> {
  assertLibrary(library);
  // Hash before the transaction: awaiting non-IndexedDB work inside it would let it commit early.
  const hash = await libraryHash(library);
  const bundledSources = library.sources.map((source): Source => ({ ...source, origin: 'bundled' }));

  return db.transaction('rw', [db.sources, db.measures, db.themes, db.positions, db.meta], async () => {
    const previous = await db.meta.get('bundled');
    const counts = { sources: bundledSources.length, positions: library.positions.length };
    if (previous?.hash === hash && previous.ordered) return { status: 'unchanged', hash, ...counts, skipped: [] };

    const userSourceIds = new Set(
      (await db.sources.where('origin').equals('imported').primaryKeys()) as string[],
    );
    const oldBundledSourceIds = (await db.sources.where('origin').equals('bundled').primaryKeys()) as string[];
    const oldBundledPositions = await db.positions.where('sourceId').anyOf(oldBundledSourceIds).toArray();
    const editedIds = new Set(oldBundledPositions.filter((p) => p.editedAt).map((p) => p.id));

    // Drop what the previous bundle brought, except what a user edited.
    await db.positions.bulkDelete(oldBundledPositions.filter((p) => !p.editedAt).map((p) => p.id));
    const stillCited = new Set((await db.positions.where('sourceId').anyOf(oldBundledSourceIds).toArray()).map((p) => p.sourceId));
    await db.sources.bulkDelete(oldBundledSourceIds.filter((id) => !stillCited.has(id)));

    // Write the new bundle, skipping ids a user row already holds.
    const [sources, clashingSources] = partition(bundledSources, (s) => !userSourceIds.has(s.id));
    const keptSourceIds = new Set(sources.map((s) => s.id));
    const candidates = library.positions.filter((p) => keptSourceIds.has(p.sourceId) && !editedIds.has(p.id));
    const taken = new Set((await db.positions.bulkGet(candidates.map((p) => p.id))).flatMap((p) => (p ? [p.id] : [])));
    const [positions, clashingPositions] = partition(candidates, (p) => !taken.has(p.id));
    const skipped = [...clashingSources, ...clashingPositions].map((row) => row.id);
    await db.sources.bulkPut(sources);
    const order = new Map(library.positions.map((p, i) => [p.id, i]));
    await db.positions.bulkPut(positions.map((p) => ({ ...p, order: order.get(p.id)! })));

    // Measures and themes: the bundle's taxonomy wins; keys it no longer has go, unless still used.
    const stillUsed = await removeStaleTaxonomy(db, previous, library);
    await db.measures.bulkPut(library.measures);
    await db.themes.bulkPut(library.themes);

    await db.meta.put({
      key: 'bundled',
      hash,
      ordered: true,
      format: library.format,
      installedAt: now.toISOString(),
      sourceIds: sources.map((s) => s.id),
      // Keys kept only because a user row still uses them stay the bundle's, to be removed later.
      measureKeys: [...library.measures.map((m) => m.key), ...stillUsed.measureKeys],
      themeIds: [...library.themes.map((t) => t.id), ...stillUsed.themeIds],
    });
    return { status: previous ? 'refreshed' : 'installed', hash, sources: sources.length, positions: positions.length, skipped };
  });
}

/**
 * Deletes the measures and themes the previous bundle brought and the new one no longer has,
 * except those a stored position still uses; returns those kept.
 */
async function removeStaleTaxonomy(
  db: LibraryDb,
  previous: BundledMeta | undefined,
  library: Library,
): Promise<{ measureKeys: string[]; themeIds: string[] }> {
  if (!previous) return { measureKeys: [], themeIds: [] };
  const measureKeys = new Set(library.measures.map((m) => m.key));
  const themeIds = new Set(library.themes.map((t) => t.id));
  const goneMeasures = previous.measureKeys.filter((key) => !measureKeys.has(key));
  const goneThemes = previous.themeIds.filter((id) => !themeIds.has(id));
  const usedMeasures = new Set((await db.positions.where('measures').anyOf(goneMeasures).toArray()).flatMap((p) => p.measures));
  const usedThemes = new Set((await db.positions.where('themes').anyOf(goneThemes).toArray()).flatMap((p) => p.themes));
  const [keptMeasures, deadMeasures] = partition(goneMeasures, (key) => usedMeasures.has(key));
  const [keptThemes, deadThemes] = partition(goneThemes, (id) => usedThemes.has(id));
  await db.measures.bulkDelete(deadMeasures);
  await db.themes.bulkDelete(deadThemes);
  return { measureKeys: keptMeasures, themeIds: keptThemes };
}

function partition<T>(items: T[], keep: (item: T) => boolean): [T[], T[]] {
  const kept: T[] = [];
  const dropped: T[] = [];
  for (const item of items) (keep(item) ? kept : dropped).push(item);
  return [kept, dropped];
}
