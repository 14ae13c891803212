import { browser } from 'wxt/browser';
import { formatDate, t } from '../utils/i18n';
import { ErrorBoundary } from './ErrorBoundary';
import { ImportView } from './ImportView';
import { LibraryQuery } from './LibraryQuery';
import { LibrarySummaryView } from './LibrarySummaryView';
import { SettingsView } from './SettingsView';
import { ShareView } from './ShareView';
import { SourcesView } from './SourcesView';

/** Settings page: a thin shell around its sections (settings, the library, import, sources, sharing). */
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
          <SettingsView />
          <section class="section" aria-labelledby="options-library">
            <h2 class="section-title" id="options-library">
              {t('optionsLibraryHeading')}
            </h2>
            <LibraryQuery>
              {(summary) => (
                <>
                  {summary.bundled && <p class="muted">{t('optionsBundledInstalled', formatDate(summary.bundled.installedAt))}</p>}
                  <LibrarySummaryView summary={summary} headingLevel={3} listSources={false} />
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
