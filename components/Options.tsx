import { browser } from 'wxt/browser';
import { formatDate, languageName, t } from '../utils/i18n';
import { ErrorBoundary } from './ErrorBoundary';
import { LibraryQuery } from './LibraryQuery';
import { LibrarySummaryView } from './LibrarySummaryView';
import { ImportView } from './ImportView';
import { ShareView } from './ShareView';
import { SourcesView } from './SourcesView';

/** Settings page. Little to set yet: it says which version, language and library are in use. */
export function Options() {
  return (
    <ErrorBoundary>
      <div class="page page--options">
        <header class="page__header">
          <p class="brand">{t('extShortName')}</p>
          <h1>{t('optionsHeading')}</h1>
          <p class="muted" data-testid="version">
            {t('optionsVersion', browser.runtime.getManifest().version)}
          </p>
        </header>
        <main>
          <section class="section">
            <h2 class="section-title">{t('optionsLanguage')}</h2>
            <p>{t('optionsLanguageCurrent', languageName())}</p>
            <p class="muted">{t('optionsLanguageHint')}</p>
          </section>
          <section class="section">
            <h2 class="section-title">{t('optionsLibraryHeading')}</h2>
            <LibraryQuery>
              {(summary) => (
                <>
                  {summary.bundled && <p class="muted">{t('optionsBundledInstalled', formatDate(summary.bundled.installedAt))}</p>}
                  <LibrarySummaryView summary={summary} headingLevel={3} />
                </>
              )}
            </LibraryQuery>
          </section>
          <section class="section" id="import">
            <h2 class="section-title">{t('importHeading')}</h2>
            <ImportView />
          </section>
          <section class="section" id="sources">
            <h2 class="section-title">{t('sourcesHeading')}</h2>
            <SourcesView />
          </section>
          <section class="section" id="share">
            <h2 class="section-title">{t('shareHeading')}</h2>
            <ShareView />
          </section>
        </main>
        <footer class="page__footer muted">{t('privacyNote')}</footer>
      </div>
    </ErrorBoundary>
  );
}
