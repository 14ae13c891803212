/**
 * The file a coalition shares: the library as `npm run library -- export` writes it, plus a
 * `formatVersion`, the export's date and scope, each imported source's text (so every wording
 * can be checked against it) and, on edited positions, `editedAt`. Schema:
 * `docs/positions-export.schema.json`; README « Partager la bibliothèque ».
 *
 * Reading one is all or nothing: the whole file is validated first (format version, shape,
 * unique ids, known measure and theme keys, every wording found in its source's text), then a
 * preview says what would change, then `applyExport` (store.ts) writes it in one transaction.
 */
import * as v from 'valibot';
import { AUTHORS, LIBRARY_FORMAT, type Library, type Position, type Source } from '../schema';
import { cleanedSource, squash } from '../extract/verify';
import { ImportError } from './ImportError';

/** Bump when a field changes meaning; readers refuse a newer version with a clear message. */
export const EXCHANGE_FORMAT = 1;

export type ExportScope = 'all' | 'user';

export interface ExportedSource extends Source {
  /** The source's text, for imported sources (bundled ones ship with the extension). */
  text?: string;
}

export interface ExportedPosition extends Position {
  /** Set when a user corrected this position's labels. */
  editedAt?: string;
}

export interface LibraryExport extends Library {
  formatVersion: number;
  /** ISO timestamp. */
  exportedAt: string;
  /** `all`: the whole library; `user`: only what was imported or edited. */
  scope: ExportScope;
  sources: ExportedSource[];
  positions: ExportedPosition[];
}

const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'));
const nonEmpty = v.pipe(v.string(), v.minLength(1, 'texte non vide / non-empty text'));

const SourceSchema = v.object({
  id: nonEmpty,
  file: v.string(),
  title: nonEmpty,
  shortTitle: v.string(),
  kind: v.string(),
  date: isoDate,
  meeting: v.string(),
  participants: v.array(v.string()),
  origin: v.picklist(['bundled', 'imported']),
  text: v.optional(v.string()),
});

// Loose: fields a later library adds travel through untouched; those known today are checked.
const PositionSchema = v.looseObject({
  id: nonEmpty,
  text: nonEmpty,
  author: v.picklist(AUTHORS),
  speaker: v.optional(v.string()),
  organisation: v.optional(v.string()),
  measures: v.array(v.string()),
  themes: v.pipe(v.array(v.string()), v.minLength(1, 'au moins un thème / at least one theme')),
  sourceId: nonEmpty,
  date: isoDate,
  section: v.string(),
  lines: v.tuple([v.pipe(v.number(), v.integer(), v.minValue(1)), v.pipe(v.number(), v.integer(), v.minValue(1))]),
  editedAt: v.optional(v.string()),
  measureReasons: v.optional(v.record(v.string(), v.picklist(['section', 'mention', 'cue']))),
  kind: v.optional(v.string()),
  heading: v.optional(v.literal(true)),
  context: v.optional(v.string()),
  quotedIn: v.optional(v.looseObject({})),
  citations: v.optional(v.array(v.looseObject({}))),
});

const MeasureSchema = v.looseObject({ key: nonEmpty, plan: v.string(), number: v.string(), title: v.string() });
const ThemeSchema = v.object({ id: nonEmpty, label: v.string(), about: v.string() });

export const ExportSchema = v.object({
  formatVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  format: v.literal(LIBRARY_FORMAT),
  exportedAt: v.string(),
  scope: v.picklist(['all', 'user']),
  sources: v.array(SourceSchema),
  measures: v.array(MeasureSchema),
  themes: v.array(ThemeSchema),
  positions: v.array(PositionSchema),
});

/** What the reader already has: keys an export may use without carrying them. */
export interface Known {
  measureKeys: Iterable<string>;
  themeIds: Iterable<string>;
  sourceIds: Iterable<string>;
}

/**
 * Parses and validates an export whole; throws the first problem as an `ImportError` naming the
 * file and the place. Nothing is written here.
 */
export function parseExport(name: string, json: string, known: Known): LibraryExport {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new ImportError('exchangeErrorJson', [name, error instanceof Error ? error.message : String(error)]);
  }
  if (!data || typeof data !== 'object' || !('formatVersion' in data)) throw new ImportError('exchangeErrorNotExport', [name]);
  const version = (data as { formatVersion: unknown }).formatVersion;
  if (typeof version === 'number' && version > EXCHANGE_FORMAT)
    throw new ImportError('exchangeErrorNewer', [name, String(version), String(EXCHANGE_FORMAT)]);
  const parsed = v.safeParse(ExportSchema, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const where = v.getDotPath(issue) ?? '(racine / root)';
    const detail = issue.expected ? `attendu / expected ${issue.expected}, reçu / received ${issue.received}` : issue.message;
    throw new ImportError('exchangeErrorShape', [name, where, detail]);
  }
  const lib = parsed.output as LibraryExport;
  checkContent(name, lib, known);
  return lib;
}

