import { browser } from 'wxt/browser';
import { formatDate, t, uiLanguage } from '../utils/i18n';
import { ErrorBoundary } from './ErrorBoundary';
import { LibraryQuery } from './LibraryQuery';
import { LibrarySummaryView } from './LibrarySummaryView';

/** Settings page. Little to set yet: it says which version and which library are installed. */
export function Options() {
  return (
    <ErrorBoundary>
      <div class="page page--options">
        <header class="page__header">
          <p class="brand">{t('extShortName')}</p>
          <h1>{t('optionsTitle')}</h1>
          <p class="muted" data-testid="version">
            {t('optionsVersion', browser.runtime.getManifest().version)}
          </p>
        </header>
        <main>
          <h2 class="section-title">{t('optionsLanguage')}</h2>
          <p>
            {t('optionsLanguageHint')} <span class="muted">({uiLanguage()})</span>
          </p>
          <h2 class="section-title">{t('optionsLibraryHeading')}</h2>
          <LibraryQuery>
            {(summary) => (
              <>
                {summary.bundled && <p class="muted">{t('optionsBundledInstalled', formatDate(summary.bundled.installedAt))}</p>}
                <LibrarySummaryView summary={summary} />
              </>
            )}
          </LibraryQuery>
        </main>
        <footer class="page__footer muted">{t('privacyNote')}</footer>
      </div>
    </ErrorBoundary>
  );
}
