/**
 * The background service: one handler per message of `ProtocolMap`, over the library database.
 * Browser-free, so tests drive it with fake-indexeddb exactly as the background does.
 */
import { assertLibrary, inPlace, installBundled, type InstallReport, type LibraryDb, type PositionRecord } from './library/db';
import { hash } from './library/extract/pipeline';
import { addToIndex, buildIndex, INDEX_VERSION, loadIndex, removeFromIndex, serialiseIndex, type SearchIndex, type SerialisedIndex } from './engine/searchIndex';
import { createMatcher, type Matcher } from './engine/match';
import { createSearch, type Analyses, type Search } from './engine/search';
import { divergence } from './engine/divergence';
import type { Catalog, LibraryStatus, LibrarySummary, MessageContext, MessageType, PageMessageType, RequestOf, ResponseOf } from './protocol';
import { AUTHORS, isOurs, LIBRARY_FORMAT, type AuthorId, type Library, type Measure, type Position, type Source, type Theme } from './library/schema';
import { summarise } from './library/summary';
import { composeInsert, type InsertRequest } from './library/composeInsert';
import { MeasureSchema, PositionSchema, SourceSchema, ThemeSchema } from './library/validateLibrary';
import * as v from 'valibot';
import { outline } from './library/outline';
import { story } from './library/story';
import { hiddenSourceIds, withoutHidden } from './library/import/store';

/** Answers one message; `context` says who sent it, as the browser reports it. */
export type Handler<K extends MessageType> = (request: RequestOf<K>, context: MessageContext) => Promise<ResponseOf<K>>;
/** One handler per message: the background serves exactly this, so a message without a handler does not build. */
export type Handlers = { [K in MessageType]: Handler<K> };
/**
 * The messages this service answers: all but the page-side ones (editor/, panel/, site/), which need
 * the browser's tabs and scripting APIs and live in `utils/background/`. These ignore the sender.
 */
export type LibraryHandlers = { [K in Exclude<MessageType, PageMessageType>]: (request: RequestOf<K>) => Promise<ResponseOf<K>> };

