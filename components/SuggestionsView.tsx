import { useEffect } from 'preact/hooks';
import type { FocusedParagraph, Suggestion } from '../data/protocol';
import { t } from '../utils/i18n';
import { editorName, hostOf } from './labels';
import { PositionCard } from './PositionCard';
import { useSuggestions } from './useSuggestions';

/**
 * « Suggestions »: follows the paragraph being written and shows the best matching positions.
 * When nothing matches, or the user is not writing, it says so in one quiet line.
 */
export function SuggestionsView({ tabId, paragraph, onResults }: { tabId: number | undefined; paragraph: FocusedParagraph | undefined; onResults?: (results: Suggestion[]) => void }) {
  const { results, status } = useSuggestions(paragraph);
  // The letter outline offers the measures found in the draft so far.
  useEffect(() => {
    if (status === 'ready') onResults?.(results);
  }, [results, status]);
  const writing = paragraph !== undefined;
  const quiet = results.length === 0 && (status === 'idle' || status === 'ready');

  return (
    <section class="suggestions" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title" class="sr-only">
        {t('panelModeSuggestions')}
      </h2>
      {writing && (
        <p class="writing-in muted" data-testid="writing-in" data-editor={paragraph.editor}>
          {t('writingIn', editorName(paragraph.editor), hostOf(paragraph.url))}
          {paragraph.from === 'selection' && <> · {t('writingFromSelection')}</>}
          {status === 'loading' && results.length > 0 && (
            <span class="updating" aria-hidden="true">
              {' '}
              · {t('suggestionsUpdating')}
            </span>
          )}
        </p>
      )}
      {status === 'error' && <p class="notice">{t('suggestionsError')}</p>}
      <div class="card-list" role="region" aria-live="polite" aria-busy={status === 'loading'} aria-label={t('suggestionsListLabel')} data-testid="suggestion-list">
        {results.map((result) => (
          <PositionCard key={result.id} item={result} tabId={tabId} />
        ))}
      </div>
      {quiet && (
        <p class="quiet muted" data-testid="suggestions-empty" data-reason={!writing ? 'not-writing' : status === 'ready' ? 'no-match' : 'empty-paragraph'}>
          {!writing ? t('suggestionsNotWriting') : status === 'ready' ? t('suggestionsNone') : t('suggestionsStart')}
        </p>
      )}
    </section>
  );
}
