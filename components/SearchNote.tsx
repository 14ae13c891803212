import type { SearchResponse } from '../data/protocol';
import { t } from '../utils/i18n';

/**
 * Above search hits that are not plainly what was typed: passages found by sense when no word of a short look-up is in
 * the library; the closest passages for a paragraph the suggestions would stay quiet on, which may not fit.
 */
export function SearchNote({ answer }: { answer: Pick<SearchResponse, 'offTopic' | 'hits' | 'via'> }) {
  if (!answer.hits.length) return null;
  if (answer.via === 'related')
    return (
      <p class="notice" data-testid="search-related">
        {t('searchRelated')}
      </p>
    );
  if (!answer.offTopic) return null;
  return (
    <p class="notice notice--warning" data-testid="search-off-topic">
      {t('searchOffTopic')}
    </p>
  );
}
