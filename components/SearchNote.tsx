import type { SearchResponse } from '../data/protocol';
import { t } from '../utils/i18n';
import { measureLabel } from './labels';

type Answer = Pick<SearchResponse, 'offTopic' | 'hits' | 'via' | 'senseWithheld' | 'unknownMeasures'>;

/**
 * Above search hits that are not plainly what was typed: passages found by sense when no word of a short look-up is in
 * the library; the closest passages for a paragraph the suggestions would stay quiet on, or for a look-up asked again,
 * which may not fit. With no hit, when passages found by sense were withheld, the offer to list them anyway. First, a
 * measure the look-up names that no plan of the library holds (« mesure 30 »), with the way to the measures where the
 * view has one (`onBrowse`).
 */
export function SearchNote({ answer, onAnyway, onBrowse }: { answer: Answer; onAnyway?: () => void; onBrowse?: () => void }) {
  const unknown = answer.unknownMeasures?.length ? (
    <p class="notice" data-testid="search-unknown-measure">
      {t('searchUnknownMeasure', answer.unknownMeasures.map((key) => measureLabel(undefined, key)).join(', '))}
      {onBrowse && (
        <>
          {' '}
          <button type="button" class="link-button" onClick={onBrowse} data-testid="search-browse-measures">
            {t('searchBrowseMeasures')}
          </button>
        </>
      )}
    </p>
  ) : null;
  return (
    <>
      {unknown}
      <HitsNote answer={answer} onAnyway={onAnyway} />
    </>
  );
}

function HitsNote({ answer, onAnyway }: { answer: Answer; onAnyway?: () => void }) {
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
