import { useState } from 'preact/hooks';
import type { PositionRecord } from '../data/library/db';
import { AUTHORS, type AuthorId } from '../data/library/schema';
import { editPositionLabels, removeImportedSource, restoreSource, setSourceHidden, type RemovedSource } from '../data/library/import/store';
import { formatDate, t, tCount } from '../utils/i18n';
import { importErrorText } from './importErrorText';
import { authorLabel } from './ReviewView';
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
              <button type="button" class="button button--small" onClick={() => setOpen(open === source.id ? undefined : source.id)}>
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
            {open === source.id && <PositionsEditor sourceId={source.id} onError={setError} />}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PositionsEditor({ sourceId, onError }: { sourceId: string; onError: (message: string) => void }) {
  const [positions, setPositions] = useState<PositionRecord[] | undefined>();
  const [editing, setEditing] = useState<PositionRecord | undefined>();
  if (!positions) {
    void positionsOf(sourceId).then(setPositions);
    return null;
  }
  const split = (value: string) => [...new Set(value.split(/[,;\s]+/).filter(Boolean))];
  return (
    <ol class="review__list">
      {positions.map((p) => (
        <li key={p.id} class="review__item">
          <blockquote class="review__text">{p.text}</blockquote>
          <p class="muted">
            {authorLabel(p.author)}
            {p.speaker ? ` — ${p.speaker}` : ''} · {p.measures.join(', ')} · {p.themes.join(', ')} {p.editedAt && <span class="badge">{t('sourcesEdited')}</span>}
          </p>
          {editing?.id === p.id ? (
            <div class="review__labels">
              <select value={editing.author} onChange={(e) => setEditing({ ...editing, author: e.currentTarget.value as AuthorId })} aria-label={t('reviewAuthor')}>
                {AUTHORS.map((a) => (
                  <option value={a} key={a}>
                    {authorLabel(a)}
                  </option>
                ))}
              </select>
              <input value={editing.speaker ?? ''} aria-label={t('reviewSpeaker')} onChange={(e) => setEditing({ ...editing, speaker: e.currentTarget.value })} />
              <input value={editing.measures.join(', ')} aria-label={t('reviewMeasures')} onChange={(e) => setEditing({ ...editing, measures: split(e.currentTarget.value) })} />
              <input value={editing.themes.join(', ')} aria-label={t('reviewThemes')} onChange={(e) => setEditing({ ...editing, themes: split(e.currentTarget.value) })} />
              <button
                type="button"
                class="button button--small button--primary"
                onClick={() =>
                  void write((db) => editPositionLabels(db, p.id, editing)).then(
                    (next) => (setPositions(positions.map((x) => (x.id === p.id ? next : x))), setEditing(undefined)),
                    (e: unknown) => onError(importErrorText(e)),
                  )
                }
              >
                {t('sourcesEditSave')}
              </button>
            </div>
          ) : (
            <button type="button" class="button button--small" onClick={() => setEditing(p)}>
              {t('sourcesEdit')}
            </button>
          )}
        </li>
      ))}
    </ol>
  );
}