function checkContent(name: string, lib: LibraryExport, known: Known): void {
  const ids = new Set<string>();
  for (const row of [...lib.sources, ...lib.positions]) {
    if (ids.has(row.id)) throw new ImportError('exchangeErrorDuplicateId', [name, row.id]);
    ids.add(row.id);
  }
  const measures = new Set([...known.measureKeys, ...lib.measures.map((m) => m.key)]);
  const themes = new Set([...known.themeIds, ...lib.themes.map((t) => t.id)]);
  const sources = new Map(lib.sources.map((s) => [s.id, s]));
  const knownSources = new Set(known.sourceIds);
  const cleaned = new Map<string, string>();
  for (const p of lib.positions) {
    for (const key of p.measures) if (!measures.has(key)) throw new ImportError('exchangeErrorUnknownMeasure', [name, p.id, key]);
    for (const id of p.themes) if (!themes.has(id)) throw new ImportError('exchangeErrorUnknownTheme', [name, p.id, id]);
    const source = sources.get(p.sourceId);
    if (!source && !knownSources.has(p.sourceId)) throw new ImportError('exchangeErrorUnknownSource', [name, p.id, p.sourceId]);
    if (source?.text !== undefined) {
      let clean = cleaned.get(source.id);
      if (clean === undefined) cleaned.set(source.id, (clean = squash(cleanedSource(source.text))));
      if (!clean.includes(squash(p.text))) throw new ImportError('exchangeErrorNotInSource', [name, p.id, p.sourceId]);
    }
  }
  for (const s of lib.sources)
    if (s.origin === 'imported' && s.text === undefined) throw new ImportError('exchangeErrorShape', [name, `sources.${s.id}.text`, 'texte de la source absent / source text missing']);
}

/** What importing an export would do, for the preview. */
export interface ExportPreview {
  /** Imported sources the library does not have: added. */
  newSources: { source: ExportedSource; positions: number }[];
  /** Imported sources the library has in another version: replaced only if the user says so. */
  changedSources: { source: ExportedSource; current: Source; added: number; removed: number; changed: number }[];
  /** Imported sources already there, identical. */
  unchangedSources: number;
  /** Edited positions (of any source) the library does not have edited: applied. */
  edits: ExportedPosition[];
  /** Edited positions the library has edited differently: applied only if the user says so. */
  conflicts: { incoming: ExportedPosition; current: ExportedPosition }[];
  /** Positions of the shipped library, unedited: the extension already has them. */
  shipped: number;
}

/** Compares an export with the library as stored (sources with their text, positions with `editedAt`). */
export function previewExport(current: { sources: ExportedSource[]; positions: ExportedPosition[] }, incoming: LibraryExport): ExportPreview {
  const currentSources = new Map(current.sources.map((s) => [s.id, s]));
  const currentPositions = new Map(current.positions.map((p) => [p.id, p]));
  const bySource = groupBy(incoming.positions, (p) => p.sourceId);
  const currentBySource = groupBy(current.positions, (p) => p.sourceId);
  const preview: ExportPreview = { newSources: [], changedSources: [], unchangedSources: 0, edits: [], conflicts: [], shipped: 0 };
  for (const source of incoming.sources.filter((s) => s.origin === 'imported')) {
    const mine = currentSources.get(source.id);
    const theirs = bySource.get(source.id) ?? [];
    if (!mine) {
      preview.newSources.push({ source, positions: theirs.length });
      continue;
    }
    const ours = new Map((currentBySource.get(source.id) ?? []).map((p) => [p.id, p]));
    const theirIds = new Set(theirs.map((p) => p.id));
    const added = theirs.filter((p) => !ours.has(p.id)).length;
    const removed = [...ours.keys()].filter((id) => !theirIds.has(id)).length;
    const changed = theirs.filter((p) => ours.has(p.id) && labelsOf(ours.get(p.id)!) !== labelsOf(p)).length;
    if (added || removed || changed || mine.title !== source.title || mine.date !== source.date) preview.changedSources.push({ source, current: mine, added, removed, changed });
    else preview.unchangedSources++;
  }
  const importedIds = new Set(incoming.sources.filter((s) => s.origin === 'imported').map((s) => s.id));
  for (const p of incoming.positions) {
    if (importedIds.has(p.sourceId)) continue;
    if (!p.editedAt) {
      preview.shipped++;
      continue;
    }
    const mine = currentPositions.get(p.id);
    if (mine?.editedAt && labelsOf(mine) !== labelsOf(p)) preview.conflicts.push({ incoming: p, current: mine });
    else if (!mine || labelsOf(mine) !== labelsOf(p)) preview.edits.push(p);
  }
  return preview;
}

/** A position's labels and wording, to compare two versions of it. */
export function labelsOf(p: Position): string {
  return JSON.stringify([p.text, p.author, p.speaker ?? '', p.organisation ?? '', [...p.measures].sort(), [...p.themes].sort(), p.section]);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** Builds an export from the stored library; `user` keeps only imported sources and edited positions. */
export function buildExport(
  lib: { sources: ExportedSource[]; measures: Library['measures']; themes: Library['themes']; positions: ExportedPosition[] },
  scope: ExportScope,
  now: Date = new Date(),
): LibraryExport {
  const imported = new Set(lib.sources.filter((s) => s.origin === 'imported').map((s) => s.id));
  const positions = scope === 'all' ? lib.positions : lib.positions.filter((p) => imported.has(p.sourceId) || p.editedAt);
  const sources = scope === 'all' ? lib.sources : lib.sources.filter((s) => imported.has(s.id));
  return {
    formatVersion: EXCHANGE_FORMAT,
    format: LIBRARY_FORMAT,
    exportedAt: now.toISOString(),
    scope,
    sources,
    measures: lib.measures,
    themes: lib.themes,
    positions,
  };
}
