import { t } from '../utils/i18n';
import { ErrorBoundary } from './ErrorBoundary';
import { LibraryQuery } from './LibraryQuery';
import { LibrarySummaryView } from './LibrarySummaryView';

/** The side panel. For now: what the library holds. Suggestions come with issue 5. */
export function SidePanel() {
  return (
    <ErrorBoundary>
      <div class="page page--panel">
        <header class="page__header">
          <p class="brand">{t('extShortName')}</p>
          <h1>{t('libraryHeading')}</h1>
          <p class="muted">{t('libraryIntro')}</p>
        </header>
        <main>
          <LibraryQuery>{(summary) => <LibrarySummaryView summary={summary} />}</LibraryQuery>
        </main>
        <footer class="page__footer muted">{t('privacyNote')}</footer>
      </div>
    </ErrorBoundary>
  );
}
