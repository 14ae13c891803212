import { useEffect, useRef, useState } from 'preact/hooks';
import { quoteAsContext, quoteWithSource, type CitedSource } from '../data/library/citation';
import { isDraftRemark, isOurs } from '../data/library/schema';
import { copyText } from '../utils/copyText';
import { t } from '../utils/i18n';
import { sendMessage } from '../utils/messaging';
import { insertOutcome } from './labels';
import type { CardItem } from './PositionCard';

type Busy = 'insert' | 'insert-cited' | undefined;
interface Status {
  ok: boolean;
  message: string;
}

/** How long « Copié » stays; an insert's outcome stays until the next action (it may need reading). */
const COPIED_MS = 4_000;

/**
 * A card's buttons. The Collectif's wording: « Insérer », « Insérer avec la source » (when there is a tab
 * to insert into), « Copier », « Copier avec la source ». Context (government, CNCDH): only « Copier la
 * citation », which always carries the attribution. The outcome is said under the buttons.
 */
export function CardActions({ item, source, tabId }: { item: CardItem; source: CitedSource | undefined; tabId?: number }) {
  const [busy, setBusy] = useState<Busy>();
  const [status, setStatus] = useState<Status>();
  const clear = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(clear.current), []);
  // A remark on a draft's wording is not wording for a letter: copied with its citation only.
  const ours = isOurs(item.author) && !isDraftRemark(item);

  const insert = (kind: 'insert' | 'insert-cited') => () => {
    if (tabId === undefined || busy) return;
    clearTimeout(clear.current);
    setBusy(kind);
    setStatus(undefined);
    // The background composes the text from the library (the same quoteWithSource as « Copier avec la source »).
    sendMessage('editor/insert', { tabId, insert: { kind: 'position', id: item.id, variant: kind === 'insert' ? 'plain' : 'source' } })
      .then(insertOutcome, (error: unknown) => {
        console.warn('Positions: insert failed.', error);
        return { ok: false, message: t('insertFailedError') };
      })
      .then((outcome) => {
        setBusy(undefined);
        setStatus(outcome);
      });
  };

  const copy = (text: () => string) => () => {
    clearTimeout(clear.current);
    void copyText(text()).then((copied) => {
      setStatus({ ok: copied, message: t(copied ? 'copied' : 'copyFailed') });
      if (copied) clear.current = setTimeout(() => setStatus(undefined), COPIED_MS);
    });
  };

  return (
    <div class="card__actions">
      {ours ? (
        <>
          {tabId !== undefined && (
            <div class="card__buttons">
              <button type="button" class="button button--primary button--small" onClick={insert('insert')} disabled={!!busy} data-testid="insert" title={t('insertHint')}>
                {busy === 'insert' ? t('inserting') : t('insert')}
              </button>
              <button type="button" class="button button--small" onClick={insert('insert-cited')} disabled={!!busy} data-testid="insert-cited" title={t('insertCitedHint')}>
                {busy === 'insert-cited' ? t('inserting') : t('insertCited')}
              </button>
            </div>
          )}
          <div class="card__buttons card__buttons--secondary">
            <button type="button" class="link-button" onClick={copy(() => item.text)} data-testid="copy">
              {t('copy')}
            </button>
            <button type="button" class="link-button" onClick={copy(() => quoteWithSource(item, source))} data-testid="copy-cited">
              {t('copyCited')}
            </button>
          </div>
        </>
      ) : (
        <div class="card__buttons">
          <button type="button" class="button button--small" onClick={copy(() => quoteAsContext(item, source))} data-testid="copy" title={t('copyQuoteHint')}>
            {t('copyQuote')}
          </button>
        </div>
      )}
      <p class={`card__status${status && !status.ok ? ' card__status--error' : ''}`} role="status" data-testid="action-status" data-ok={status ? String(status.ok) : undefined}>
        {status?.message ?? ''}
      </p>
    </div>
  );
}
