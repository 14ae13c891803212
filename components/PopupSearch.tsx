import { useState } from 'preact/hooks';
import type { SearchResponse } from '../data/protocol';
import { t } from '../utils/i18n';
import { sendMessage } from '../utils/messaging';
import { SearchNote } from './SearchNote';
import { PositionCard } from './PositionCard';
import { SearchField } from './SearchField';
import { useDebounced } from './useDebounced';
import { useQuery } from './useQuery';

/** The popup's quick look-up: the same search as the panel's, the first five hits, to copy. */
export function PopupSearch() {
  const [text, setText] = useState('');
  const typed = useDebounced(text.trim(), 250);
  // « Chercher quand même… » holds for the look-up it was clicked for.
  const [anyway, setAnyway] = useState<string>();
  const again = !!typed && anyway === typed;
  const { query } = useQuery<SearchResponse>(typed ? `${again ? 'anyway:' : ''}${typed}` : undefined, () =>
    sendMessage('library/search', { text: typed, limit: 5, ...(again ? { anyway: true } : {}) }),
  );
  return (
    <section class="popup-search">
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <SearchField id="popup-search-input" value={text} onText={setText} />
      </form>
      {query.status === 'loading' && (
        <p class="muted" role="status">
          {t('searching')}
        </p>
      )}
      {query.status === 'error' && <p class="notice">{t('searchError')}</p>}
      {query.status === 'ready' && (
        <div class="card-list card-list--compact" data-testid="search-results" aria-live="polite">
          {query.value.hits.length === 0 && <p class="muted">{t('searchNone')}</p>}
          <SearchNote answer={query.value} onAnyway={() => setAnyway(typed)} />
          {query.value.hits.map((hit) => (
            <PositionCard key={hit.position.id} item={{ ...hit.position, highlights: hit.highlights }} headingLevel={2} />
          ))}
        </div>
      )}
    </section>
  );
}
