/**
 * The options page's hold on the stored library: it opens the same IndexedDB database as the
 * background (extension pages share its origin), writes through `data/library/import/store.ts`,
 * and after every write tells the background once (`library/changed`) so suggestions follow.
 */
import { useEffect, useState } from 'preact/hooks';
import { openLibraryDb, type LibraryDb, type PositionRecord } from '../data/library/db';
import type { Source } from '../data/library/schema';
import { hiddenSourceIds } from '../data/library/import/store';
import { sendMessage } from '../utils/messaging';
import { useLibraryVersion } from './useLibraryVersion';

let db: LibraryDb | undefined;

export function libraryDb(): LibraryDb {
  db ??= openLibraryDb();
  return db;
}

/**
 * Runs a write, then lets the background rebuild what it derives from the library; it then tells every open page
 * (`library/updated`, this one included), which is how the sources list below reads again.
 */
export async function write<T>(change: (db: LibraryDb) => Promise<T>): Promise<T> {
  const result = await change(libraryDb());
  await sendMessage('library/changed', undefined);
  return result;
}

/**
 * Waits until the shipped sources are in the database. On the first run the background may still be storing them: it
 * answers the summary once they are in (service.ts, `ensureInstalled`). Whatever reads the database directly (the
 * sources list, an export, the preview of a file) waits for this first; read before, it would miss them.
 */
export async function libraryInstalled(): Promise<void> {
  await sendMessage('library/summary', undefined).catch(() => undefined);
}

export interface SourceRow {
  source: Source;
  count: number;
  hidden: boolean;
}

/**
 * Every stored source with its number of positions; read again at each change of the library, made here or in another
 * window (`useLibraryVersion`).
 */
export function useSources() {
  const [rows, setRows] = useState<SourceRow[] | undefined>();
  const version = useLibraryVersion();
  useEffect(() => {
    let current = true;
    void (async () => {
      // Read before the shipped sources are stored, the list was empty until a reload.
      await libraryInstalled();
      const d = libraryDb();
      const [sources, hidden] = await Promise.all([d.sources.toArray(), hiddenSourceIds(d)]);
      sources.sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
      const counts = await Promise.all(sources.map((s) => d.positions.where('sourceId').equals(s.id).count()));
      if (current) setRows(sources.map((source, i) => ({ source, count: counts[i] ?? 0, hidden: hidden.includes(source.id) })));
    })();
    return () => {
      current = false;
    };
  }, [version]);
  return { rows };
}

export async function positionsOf(sourceId: string): Promise<PositionRecord[]> {
  const list = await libraryDb().positions.where('sourceId').equals(sourceId).toArray();
  return list.sort((a, b) => a.lines[0] - b.lines[0]);
}