export function createLibraryService(db: LibraryDb, bundled: Library) {
  let installing: Promise<InstallReport> | undefined;

  /**
   * Loads or refreshes the bundled library once per background lifetime. Called on
   * `runtime.onInstalled` and before answering any message, so a database that is empty
   * (onInstalled missed, storage cleared) is filled on first use. A no-op when the bundle
   * is already installed. A failed install is retried on the next call.
   */
  function ensureInstalled(): Promise<InstallReport> {
    installing ??= installBundled(db, bundled).catch((error: unknown) => {
      installing = undefined;
      throw error;
    });
    return installing;
  }

  let engine: Promise<{ library: Library; index: SearchIndex; matcher: Matcher; search: Search; catalog: Catalog }> | undefined;
  // The search box's analyses of the positions, kept across changes of the library: after an import, its first
  // look-up reads only the new positions.
  const analyses: Analyses = new Map();
  let status: LibraryStatus = { storage: 'ok', unreadable: 0, repaired: 0 };

  /**
   * The library the engine runs on: the stored one (bundled and imported), each row checked as it
   * is read back. A bundled row that does not pass (a position without `lines`…) is rewritten from
   * the bundle; any other bad row stays stored, untouched, and is left out. If the database cannot
   * be opened or read at all, the bundled library (in memory) stands in, and `library/status` says so.
   */
  async function usableLibrary(): Promise<Library> {
    assertLibrary(bundled); // a broken bundle is a build error, not a storage fault: no fallback to it
    try {
      await ensureInstalled();
      const read = await readCheckedLibrary(db);
      // What a user hid is neither indexed, suggested nor searched.
      const hidden = await hiddenSourceIds(db);
      if (!read.invalid.length) {
        status = { storage: 'ok', unreadable: 0, repaired: 0 };
        return withoutHidden(read.library, hidden);
      }
      const repaired = await repairFromBundle(db, bundled, read.invalid);
      const again = repaired ? await readCheckedLibrary(db) : read;
      status = { storage: repaired ? 'repaired' : 'ok', unreadable: again.invalid.length, repaired };
      if (again.invalid.length) console.warn(`Positions: ${again.invalid.length} stored row(s) unreadable, left out: ${again.invalid.map((r) => r.id).join(', ')}`);
      return withoutHidden(again.library, hidden);
    } catch (error) {
      console.warn('Positions: the stored library cannot be read; using the bundled library instead.', error);
      status = { storage: 'fallback', unreadable: 0, repaired: 0, detail: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
      return bundled;
    }
  }

  /**
   * The library with its search index. The index is kept in IndexedDB beside the library, so a
   * service worker that wakes up loads it (tens of ms) instead of rebuilding it; it is rebuilt only
   * when the library changed. That cache is an optimisation: failing to read or write it (a full
   * disk) only warns.
   */
  function ensureEngine() {
    engine ??= (async () => {
      const library = await usableLibrary();
      const key = libraryKey(library);
      const cached = status.storage === 'fallback' ? undefined : await db.cache.get('index').catch(warnCache('read'));
      let index;
      if (cached?.libraryKey === key && cached.version === INDEX_VERSION) {
        try {
          index = loadIndex(cached.data as SerialisedIndex, library);
        } catch (error) {
          console.warn('Positions: stored index unusable, rebuilding it.', error);
        }
      }
      if (!index) {
        index = buildIndex(library);
        if (status.storage !== 'fallback') {
          await db.cache.put({ key: 'index', libraryKey: key, version: INDEX_VERSION, data: serialiseIndex(index) }).catch(warnCache('write'));
        }
      }
      const matcher = createMatcher(index);
      return { library, index, matcher, search: createSearch(library, matcher, { analyses }), catalog: catalogOf(library) };
    })().catch((error: unknown) => {
      engine = undefined;
      throw error;
    });
    return engine;
  }

  /**
   * The library changed in the database (a source imported or removed): the search index
   * follows in place, without a rebuild, and the stored copy of the index is replaced. A
   * library not loaded yet has nothing to follow: it is read afresh on first use.
   */
  async function libraryChanged(change: { added?: readonly Position[]; removed?: readonly string[] }, stored?: Library): Promise<void> {
    if (!engine) return;
    const current = await engine;
    if (change.removed?.length) removeFromIndex(current.index, change.removed);
    if (change.added?.length) addToIndex(current.index, change.added);
    // The database already holds the change: the library as stored is the index's from now on.
    const library = stored ?? (await readVisibleLibrary(db));
    current.index.library = library;
    engine = Promise.resolve({ ...current, library, search: createSearch(library, current.matcher, { analyses }), catalog: catalogOf(library) });
    try {
      await db.cache.put({ key: 'index', libraryKey: libraryKey(library), version: INDEX_VERSION, data: serialiseIndex(current.index) });
    } catch (error) {
      // The stored index is only a shortcut for the next start: without it, the next start rebuilds.
      console.warn('Positions: could not store the updated index.', error);
    }
  }

  const handlers: LibraryHandlers = {
    'library/summary': async () => {
      assertLibrary(bundled);
      try {
        await ensureInstalled();
        return await summarise(db);
      } catch (error) {
        console.warn('Positions: the stored library cannot be counted; describing the bundled library instead.', error);
        return summaryOf(bundled);
      }
    },
    'library/status': async () => {
      await ensureEngine().catch(() => undefined);
      return status;
    },
    'library/match': async ({ text, k }) =>
      (await ensureEngine()).matcher.match(text, { k: k ?? 5 }).map((result) => {
        // A gentle note when the paragraph departs from the wording (a figure, a duration, a stance).
        const departs = divergence(text, result);
        return departs ? { ...result, divergence: departs } : result;
      }),
    'library/search': async (query) => (await ensureEngine()).search(query),
    'library/prepareSearch': async () => (await ensureEngine()).search.prepare(),
    'library/catalog': async () => (await ensureEngine()).catalog,
    'library/story': async ({ key, with: who }) => {
      const { library, matcher } = await ensureEngine();
      return story(library, key, { with: who, twins: matcher.twins });
    },
    'library/outline': async ({ measures, with: who }) => outline((await ensureEngine()).library, measures, { with: who }),
    'library/changed': async () => refreshIndex(),
  };

  /** The text of an insert, from the library in use (`composeInsert`: verbatim, never CNCDH or government words). */
  const compose = async (request: InsertRequest) => composeInsert((await ensureEngine()).library, request);

  /**
   * The one place the index follows the stored library after an extension page changed it
   * (import, removal, label correction, hidden source): the positions that differ from what the
   * index holds are removed and added in place (`libraryChanged`), without a rebuild.
   */
  async function refreshIndex(): Promise<void> {
    if (!engine) {
      // The worker was stopped while the change was prepared (a review lasts longer than Chrome's 30 idle seconds): no
      // index in memory to follow, and the stored one is the former library's. Prepared now, not at the next
      // paragraph: the stored index is rebuilt and written while the user is still on the options page.
      ensureEngine().catch((error: unknown) => console.warn('Positions: preparing the index after a change failed; it is built at first use.', error));
      return;
    }
    const before = new Map((await engine).library.positions.map((p) => [p.id, JSON.stringify(p)]));
    const stored = await readVisibleLibrary(db);
    const afterIds = new Set(stored.positions.map((p) => p.id));
    const changed = stored.positions.filter((p) => before.get(p.id) !== JSON.stringify(p));
    const changedIds = new Set(changed.map((p) => p.id));
    const removed = [...before.keys()].filter((id) => !afterIds.has(id) || changedIds.has(id));
    await libraryChanged({ added: changed, removed }, stored);
  }

  return { ensureInstalled, ensureEngine, libraryChanged, refreshIndex, handlers, compose, status: () => status };
}

function warnCache(what: 'read' | 'write') {
  return (error: unknown): undefined => {
    console.warn(`Positions: could not ${what} the cached search index (the library still works; the index is rebuilt when needed).`, error);
    return undefined;
  };
}

/** What `summarise` answers, from a library in memory (when the database cannot be read). */
function summaryOf(library: Library): LibrarySummary {
  const count = (sourceId: string) => library.positions.filter((p) => p.sourceId === sourceId).length;
  const authors = Object.fromEntries(AUTHORS.map((a) => [a, library.positions.filter((p) => p.author === a).length])) as Record<AuthorId, number>;
  return {
    sources: library.sources
      .map(({ id, title, shortTitle, date, kind }) => ({ id, title, shortTitle, date, kind, origin: 'bundled' as const, positionCount: count(id) }))
      .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id)),
    positionCount: library.positions.length,
    authors,
  };
}

