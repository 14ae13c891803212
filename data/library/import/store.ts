/**
 * Writing what users bring to the library: an imported source with its positions, a removal
 * (and its undo), a shipped source hidden, a position's labels corrected, an export applied.
 * Every write is one Dexie transaction: it all happens or nothing does, and a full storage
 * (`QuotaExceededError`) leaves the library as it was and says so in the user's language.
 *
 * Ownership (see db.ts): imported sources, their positions and edited positions are the user's;
 * `installBundled` never touches them. Shipped sources can be hidden, never deleted here.
 * After any write, the caller tells the background (`library/changed`) so the index follows.
 */
import { inPlace, placed, type LibraryDb, type PositionRecord } from '../db';
import type { Position, Source } from '../schema';
import { ImportError } from './ImportError';
import { buildExport, type ExportScope, type ExportedSource, type LibraryExport } from './exchange';
import type { ImportedSource } from './propose';

/** What `meta` holds under the key `hidden`: shipped sources the user chose not to see. */
export interface HiddenMeta {
  key: 'hidden';
  sourceIds: string[];
}

const metaOf = (db: LibraryDb) => db.table<HiddenMeta, string>('meta');

/** Runs `write` in one read-write transaction over the library tables, turning a full storage into a clear error. */
async function inTransaction<T>(db: LibraryDb, what: string, write: () => Promise<T>): Promise<T> {
  try {
    return await db.transaction('rw', [db.sources, db.positions, db.meta], write);
  } catch (error) {
    if (isQuotaError(error)) throw new ImportError('storageErrorQuota', [what], { cause: error });
    throw error;
  }
}

