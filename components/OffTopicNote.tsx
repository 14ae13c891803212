import type { SearchResponse } from '../data/protocol';
import { t } from '../utils/i18n';

/** Above search hits for a paragraph the suggestions would stay quiet on: the closest passages may not fit. */
export function OffTopicNote({ answer }: { answer: Pick<SearchResponse, 'offTopic' | 'hits'> }) {
  if (!answer.offTopic || !answer.hits.length) return null;
  return (
    <p class="notice notice--warning" data-testid="search-off-topic">
      {t('searchOffTopic')}
    </p>
  );
}
