import { useEffect, useState } from 'preact/hooks';
import type { PositionRecord } from '../data/library/db';
import { editPositionLabels, removeImportedSource, restoreSource, setSourceHidden, type RemovedSource } from '../data/library/import/store';
import { formatDate, t, tCount } from '../utils/i18n';
import { CatalogProvider, useCatalog } from './CatalogContext';
import { importErrorText } from './importErrorText';
import { measureLabel, themeLabel } from './labels';
import { AuthorField, authorLabel, MeasurePicker, ThemePicker } from './LabelPicker';
import { useLibraryVersion } from './useLibraryVersion';
import { positionsOf, useSources, write } from './userLibrary';

/**
 * Every source with its counts. Imported ones can be removed (confirmation, then undo); shipped
 * ones only hidden. A source's positions open for label corrections (the text is not editable).
 */
export function SourcesView() {
  const { rows } = useSources();
  const [confirming, setConfirming] = useState<string | undefined>();
  const [removed, setRemoved] = useState<RemovedSource | undefined>();
  const [open, setOpen] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const run = async (f: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await f();
    } catch (e) {
      setError(importErrorText(e));
    }
  };
  if (!rows) return null;
  return (
    <div data-testid="sources">
      {removed && (
        <p role="status" class="notice" data-testid="sources-removed">
          {t('sourcesRemoved', removed.source.title)}{' '}
          <button type="button" class="button button--small" onClick={() => void run(async () => (await write((db) => restoreSource(db, removed)), setRemoved(undefined)))} data-testid="sources-undo">
            {t('sourcesUndo')}
          </button>
        </p>
      )}
      {error && (
        <p role="alert" class="notice notice--error">
          {error}
        </p>
      )}
      <ul class="sources">
        {rows.map(({ source, count, hidden }) => (
          <li key={source.id} class="sources__row" data-testid="source-row" data-source={source.id}>
            <strong>{source.title}</strong> <span class="muted">{formatDate(source.date)}</span>{' '}
            <span class="badge">{source.origin === 'imported' ? t('sourcesImported') : t('sourcesShipped')}</span>
            {hidden && <span class="badge">{t('sourcesHidden')}</span>} <span class="muted">{tCount('positionCount', count)}</span>
            <div class="review__actions">
              <button
                type="button"
                class="button button--small"
                onClick={() => setOpen(open === source.id ? undefined : source.id)}
                aria-expanded={open === source.id}
                data-testid="source-positions-toggle"
              >
                {t('sourcesPositions')}
              </button>
              {source.origin === 'imported' ? (
                confirming === source.id ? (
                  <span role="group">
                    {t('sourcesConfirmRemove', source.title)}{' '}
                    <button
                      type="button"
                      class="button button--small"
                      data-testid="source-confirm-remove"
                      onClick={() => void run(async () => (setRemoved(await write((db) => removeImportedSource(db, source.id))), setConfirming(undefined)))}
                    >
                      {t('sourcesConfirm')}
                    </button>
                    <button type="button" class="button button--small" onClick={() => setConfirming(undefined)}>
                      {t('sourcesCancel')}
                    </button>
                  </span>
                ) : (
                  <button type="button" class="button button--small" onClick={() => setConfirming(source.id)} data-testid="source-remove">
                    {t('sourcesRemove')}
                  </button>
                )
              ) : (
                <button type="button" class="button button--small" onClick={() => void run(() => write((db) => setSourceHidden(db, source.id, !hidden)))}>
                  {hidden ? t('sourcesShow') : t('sourcesHide')}
                </button>
              )}
            </div>
            {open === source.id && (
              <CatalogProvider>
                <PositionsEditor sourceId={source.id} onError={setError} />
              </CatalogProvider>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PositionsEditor({ sourceId, onError }: { sourceId: string; onError: (message: string) => void }) {
  const [positions, setPositions] = useState<PositionRecord[] | undefined>();
  const [editing, setEditing] = useState<PositionRecord | undefined>();
  const { measures, themes } = useCatalog();
  // Read again when the library changes (an export applied below may replace this very source), like the list above.
  const version = useLibraryVersion();
  useEffect(() => {
    let current = true;
    void positionsOf(sourceId).then((list) => current && setPositions(list));
    return () => {
      current = false;
    };
  }, [sourceId, version]);
  if (!positions) return null;
  return (
    <ol class="review__list" data-testid="source-positions">
      {positions.map((p) => (
        <li key={p.id} class="review__item" data-testid="source-position" data-position-id={p.id}>
          <blockquote class="review__text">{p.text}</blockquote>
          <p class="muted" data-testid="source-position-labels">
            {[
              authorLabel(p.author) + (p.speaker ? ` — ${p.speaker}` : ''),
              p.measures.map((key) => measureLabel(measures.get(key), key)).join(', ') || t('pickerNoMeasure'),
              p.themes.map((id) => themeLabel(themes.get(id), id)).join(', ') || t('pickerNoTheme'),
            ].join(' · ')}{' '}
            {p.editedAt && <span class="badge">{t('sourcesEdited')}</span>}
          </p>
          {editing?.id === p.id ? (
            <>
              <div class="review__labels">
                <AuthorField value={editing.author} onChange={(author) => setEditing({ ...editing, author })} />
                <label class="field">
                  <span>{t('reviewSpeaker')}</span>
                  <input class="input" value={editing.speaker ?? ''} onChange={(e) => setEditing({ ...editing, speaker: e.currentTarget.value })} />
                </label>
                <MeasurePicker value={editing.measures} onChange={(list) => setEditing({ ...editing, measures: list })} testId="edit-measures" />
                <ThemePicker value={editing.themes} onChange={(list) => setEditing({ ...editing, themes: list })} testId="edit-themes" />
              </div>
              <div class="review__actions">
                <button
                  type="button"
                  class="button button--small button--primary"
                  onClick={() =>
                    void write((db) => editPositionLabels(db, p.id, editing)).then(
                      (next) => (setPositions(positions.map((x) => (x.id === p.id ? next : x))), setEditing(undefined)),
                      (e: unknown) => onError(importErrorText(e)),
                    )
                  }
                  data-testid="edit-save"
                >
                  {t('sourcesEditSave')}
                </button>
                <button type="button" class="button button--small" onClick={() => setEditing(undefined)}>
                  {t('sourcesEditCancel')}
                </button>
              </div>
            </>
          ) : (
            <button type="button" class="button button--small" onClick={() => setEditing(p)} data-testid="edit-labels">
              {t('sourcesEdit')}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
