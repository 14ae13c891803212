import { useEffect, useRef, useState } from 'preact/hooks';
import { quoteAsContext, quoteForLetter, type CitedSource } from '../data/library/citation';
import { isDraftRemark, isOurs } from '../data/library/schema';
import { copyText } from '../utils/copyText';
import { alreadyIn } from '../utils/editors/alreadyIn';
import { t } from '../utils/i18n';
import { sendMessage } from '../utils/messaging';
import { insertOutcome } from './labels';
import type { CardItem } from './PositionCard';
import { useSettings } from './useSettings';

type Kind = 'insert' | 'insert-cited';
interface Status {
  ok: boolean;
  message: string;
}

/** How long « Copié » stays; an insert's outcome stays until the next action (it may need reading). */
const COPIED_MS = 4_000;

/**
 * A card's buttons. The Collectif's wording: « Insérer », « Insérer avec la source » (when there is a tab
 * to insert into, and a citation style other than « none »), « Copier », « Copier avec la source ».
 * Context (government, CNCDH): only « Copier la citation », which always carries the attribution.
 * The outcome is said under the buttons. Buttons are never disabled while an insert runs (focus would
 * fall to the page's body): a second click is ignored instead. Before inserting a wording the
 * paragraph already holds, the card asks.
 */
export function CardActions({
  item,
  source,
  tabId,
  paragraphText,
  onInserted,
}: {
  item: CardItem;
  source: CitedSource | undefined;
  tabId?: number;
  /** The paragraph as the panel last had it: a question « insert it again? » is withdrawn once it no longer holds the wording. */
  paragraphText?: string;
  onInserted?: (id: string) => void;
}) {
  const [busy, setBusy] = useState<Kind>();
  const [status, setStatus] = useState<Status>();
  const [confirming, setConfirming] = useState<Kind>();
  const [{ citationStyle }] = useSettings();
  const clear = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<HTMLButtonElement | null>(null);
  useEffect(() => () => clearTimeout(clear.current), []);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  // The question was asked on the paragraph as the panel last had it. Once the paragraph no longer holds the
  // wording (a Ctrl+Z in the page, read a moment later), it is withdrawn: « Insérer » now inserts at once.
  useEffect(() => {
    if (!confirming || alreadyIn(paragraphText, item.text)) return;
    const hadFocus = document.activeElement === confirmButton.current;
    setConfirming(undefined);
    setStatus({ ok: true, message: t('insertQuestionWithdrawn') });
    if (hadFocus) returnTo.current?.focus();
  }, [paragraphText]);
  // A remark on a draft's wording is not wording for a letter: copied with its citation only.
  const ours = isOurs(item.author) && !isDraftRemark(item);
  const cited = citationStyle !== 'none';

  /** `again`: the user answered « Insérer quand même »; otherwise the page first looks for the wording in the paragraph. */
  const run = (kind: Kind, again = false) => {
    if (tabId === undefined || busy) return;
    clearTimeout(clear.current);
    setConfirming(undefined);
    setBusy(kind);
    setStatus(undefined);
    // The background composes the text from the library (the same quoteForLetter, in the chosen style, as « Copier avec la source »).
    // The page reads the paragraph at that moment: the panel's copy may be a pause behind (a Ctrl+Z just before the click).
    const insert = { kind: 'position', id: item.id, variant: kind === 'insert' ? 'plain' : 'source', style: citationStyle } as const;
    sendMessage('editor/insert', again ? { tabId, insert } : { tabId, insert, unlessPresent: item.text }).then(
      (result) => {
        setBusy(undefined);
        if (!result.ok && result.reason === 'already-present') {
          setConfirming(kind);
          return;
        }
        const outcome = insertOutcome(result);
        setStatus(outcome);
        if (outcome.ok) onInserted?.(item.id);
        returnTo.current?.focus();
      },
      (error: unknown) => {
        console.warn('Positions: insert failed.', error);
        setBusy(undefined);
        setStatus({ ok: false, message: t('insertFailedError') });
        returnTo.current?.focus();
      },
    );
  };
  const insert = (kind: Kind) => (event: MouseEvent) => {
    returnTo.current = event.currentTarget as HTMLButtonElement;
    run(kind);
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
        <div class="card__buttons">
          {tabId !== undefined && (
            <>
              <button type="button" class="button button--primary button--small" onClick={insert('insert')} aria-disabled={!!busy} data-testid="insert" title={t('insertHint')}>
                {busy === 'insert' ? t('inserting') : t('insert')}
              </button>
              {cited && (
                <button type="button" class="button button--small" onClick={insert('insert-cited')} aria-disabled={!!busy} data-testid="insert-cited" title={t('insertCitedHint')}>
                  {busy === 'insert-cited' ? t('inserting') : t('insertCited')}
                </button>
              )}
            </>
          )}
          {/* The two copies wrap as one: beside the buttons when the panel is wide, both on the next line when not. */}
          <span class="card__copies">
            <button type="button" class="link-button" onClick={copy(() => item.text)} data-testid="copy">
              {t('copy')}
            </button>
            {cited && (
              <button type="button" class="link-button" onClick={copy(() => quoteForLetter(item, source, citationStyle))} data-testid="copy-cited">
                {t('copyCited')}
              </button>
            )}
          </span>
        </div>
      ) : (
        <div class="card__buttons">
          <button type="button" class="button button--small" onClick={copy(() => quoteAsContext(item, source))} data-testid="copy" title={t('copyQuoteHint')}>
            {t('copyQuote')}
          </button>
        </div>
      )}
      {confirming && (
        <div class="card__confirm" role="group" aria-label={t('insertAgainQuestion')} data-testid="insert-confirm">
          <p>{t('insertAgainQuestion')}</p>
          <div class="card__buttons">
            <button ref={confirmButton} type="button" class="button button--small" onClick={() => run(confirming, true)} data-testid="insert-again">
              {t('insertAgain')}
            </button>
            <button
              type="button"
              class="link-button"
              onClick={() => {
                setConfirming(undefined);
                returnTo.current?.focus();
              }}
              data-testid="insert-cancel"
            >
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      <p class={`card__status${status && !status.ok ? ' card__status--error' : ''}`} role="status" data-testid="action-status" data-ok={status ? String(status.ok) : undefined}>
        {status?.message ?? ''}
      </p>
    </div>
  );
}
