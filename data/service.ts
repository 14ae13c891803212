/**
 * The background service: one handler per message of `ProtocolMap`, over the library database.
 * Browser-free, so tests drive it with fake-indexeddb exactly as the background does.
 */
import { installBundled, type InstallReport, type LibraryDb } from './library/db';
import { hash } from './library/extract/pipeline';
import { addToIndex, buildIndex, INDEX_VERSION, loadIndex, removeFromIndex, serialiseIndex, type SearchIndex, type SerialisedIndex } from './engine/searchIndex';
import { createMatcher, type Matcher } from './engine/match';
import { createSearch, type Search } from './engine/search';
import { divergence } from './engine/divergence';
import type { Catalog, MessageContext, MessageType, PageMessageType, RequestOf, ResponseOf } from './protocol';
import { isOurs, LIBRARY_FORMAT, type Library, type Position } from './library/schema';
import { summarise } from './library/summary';
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

  /**
   * The library as stored (bundled and imported) with its search index. The index is kept in
   * IndexedDB beside the library, so a service worker that wakes up loads it (tens of ms)
   * instead of rebuilding it; it is rebuilt only when the library changed.
   */
  function ensureEngine() {
    engine ??= (async () => {
      await ensureInstalled();
      const library = await readVisibleLibrary(db);
      const key = libraryKey(library);
      const cached = await db.cache.get('index');
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
        await db.cache.put({ key: 'index', libraryKey: key, version: INDEX_VERSION, data: serialiseIndex(index) });
      }
      const matcher = createMatcher(index);
      return { library, index, matcher, search: createSearch(library, matcher), catalog: catalogOf(library) };
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
  async function libraryChanged(change: { added?: readonly Position[]; removed?: readonly string[] }): Promise<void> {
    if (!engine) return;
    const current = await engine;
    if (change.removed?.length) removeFromIndex(current.index, change.removed);
    if (change.added?.length) addToIndex(current.index, change.added);
    // The database already holds the change: the library as stored is the index's from now on.
    const library = await readVisibleLibrary(db);
    current.index.library = library;
    engine = Promise.resolve({ ...current, library, search: createSearch(library, current.matcher), catalog: catalogOf(library) });
    try {
      await db.cache.put({ key: 'index', libraryKey: libraryKey(library), version: INDEX_VERSION, data: serialiseIndex(current.index) });
    } catch (error) {
      // The stored index is only a shortcut for the next start: without it, the next start rebuilds.
      console.warn('Positions: could not store the updated index.', error);
    }
  }

  const handlers: LibraryHandlers = {
    'library/summary': async () => {
      await ensureInstalled();
      return summarise(db);
    },
    'library/match': async ({ text, k }) =>
      (await ensureEngine()).matcher.match(text, { k: k ?? 5 }).map((result) => {
        // A gentle note when the paragraph departs from the wording (a figure, a duration, a stance).
        const departs = divergence(text, result);
        return departs ? { ...result, divergence: departs } : result;
      }),
    'library/search': async (query) => ({ hits: (await ensureEngine()).search(query) }),
    'library/catalog': async () => (await ensureEngine()).catalog,
    'library/story': async ({ key, with: who }) => story((await ensureEngine()).library, key, { with: who }),
    'library/outline': async ({ measures, with: who }) => outline((await ensureEngine()).library, measures, { with: who }),
    'library/changed': async () => refreshIndex(),
  };

  /**
   * The one place the index follows the stored library after an extension page changed it
   * (import, removal, label correction, hidden source): the positions that differ from what the
   * index holds are removed and added in place (`libraryChanged`), without a rebuild.
   */
  async function refreshIndex(): Promise<void> {
    if (!engine) return;
    const before = new Map((await engine).library.positions.map((p) => [p.id, JSON.stringify(p)]));
    const after = (await readVisibleLibrary(db)).positions;
    const afterIds = new Set(after.map((p) => p.id));
    const changed = after.filter((p) => before.get(p.id) !== JSON.stringify(p));
    const removed = [...before.keys()].filter((id) => !afterIds.has(id) || changed.some((p) => p.id === id));
    await libraryChanged({ added: changed, removed });
  }

  return { ensureInstalled, ensureEngine, libraryChanged, handlers };
}

export type LibraryService = ReturnType<typeof createLibraryService>;

/** Sources, measures and themes with their counts: computed once per library, asked at every panel open. */
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
  return { sources: library.sources, measures: [...measures.values()], themes: [...themes.values()] };
}

/** The library as stored, in a stable order (sources by date, positions by source and line). */
export async function readLibrary(db: LibraryDb): Promise<Library> {
  return db.transaction('r', [db.sources, db.measures, db.themes, db.positions], async () => {
    const [sources, measures, themes, positions] = await Promise.all([
      db.sources.toArray(),
      db.measures.toArray(),
      db.themes.toArray(),
      db.positions.toArray(),
    ]);
    sources.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
    const order = new Map(sources.map((s, i) => [s.id, i]));
    positions.sort((a, b) => (order.get(a.sourceId) ?? 0) - (order.get(b.sourceId) ?? 0) || a.lines[0] - b.lines[0] || a.id.localeCompare(b.id));
    return { format: LIBRARY_FORMAT, sources, measures, themes, positions };
  });
}

/** The library as stored, without the sources a user hid: what is indexed, suggested and searched. */
export async function readVisibleLibrary(db: LibraryDb): Promise<Library> {
  return withoutHidden(await readLibrary(db), await hiddenSourceIds(db));
}

/** Identifies a library's content: its positions' ids and wordings. */
export function libraryKey(library: Library): string {
  return `${library.positions.length}:${hash(library.positions.map((p) => `${p.id}\u0000${p.author}\u0000${p.text}`).join('\u0001'))}`;
}
