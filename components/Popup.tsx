import { useEffect, useState } from 'preact/hooks';
import { t, tCount } from '../utils/i18n';
import { currentWindowId, openSidePanel } from '../utils/openSidePanel';
import { ErrorBoundary } from './ErrorBoundary';
import { LibraryQuery } from './LibraryQuery';
import { SiteToggle } from './SiteToggle';

/** The toolbar popup: the library in one line, and the way to the side panel. */
export function Popup() {
  const [windowId, setWindowId] = useState<number>();
  const [openFailed, setOpenFailed] = useState(false);
  useEffect(() => {
    currentWindowId().then(setWindowId, () => setWindowId(undefined));
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
        <p class="brand">{t('extShortName')}</p>
        <LibraryQuery>
          {(summary) => (
            <p class="popup__summary" data-testid="library-summary">
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
        <SiteToggle />
        <p class="page__footer muted">{t('privacyNote')}</p>
      </div>
    </ErrorBoundary>
  );
}
