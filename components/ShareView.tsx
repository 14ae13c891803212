import { useState } from 'preact/hooks';
import { parseExport, previewExport, type ExportPreview, type ExportScope, type LibraryExport } from '../data/library/import/exchange';
import { applyExport, currentForPreview, exportLibrary } from '../data/library/import/store';
import { formatDate, t } from '../utils/i18n';
import { importErrorText } from './importErrorText';
import { libraryDb, write } from './userLibrary';

/**
 * Back up and share: export everything or only what was imported or corrected, as one JSON file
 * (a download made on this computer); import such a file after a whole check and a preview.
 */
export function ShareView() {
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState<{ incoming: LibraryExport; preview: ExportPreview } | undefined>();
  const [replace, setReplace] = useState<Set<string>>(new Set());
  const [done, setDone] = useState<string | undefined>();

  function toggle(sourceId: string, on: boolean) {
    const next = new Set(replace);
    if (on) next.add(sourceId);
    else next.delete(sourceId);
    setReplace(next);
  }

  async function download(scope: ExportScope) {
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
      const current = await currentForPreview(libraryDb());
      const incoming = parseExport(file.name, await file.text(), current.known);
      setPending({ incoming, preview: previewExport(current, incoming) });
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
      setDone(t('shareApplied', report.sources, report.positions));
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
      {pending && (
        <div data-testid="share-preview">
          <p>
            {t(
              'sharePreview',
              formatDate(pending.incoming.exportedAt),
              pending.preview.newSources.length,
              pending.preview.edits.length,
              pending.preview.changedSources.length,
              pending.preview.conflicts.length,
            )}
          </p>
          {pending.preview.changedSources.map((c) => (
            <label key={c.source.id} class="field">
              <input
                type="checkbox"
                checked={replace.has(c.source.id)}
                onChange={(e) => toggle(c.source.id, e.currentTarget.checked)}
              />
              {t('shareReplaceSource', c.source.title, c.added, c.removed, c.changed)}
            </label>
          ))}
          {[...groupConflicts(pending.preview)].map(([sourceId, count]) => (
            <label key={`edits-${sourceId}`} class="field">
              <input type="checkbox" checked={replace.has(sourceId)} onChange={(e) => toggle(sourceId, e.currentTarget.checked)} />
              {t('shareReplaceEdits', sourceId, count)}
            </label>
          ))}
          <button type="button" class="button button--primary" onClick={() => void apply()} data-testid="share-apply">
            {t('shareApply')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Conflicting corrections, counted by source: replacing them is decided per source. */
function groupConflicts(preview: ExportPreview): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of preview.conflicts) out.set(c.incoming.sourceId, (out.get(c.incoming.sourceId) ?? 0) + 1);
  return out;
}
