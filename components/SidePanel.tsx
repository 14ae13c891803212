import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../utils/i18n';
import { searchFromAddress, watchPendingSearch } from '../utils/pendingSearch';
import { CatalogProvider } from './CatalogContext';
import { ErrorBoundary } from './ErrorBoundary';
import { LibraryNotice } from './LibraryNotice';
import { SearchView } from './SearchView';
import { SiteToggle } from './SiteToggle';
import { SuggestionsView } from './SuggestionsView';
import { useFoundMeasures } from './useFoundMeasures';
import { useParagraph, usePanelTab } from './usePanelTab';

type Mode = 'suggestions' | 'search';

/**
 * The side panel (Chrome's side panel, Firefox's sidebar, or `sidepanel.html?tab=<id>` in a tab).
 * Two modes: « Suggestions » follows the writing in the tab; « Rechercher / Parcourir » looks the
 * library up and browses it by measure. Both stay mounted, so switching keeps what each shows.
 */
export function SidePanel() {
  return (
    <ErrorBoundary>
      <div class="page page--panel">
        <CatalogProvider>
          <PanelBody />
        </CatalogProvider>
        <footer class="page__footer muted">
          <a href={browser.runtime.getURL('/options.html#import')} target="_blank" rel="noopener" data-testid="panel-import-link">
            {t('panelImportLink')}
          </a>{' '}
          {t('privacyNote')}
        </footer>
      </div>
    </ErrorBoundary>
  );
}

function PanelBody() {
  const fromAddress = searchFromAddress();
  const [mode, setMode] = useState<Mode>(fromAddress === undefined ? 'suggestions' : 'search');
  const [handed, setHanded] = useState<{ text: string; at: number } | undefined>(fromAddress ? { text: fromAddress, at: 0 } : undefined);
  // A measure the paragraph names, opened in the browse view from the suggestions.
  const [browsed, setBrowsed] = useState<{ key: string; at: number }>();
  const { tabId } = usePanelTab();
  const paragraph = useParagraph(tabId);
  const [found, onResults] = useFoundMeasures(tabId);

  useEffect(
    () =>
      watchPendingSearch((text) => {
        setHanded({ text, at: Date.now() });
        setMode('search');
      }),
    [],
  );

  return (
    <>
      <header class="panel-header">
        <h1 class="brand">{t('extShortName')}</h1>
        <div class="mode-switch" role="group" aria-label={t('panelModesLabel')}>
          <ModeButton mode="suggestions" current={mode} onSelect={setMode} label={t('panelModeSuggestions')} />
          <ModeButton mode="search" current={mode} onSelect={setMode} label={t('panelModeSearch')} />
        </div>
      </header>
      <main>
        <LibraryNotice />
        <div hidden={mode !== 'suggestions'} data-testid="mode-suggestions">
          <SuggestionsView
            tabId={tabId}
            paragraph={paragraph}
            onResults={onResults}
            onBrowseMeasure={(key) => {
              setBrowsed({ key, at: Date.now() });
              setMode('search');
            }}
            onSearchParagraph={(text) => {
              setHanded({ text, at: Date.now() });
              setMode('search');
            }}
          />
        </div>
        <div hidden={mode !== 'search'} data-testid="mode-search">
          <SearchView tabId={tabId} initialText={handed} initialMeasure={browsed} active={mode === 'search'} found={found} />
        </div>
        {tabId !== undefined && <SiteToggle tabId={tabId} knownUrl={paragraph?.url} panel />}
      </main>
    </>
  );
}

function ModeButton({ mode, current, onSelect, label }: { mode: Mode; current: Mode; onSelect: (mode: Mode) => void; label: string }) {
  return (
    <button type="button" class="mode-switch__button" aria-pressed={mode === current} onClick={() => onSelect(mode)} data-testid={`mode-${mode}-button`}>
      {label}
    </button>
  );
}