export function isQuotaError(error: unknown): boolean {
  for (let e = error as { name?: string; inner?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
    if (e.name === 'QuotaExceededError') return true;
    e = (e.inner ?? e.cause) as typeof e;
  }
  return false;
}

/**
 * Saves an imported source and its accepted positions. A source id already taken by an imported
 * source is replaced only with `replace`; a shipped source's id is never taken.
 */
export async function saveImport(db: LibraryDb, source: ImportedSource, positions: Position[], options: { replace?: boolean } = {}): Promise<void> {
  positions.forEach(assertTheme);
  await inTransaction(db, source.title, async () => {
    const existing = await db.sources.get(source.id);
    if (existing?.origin === 'bundled') throw new ImportError('storageErrorShipped', [existing.title]);
    if (existing && !options.replace) throw new ImportError('storageErrorTaken', [existing.title]);
    if (existing) await db.positions.where('sourceId').equals(source.id).delete();
    await db.sources.put(source);
    await db.positions.bulkPut(placed(positions.map((p) => ({ ...positionOf(p), sourceId: source.id, date: source.date }))));
  });
}

/** Only a position's own fields: a proposal's review state (`accepted`, `reasons`, `doubt`) is not stored. */
export function positionOf(p: Position & { accepted?: unknown; reasons?: unknown; doubt?: unknown }): Position {
  const { accepted: _accepted, reasons: _reasons, doubt: _doubt, ...position } = p;
  return withNames(position);
}

/**
 * Speaker and body as typed, without the spaces around them; none when nothing but spaces was typed (the cards
 * would show « Collectif —  » and the citation an empty name).
 */
function withNames<T extends Pick<Position, 'speaker' | 'organisation'>>(position: T): T {
  for (const field of ['speaker', 'organisation'] as const) {
    const name = position[field]?.trim();
    if (name) position[field] = name;
    else delete position[field];
  }
  return position;
}

/** What a removal took away, for its undo. */
export interface RemovedSource {
  source: Source;
  positions: PositionRecord[];
}

/** Removes an imported source and its positions; returns them so the page can offer « Annuler ». */
export async function removeImportedSource(db: LibraryDb, sourceId: string): Promise<RemovedSource> {
  return inTransaction(db, sourceId, async () => {
    const source = await db.sources.get(sourceId);
    if (!source) throw new Error(`removeImportedSource: no source « ${sourceId} »`);
    if (source.origin !== 'imported') throw new ImportError('storageErrorShipped', [source.title]);
    const positions = await db.positions.where('sourceId').equals(sourceId).toArray();
    await db.positions.bulkDelete(positions.map((p) => p.id));
    await db.sources.delete(sourceId);
    return { source, positions };
  });
}

/** Puts back what `removeImportedSource` took. */
export async function restoreSource(db: LibraryDb, removed: RemovedSource): Promise<void> {
  await inTransaction(db, removed.source.title, async () => {
    await db.sources.put(removed.source);
    await db.positions.bulkPut(removed.positions);
  });
}

export async function hiddenSourceIds(db: LibraryDb): Promise<string[]> {
  return (await metaOf(db).get('hidden'))?.sourceIds ?? [];
}

/** Hides (or shows again) a source: its positions are no longer suggested or searched. */
export async function setSourceHidden(db: LibraryDb, sourceId: string, hidden: boolean): Promise<string[]> {
  return inTransaction(db, sourceId, async () => {
    const ids = new Set(await hiddenSourceIds(db));
    if (hidden) ids.add(sourceId);
    else ids.delete(sourceId);
    const sourceIds = [...ids].sort();
    await metaOf(db).put({ key: 'hidden', sourceIds });
    return sourceIds;
  });
}

export type PositionLabels = Pick<Position, 'author' | 'speaker' | 'organisation' | 'measures' | 'themes'>;

/** Corrects a stored position's labels (never its text); marks it edited so updates keep it. */
export async function editPositionLabels(db: LibraryDb, id: string, labels: PositionLabels, now: Date = new Date()): Promise<PositionRecord> {
  return inTransaction(db, id, async () => {
    const p = await db.positions.get(id);
    if (!p) throw new Error(`editPositionLabels: no position « ${id} »`);
    const next = withNames<PositionRecord>({ ...p, ...labels, editedAt: now.toISOString() });
    assertTheme(next);
    await db.positions.put(next);
    return next;
  });
}

/**
 * A position keeps at least one theme: browsing by theme lists it there, and the export format asks for one, so a
 * colleague importing the file would have it refused whole. Checked before anything is written.
 */
function assertTheme(p: Pick<Position, 'text' | 'themes'>): void {
  if (p.themes.length) return;
  const words = p.text.split(/\s+/);
  throw new ImportError('storageErrorNoTheme', [words.length > 12 ? `${words.slice(0, 12).join(' ')}…` : p.text]);
}

/** The stored library as an export (see exchange.ts). */
export async function exportLibrary(db: LibraryDb, scope: ExportScope, now: Date = new Date()): Promise<LibraryExport> {
  const [sources, measures, themes, positions] = await db.transaction('r', [db.sources, db.measures, db.themes, db.positions], () =>
    Promise.all([db.sources.toArray(), db.measures.toArray(), db.themes.toArray(), db.positions.toArray()]),
  );
  sources.sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  positions.sort((a, b) => a.sourceId.localeCompare(b.sourceId) || inPlace(a, b));
  // The file keeps each passage's place by its order in the list; `order` is the database's own.
  const rows = positions.map(({ order: _, ...p }) => p);
  return buildExport({ sources: sources as ExportedSource[], measures, themes, positions: rows }, scope, now);
}

/** What the library holds, for `previewExport` and `parseExport`'s known keys. */
export async function currentForPreview(db: LibraryDb) {
  const [sources, positions, measures, themes] = await db.transaction('r', [db.sources, db.positions, db.measures, db.themes], () =>
    Promise.all([db.sources.toArray(), db.positions.toArray(), db.measures.toArray(), db.themes.toArray()]),
  );
  return {
    sources: sources as ExportedSource[],
    positions,
    known: { measureKeys: measures.map((m) => m.key), themeIds: themes.map((t) => t.id), sourceIds: sources.map((s) => s.id) },
  };
}

export interface ApplyReport {
  sources: number;
  positions: number;
}

/**
 * Applies a validated export in one transaction: new imported sources are added; an imported
 * source the library already has is replaced only when its id is in `replace`; edited positions
 * are applied, and those the user edited differently here only when their source is in `replace`.
 */
export async function applyExport(db: LibraryDb, incoming: LibraryExport, replace: ReadonlySet<string> = new Set()): Promise<ApplyReport> {
  return inTransaction(db, incoming.exportedAt, async () => {
    const report: ApplyReport = { sources: 0, positions: 0 };
    const imported = incoming.sources.filter((s) => s.origin === 'imported');
    const importedIds = new Set(imported.map((s) => s.id));
    for (const source of imported) {
      const existing = await db.sources.get(source.id);
      if (existing?.origin === 'bundled') throw new ImportError('storageErrorShipped', [existing.title]);
      if (existing && !replace.has(source.id)) continue;
      if (existing) await db.positions.where('sourceId').equals(source.id).delete();
      const positions = incoming.positions.filter((p) => p.sourceId === source.id);
      await db.sources.put(source);
      await db.positions.bulkPut(placed(positions));
      report.sources++;
      report.positions += positions.length;
    }
    for (const p of incoming.positions) {
      if (importedIds.has(p.sourceId) || !p.editedAt) continue;
      const mine = await db.positions.get(p.id);
      if (mine?.editedAt && !replace.has(p.sourceId) && mine.editedAt !== p.editedAt) continue;
      // The edit is of labels: the passage keeps its place among its source's.
      await db.positions.put(mine?.order === undefined ? p : { ...p, order: mine.order });
      report.positions++;
    }
    return report;
  });
}

/** The library without hidden sources: what the engine indexes and the panel suggests. */
export function withoutHidden<L extends { sources: Source[]; positions: Position[] }>(lib: L, hidden: readonly string[]): L {
  if (!hidden.length) return lib;
  const gone = new Set(hidden);
  return { ...lib, sources: lib.sources.filter((s) => !gone.has(s.id)), positions: lib.positions.filter((p) => !gone.has(p.sourceId)) };
}
