import type { LibrarySummary, SourceSummary } from '../data/protocol';
import { isOurs, type AuthorId, type SourceKind } from '../data/library/schema';
import { formatDate, t, tCount, type MessageKey } from '../utils/i18n';

const KIND_LABEL: Record<SourceKind, MessageKey> = {
  'compte-rendu': 'sourceKind_compteRendu',
  évaluation: 'sourceKind_evaluation',
  plaidoyer: 'sourceKind_plaidoyer',
  courrier: 'sourceKind_courrier',
  note: 'sourceKind_note',
};

/**
 * The library at a glance: totals, then each source with its number of positions. `listSources` false: the totals
 * only, where the page lists the sources itself (the settings page, whose « Sources de la bibliothèque » section
 * shows each with its actions).
 */
export function LibrarySummaryView({ summary, headingLevel = 2, listSources = true }: { summary: LibrarySummary; headingLevel?: 2 | 3; listSources?: boolean }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const ours = (Object.entries(summary.authors) as [AuthorId, number][]).reduce((sum, [author, n]) => (isOurs(author) ? sum + n : sum), 0);
  return (
    <section class="library" data-testid="library-summary" aria-labelledby="library-totals">
      <div class="totals" id="library-totals">
        <p class="totals__main">
          <strong data-testid="position-count" data-count={summary.positionCount}>
            {tCount('positionCount', summary.positionCount)}
          </strong>
          <span class="totals__sep" aria-hidden="true">
            ·
          </span>
          <span data-testid="source-count" data-count={summary.sources.length}>
            {tCount('sourceCount', summary.sources.length)}
          </span>
        </p>
        {summary.positionCount > 0 && <p class="totals__sub muted">{tCount('ownWording', ours)}</p>}
      </div>
      {listSources && (
        <>
          <Heading class="section-title library__sources-title">{t('sourcesHeading')}</Heading>
          {summary.sources.length === 0 ? (
            <p class="muted">{t('emptyLibrary')}</p>
          ) : (
            <ul class="sources">
              {summary.sources.map((source) => (
                <SourceRow key={source.id} source={source} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function SourceRow({ source }: { source: SourceSummary }) {
  return (
    <li class="source" data-testid="source-row" data-source-id={source.id} title={source.title}>
      <div class="source__text">
        <p class="source__title">{source.shortTitle}</p>
        <p class="source__meta muted">
          {t(KIND_LABEL[source.kind])} · <time dateTime={source.date}>{formatDate(source.date)}</time>
          {source.origin === 'imported' && <span class="badge">{t('originImported')}</span>}
        </p>
      </div>
      <p class="source__count" data-testid="source-position-count" data-count={source.positionCount}>
        {tCount('positionCount', source.positionCount)}
      </p>
    </li>
  );
}
