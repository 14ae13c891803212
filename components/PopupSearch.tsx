import { useState } from 'preact/hooks';
import type { SearchResponse } from '../data/protocol';
import { formatList, t, tCount } from '../utils/i18n';
import { cncdhStatusLabel, measureLabel, searchCountLine, whoseWordsLine } from './labels';
import { sendMessage } from '../utils/messaging';
import { SearchNote } from './SearchNote';
import { PositionCard } from './PositionCard';
import { SearchField } from './SearchField';
import { DatedSources } from './DatedSources';
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
  const whose = query.status === 'ready' ? whoseWordsLine(query.value) : undefined;
  return (
    <section class="popup-search">
      <form role="search" onSubmit={(event) => event.preventDefault()}>
        <SearchField id="popup-search-input" value={text} onText={setText} />
      </form>
      {query.status === 'loading' && (
        <p class="muted" aria-hidden="true">
          {t('searching')}
        </p>
      )}
      {query.status === 'ready' && query.value.readAs && (
        <p class="search-speakers muted" data-testid="search-read-as">
          {t('searchReadAs', query.value.readAs)}
        </p>
      )}
      {whose && (
        <p class="search-speakers muted" data-testid="search-speakers">
          {whose}
        </p>
      )}
      {query.status === 'ready' && query.value.measureStatus && query.value.measures && (
        <p class="search-speakers muted" data-testid="search-status-measures">
          {tCount('searchStatusMeasures', query.value.measures.length, cncdhStatusLabel(query.value.measureStatus))}
          <br />
          {formatList(query.value.measures.map((key) => measureLabel(undefined, key)))}
        </p>
      )}
      {query.status === 'ready' && !!query.value.sources?.length && <DatedSources ids={query.value.sources} year={query.value.sourcesYear} named={query.value.sourcesNamed} addressed={query.value.sourcesAddressed} listed={query.value.via === 'source'} />}
      {/* Always there, so that a screen reader hears each answer's count; the cards are not read aloud. */}
      <p class={query.status === 'ready' ? 'results__count muted' : 'sr-only'} role="status" data-testid="search-count">
        {query.status === 'ready' && searchCountLine(query.value.total, query.value.hits.length)}
      </p>
      {query.status === 'error' && <p class="notice">{t('searchError')}</p>}
      {query.status === 'ready' && (
        <div class="card-list card-list--compact" data-testid="search-results">
          <SearchNote answer={query.value} onAnyway={() => setAnyway(typed)} />
          {query.value.hits.map((hit) => (
            <PositionCard key={hit.position.id} item={{ ...hit.position, highlights: hit.highlights }} headingLevel={2} />
          ))}
        </div>
      )}
    </section>
  );
}
