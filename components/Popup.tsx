import { useEffect, useState } from 'preact/hooks';
import { t, tCount } from '../utils/i18n';
import { currentWindowId, openSidePanel, panelShortcut } from '../utils/openSidePanel';
import { CatalogProvider } from './CatalogContext';
import { ErrorBoundary } from './ErrorBoundary';
import { LibraryQuery } from './LibraryQuery';
import { PopupSearch } from './PopupSearch';
import { SiteToggle } from './SiteToggle';

/** The toolbar popup: a quick look-up, the way to the side panel, and the site switch. */
export function Popup() {
  const [windowId, setWindowId] = useState<number>();
  const [openFailed, setOpenFailed] = useState(false);
  const [shortcut, setShortcut] = useState<string>();
  useEffect(() => {
    currentWindowId().then(setWindowId, () => setWindowId(undefined));
    panelShortcut().then(setShortcut, () => setShortcut(undefined));
  }, []);
  const open = () =>
    openSidePanel(windowId).then(
      () => window.close(),
      (error: unknown) => {
        console.warn(error);
        setOpenFailed(true);
      },
    );
  return (
    <ErrorBoundary>
      <div class="page page--popup">
        <h1 class="brand">{t('extShortName')}</h1>
        <LibraryQuery>
          {(summary) => (
            <p class="popup__summary muted" data-testid="library-summary">
              <strong data-testid="position-count" data-count={summary.positionCount}>
                {tCount('positionCount', summary.positionCount)}
              </strong>{' '}
              · {tCount('sourceCount', summary.sources.length)}
            </p>
          )}
        </LibraryQuery>
        <button type="button" class="button button--primary" onClick={open} data-testid="open-side-panel">
          {t('openSidePanel')}
        </button>
        {openFailed && (
          <p class="notice" role="alert">
            {t('openSidePanelFailed')}
          </p>
        )}
        {shortcut && (
          <p class="muted shortcut-hint" data-testid="shortcut-hint">
            {t('shortcutHint', shortcut)}
          </p>
        )}
        <CatalogProvider quiet>
          <PopupSearch />
        </CatalogProvider>
        <SiteToggle />
        <p class="page__footer muted">{t('privacyNote')}</p>
      </div>
    </ErrorBoundary>
  );
}