type Row = { table: 'sources' | 'measures' | 'themes' | 'positions'; id: string };

/** The stored library, every row checked; the rows that do not pass are listed, not loaded. */
export async function readCheckedLibrary(db: LibraryDb): Promise<{ library: Library; invalid: Row[] }> {
  const invalid: Row[] = [];
  const keep = <T>(table: Row['table'], schema: v.GenericSchema, rows: unknown[], idOf: (row: Record<string, unknown>) => unknown): T[] =>
    rows.filter((row) => {
      if (v.is(schema, row)) return true;
      invalid.push({ table, id: String(idOf((row ?? {}) as Record<string, unknown>)) });
      return false;
    }) as T[];
  const raw = await db.transaction('r', [db.sources, db.measures, db.themes, db.positions], () =>
    Promise.all([db.sources.toArray(), db.measures.toArray(), db.themes.toArray(), db.positions.toArray()]),
  );
  const sources = keep<Source>('sources', SourceSchema, raw[0], (r) => r.id);
  const measures = keep<Measure>('measures', MeasureSchema, raw[1], (r) => r.key);
  const themes = keep<Theme>('themes', ThemeSchema, raw[2], (r) => r.id);
  const positions = keep<Position>('positions', PositionSchema, raw[3], (r) => r.id);
  return { library: ordered({ format: LIBRARY_FORMAT, sources, measures, themes, positions }), invalid };
}

