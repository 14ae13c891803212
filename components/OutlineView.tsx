import { useEffect, useRef, useState } from 'preact/hooks';
import type { MeasureEntry, Outline } from '../data/protocol';
import { byPlanAndNumber } from '../data/library/schema';
import { copyText } from '../utils/copyText';
import { t, tCount } from '../utils/i18n';
import { sendMessage } from '../utils/messaging';
import { useCatalog } from './CatalogContext';
import { insertOutcome, measureLabel } from './labels';
import { WithField } from './StoryView';
import { useDebounced } from './useDebounced';
import { useLibraryVersion } from './useLibraryVersion';
import { useQuery } from './useQuery';
import './storyOutline.css';

interface Status {
  ok: boolean;
  message: string;
}

/**
 * « Trame de courrier » (issue 14): the coordinator ticks the measures a letter will cover (the order
 * of ticking is the letter's order) or takes those the suggestions found in the draft so far, and
 * gets a skeleton: each measure's title, the Collectif's latest position verbatim and cited, the CNCDH
 * status, the government's last answer as a labelled reminder. « Insérer la trame » asks the
 * background to compose it from the library and insert it (the panel sends keys, never text).
 */
export function OutlineView({ tabId, found, onBack }: { tabId: number | undefined; found: readonly string[]; onBack: () => void }) {
  const { catalog } = useCatalog();
  const [chosen, setChosen] = useState<string[]>([]);
  const [who, setWho] = useState('');
  const typed = useDebounced(who.trim(), 300);
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const request = { measures: chosen, with: typed || undefined };
  // A report imported or removed while the outline is open changes what it shows (a measure's latest position): read
  // again, the last outline staying on screen meanwhile.
  const version = useLibraryVersion();
  const { query } = useQuery<Outline>(chosen.length ? JSON.stringify(request) : undefined, () => sendMessage('library/outline', request), {
    refresh: version,
  });
  const known = found.filter((key) => catalog.measures.some((m) => m.key === key));
  const toggle = (key: string) => setChosen((now) => (now.includes(key) ? now.filter((k) => k !== key) : [...now, key]));

  const copy = () => {
    if (query.status !== 'ready') return;
    void copyText(query.value.text).then((ok) => setStatus({ ok, message: t(ok ? 'copied' : 'copyFailed') }));
  };
  const insert = () => {
    if (tabId === undefined || busy || !chosen.length) return;
    setBusy(true);
    setStatus(undefined);
    sendMessage('editor/insertOutline', { tabId, ...request })
      .then(insertOutcome, (error: unknown) => {
        console.warn('Positions: inserting the outline failed.', error);
        return { ok: false, message: t('insertFailedError') };
      })
      .then((outcome) => {
        setBusy(false);
        setStatus(outcome);
      });
  };

  return (
    <section class="outline" aria-labelledby="outline-title" data-testid="outline">
      <button type="button" class="link-button" onClick={onBack} data-testid="outline-back">
        ← {t('storyBack')}
      </button>
      <h2 id="outline-title" class="story__title" tabIndex={-1} ref={heading}>
        {t('outlineHeading')}
      </h2>
      <p class="muted story__intro">{t('outlineIntro')}</p>
      {known.length > 0 && (
        <button type="button" class="button button--small" onClick={() => setChosen((now) => [...now, ...known.filter((k) => !now.includes(k))])} data-testid="outline-found">
          {tCount('outlineFound', known.length)}
        </button>
      )}
      <fieldset class="outline__measures">
        <legend class="filter__label">{t('outlineMeasures')}</legend>
        <ul class="outline__list">
          {[...catalog.measures].sort(byPlanAndNumber).map((measure) => (
            <MeasureChoice key={measure.key} measure={measure} place={chosen.indexOf(measure.key)} onToggle={toggle} />
          ))}
        </ul>
        {chosen.length > 0 && (
          <button type="button" class="link-button" onClick={() => setChosen([])} data-testid="outline-clear">
            {t('outlineClear')}
          </button>
        )}
      </fieldset>
      <WithField value={who} onInput={setWho} />
      {!chosen.length ? (
        <p class="quiet muted" data-testid="outline-none">
          {t('outlineNone')}
        </p>
      ) : query.status === 'error' ? (
        <p class="notice" role="alert" data-testid="outline-error">
          {typed ? t('storyWithUnknown', typed) : t('outlineError')}
        </p>
      ) : (
        <>
          <pre class="outline__text" lang="fr" aria-label={t('outlinePreviewLabel')} aria-busy={query.status !== 'ready'} data-testid="outline-text">
            {query.status === 'ready' ? query.value.text : t('loading')}
          </pre>
          <div class="card__buttons">
            {tabId !== undefined && (
              <button type="button" class="button button--primary button--small" onClick={insert} disabled={busy || query.status !== 'ready'} title={t('outlineInsertHint')} data-testid="insert-outline">
                {busy ? t('inserting') : t('outlineInsert')}
              </button>
            )}
            <button type="button" class="button button--small" onClick={copy} disabled={query.status !== 'ready'} data-testid="copy-outline">
              {t('outlineCopy')}
            </button>
          </div>
        </>
      )}
      <p class={`card__status${status && !status.ok ? ' card__status--error' : ''}`} role="status" data-testid="outline-status" data-ok={status ? String(status.ok) : undefined}>
        {status?.message ?? ''}
      </p>
    </section>
  );
}

function MeasureChoice({ measure, place, onToggle }: { measure: MeasureEntry; place: number; onToggle: (key: string) => void }) {
  return (
    <li>
      <label class="outline__choice">
        <input type="checkbox" checked={place >= 0} onChange={() => onToggle(measure.key)} data-testid="outline-measure" data-measure={measure.key} />
        <span>
          <span class="measure__number">{measureLabel(measure, measure.key)}</span>
          {place >= 0 && <span class="outline__place">{t('outlineOrder', place + 1)}</span>} <span class="outline__measure-title">{measure.title}</span>
        </span>
      </label>
    </li>
  );
}
