import type { SearchResponse } from '../data/protocol';
import { t } from '../utils/i18n';

/**
 * Above search hits that are not plainly what was typed: passages found by sense when no word of a short look-up is in
 * the library; the closest passages for a paragraph the suggestions would stay quiet on, or for a look-up asked again,
 * which may not fit. With no hit, when passages found by sense were withheld, the offer to list them anyway.
 */
export function SearchNote({ answer, onAnyway }: { answer: Pick<SearchResponse, 'offTopic' | 'hits' | 'via' | 'senseWithheld'>; onAnyway?: () => void }) {
  if (!answer.hits.length) {
    if (!answer.senseWithheld || !onAnyway) return null;
    return (
      <p class="search-anyway">
        <button type="button" class="link-button" onClick={onAnyway} data-testid="search-related-anyway">
          {t('searchRelatedAnyway')}
        </button>
      </p>
    );
  }
  if (answer.via === 'related' && !answer.offTopic)
    return (
      <p class="notice" data-testid="search-related">
        {t('searchRelated')}
      </p>
    );
  if (!answer.offTopic) return null;
  return (
    <p class="notice notice--warning" data-testid="search-off-topic">
      {t(answer.via === 'related' ? 'searchRelatedOffTopic' : 'searchOffTopic')}
    </p>
  );
}