/** Rewrites the bad rows the bundle has (same table, same id) from the bundle; returns how many. */
async function repairFromBundle(db: LibraryDb, bundled: Library, invalid: Row[]): Promise<number> {
  const wanted = (table: Row['table']) => new Set(invalid.filter((r) => r.table === table).map((r) => r.id));
  const fix = {
    sources: bundled.sources.filter((s) => wanted('sources').has(s.id)).map((s) => ({ ...s, origin: 'bundled' as const })),
    measures: bundled.measures.filter((m) => wanted('measures').has(m.key)),
    themes: bundled.themes.filter((t) => wanted('themes').has(t.id)),
    positions: bundled.positions.filter((p) => wanted('positions').has(p.id)),
  };
  const total = fix.sources.length + fix.measures.length + fix.themes.length + fix.positions.length;
  if (!total) return 0;
  await db.transaction('rw', [db.sources, db.measures, db.themes, db.positions], async () => {
    await db.sources.bulkPut(fix.sources);
    await db.measures.bulkPut(fix.measures);
    await db.themes.bulkPut(fix.themes);
    await db.positions.bulkPut(fix.positions);
  });
  console.warn(`Positions: ${total} stored row(s) were malformed and have been rewritten from the bundled library.`);
  return total;
}

export type LibraryService = ReturnType<typeof createLibraryService>;

/**
 * Sources, measures and themes with their counts: computed once per library, asked at every panel open. An imported
 * source's row also keeps its whole text (each wording is checked against it); the catalog leaves it out: no page
 * shows it, and eighty imported reports made every panel open carry 1.5 MB.
 */
function catalogOf(library: Library): Catalog {
  const measures = new Map(library.measures.map((m) => [m.key, { ...m, count: 0, ours: 0 }]));
  const themes = new Map(library.themes.map((t) => [t.id, { ...t, count: 0 }]));
  for (const p of library.positions) {
    for (const key of p.measures) {
      const m = measures.get(key);
      if (!m) continue;
      m.count++;
      if (isOurs(p.author)) m.ours++;
    }
    for (const id of p.themes) {
      const t = themes.get(id);
      if (t) t.count++;
    }
  }
  const sources = library.sources.map((source) => {
    const { text: _, ...rest } = source as Source & { text?: string };
    return rest;
  });
  return { sources, measures: [...measures.values()], themes: [...themes.values()] };
}

/** The library as stored, in a stable order (sources by date, positions by source and line). */
export async function readLibrary(db: LibraryDb): Promise<Library> {
  return (await readCheckedLibrary(db)).library;
}

function ordered(library: Library): Library {
  const sources = [...library.sources].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const rank = new Map(sources.map((s, i) => [s.id, i]));
  // Sentences of one line keep their place (`order`, written with the rows), which is the database's own.
  const positions = ([...library.positions] as PositionRecord[])
    .sort((a, b) => (rank.get(a.sourceId) ?? 0) - (rank.get(b.sourceId) ?? 0) || inPlace(a, b))
    .map(({ order: _, ...p }) => p);
  return { ...library, sources, positions };
}

/** The library as stored, without the sources a user hid: what is indexed, suggested and searched. */
export async function readVisibleLibrary(db: LibraryDb): Promise<Library> {
  return withoutHidden(await readLibrary(db), await hiddenSourceIds(db));
}

/** Identifies a library's content: its positions' ids and wordings. */
export function libraryKey(library: Library): string {
  return `${library.positions.length}:${hash(library.positions.map((p) => `${p.id}\u0000${p.author}\u0000${p.text}`).join('\u0001'))}`;
}
