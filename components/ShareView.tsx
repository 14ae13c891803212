import { useState } from 'preact/hooks';
import { parseExport, previewExport, type ExportPreview, type ExportScope, type LibraryExport } from '../data/library/import/exchange';
import { applyExport, currentForPreview, exportLibrary } from '../data/library/import/store';
import { formatDate, formatList, t, tCount } from '../utils/i18n';
import { importErrorText } from './importErrorText';
import { libraryDb, libraryInstalled, write } from './userLibrary';

/**
 * Back up and share: export everything or only what was imported or corrected, as one JSON file
 * (a download made on this computer); import such a file after a whole check and a preview.
 */
export function ShareView() {
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState<Pending | undefined>();
  const [replace, setReplace] = useState<Set<string>>(new Set());
  const [done, setDone] = useState<string | undefined>();

  function toggle(sourceId: string, on: boolean) {
    const next = new Set(replace);
    if (on) next.add(sourceId);
    else next.delete(sourceId);
    setReplace(next);
  }

  async function download(scope: ExportScope) {
    // On a first run, an export clicked before the shipped sources are stored would hold only what was imported.
    await libraryInstalled();
    const data = await exportLibrary(libraryDb(), scope);
    const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 1) + '\n'], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `positions-${scope === 'all' ? 'bibliotheque' : 'imports'}-${data.exportedAt.slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async function read(file: File | undefined) {
    if (!file) return;
    setError(undefined);
    setDone(undefined);
    setPending(undefined);
    try {
      // The file is checked against the library's sources, measures and themes: the shipped ones must be there.
      await libraryInstalled();
      const current = await currentForPreview(libraryDb());
      const incoming = parseExport(file.name, await file.text(), current.known);
      setPending({ incoming, preview: previewExport(current, incoming), titles: new Map(current.sources.map((s) => [s.id, s.title])) });
      setReplace(new Set());
    } catch (e) {
      setError(importErrorText(e));
    }
  }

  async function apply() {
    if (!pending) return;
    try {
      const report = await write((db) => applyExport(db, pending.incoming, replace));
      setPending(undefined);
      setDone(t('shareApplied', tCount('sourceCount', report.sources), tCount('positionCount', report.positions)));
    } catch (e) {
      setError(importErrorText(e));
    }
  }

  return (
    <div data-testid="share">
      <p class="muted">{t('shareIntro')}</p>
      <div class="review__actions">
        <button type="button" class="button" onClick={() => void download('user')} data-testid="export-user">
          {t('shareExportUser')}
        </button>
        <button type="button" class="button" onClick={() => void download('all')} data-testid="export-all">
          {t('shareExportAll')}
        </button>
      </div>
      <label class="field">
        <span>{t('shareImport')}</span>
        <input type="file" accept=".json,application/json" onChange={(e) => {
            const input = e.currentTarget;
            void read(input.files?.[0]).finally(() => (input.value = ''));
          }} data-testid="share-file" />
      </label>
      {error && (
        <p role="alert" class="notice notice--error" data-testid="share-error">
          {error}
        </p>
      )}
      {done && (
        <p role="status" class="notice" data-testid="share-done">
          {done}
        </p>
      )}
      {pending && <Preview pending={pending} replace={replace} onToggle={toggle} onApply={() => void apply()} />}
    </div>
  );
}

interface Pending {
  incoming: LibraryExport;
  preview: ExportPreview;
  /** The library's source titles, to name the sources whose corrections differ. */
  titles: Map<string, string>;
}

/**
 * What the file would change, in one sentence that names only what is there (« 1 nouvelle source et 2 corrections »),
 * then a box per source or set of corrections that would replace the user's own. A file that brings nothing says so
 * and offers nothing to apply.
 */
function Preview({ pending, replace, onToggle, onApply }: { pending: Pending; replace: Set<string>; onToggle: (sourceId: string, on: boolean) => void; onApply: () => void }) {
  const { preview } = pending;
  const date = formatDate(pending.incoming.exportedAt);
  const parts = [
    preview.newSources.length && tCount('sharePreviewNew', preview.newSources.length),
    preview.edits.length && tCount('sharePreviewEdits', preview.edits.length),
    preview.changedSources.length && tCount('sharePreviewChanged', preview.changedSources.length),
    preview.conflicts.length && tCount('sharePreviewConflicts', preview.conflicts.length),
  ].filter((part): part is string => Boolean(part));
  if (!parts.length)
    return (
      <div data-testid="share-preview">
        <p role="status" class="notice" data-testid="share-summary">
          {t('sharePreviewNothing', date)}
        </p>
      </div>
    );
  return (
    <div data-testid="share-preview">
      <p data-testid="share-summary">{t('sharePreview', date, formatList(parts))}</p>
      {preview.changedSources.map((c) => (
        <label key={c.source.id} class="field">
          <input type="checkbox" checked={replace.has(c.source.id)} onChange={(e) => onToggle(c.source.id, e.currentTarget.checked)} />
          {t('shareReplaceSource', c.source.title, changesOf(c))}
        </label>
      ))}
      {[...groupConflicts(preview)].map(([sourceId, count]) => (
        <label key={`edits-${sourceId}`} class="field">
          <input type="checkbox" checked={replace.has(sourceId)} onChange={(e) => onToggle(sourceId, e.currentTarget.checked)} />
          {tCount('shareReplaceEdits', count, pending.titles.get(sourceId) ?? sourceId)}
        </label>
      ))}
      <button type="button" class="button button--primary" onClick={onApply} data-testid="share-apply">
        {t('shareApply')}
      </button>
    </div>
  );
}

/** « 1 position ajoutée et 2 positions classées autrement »; a source whose positions are the same differs by its title or date. */
function changesOf(c: { added: number; removed: number; changed: number }): string {
  const parts = [
    c.added && tCount('shareAdded', c.added),
    c.removed && tCount('shareRemoved', c.removed),
    c.changed && tCount('shareRelabelled', c.changed),
  ].filter((part): part is string => Boolean(part));
  return parts.length ? formatList(parts) : t('shareRetitled');
}

/** Conflicting corrections, counted by source: replacing them is decided per source. */
function groupConflicts(preview: ExportPreview): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of preview.conflicts) out.set(c.incoming.sourceId, (out.get(c.incoming.sourceId) ?? 0) + 1);
  return out;
}
