import { useEffect, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { currentSite, disableSite, enableSite, type CurrentSite } from '../utils/siteToggle';

/**
 * Whether Positions runs on the current tab's site, and the one click that turns it on or off
 * there (self-hosted Roundcube, Etherpad, Nextcloud…). Nothing on browser pages.
 */
export function SiteToggle() {
  const [site, setSite] = useState<CurrentSite>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    currentSite().then(setSite, () => setSite(undefined));
  }, []);
  if (!site || site.status.state === 'unsupported') return null;

  const change = (action: (site: CurrentSite) => Promise<CurrentSite['status']>) => () => {
    setFailed(false);
    action(site).then(
      (status) => setSite({ ...site, status }),
      (error: unknown) => {
        console.warn(error);
        setFailed(true);
      },
    );
  };
  const { state } = site.status;
  return (
    <section class="site-toggle" data-testid="site-toggle" data-state={state}>
      {state === 'builtin' && <p>{t('siteBuiltin', site.host)}</p>}
      {state === 'enabled' && (
        <>
          <p>{t('siteEnabled', site.host)}</p>
          <button type="button" class="button" onClick={change(disableSite)} data-testid="site-disable">
            {t('siteDisable')}
          </button>
        </>
      )}
      {state === 'disabled' && (
        <>
          <p class="muted">{t('siteDisabledHint')}</p>
          <button type="button" class="button" onClick={change(enableSite)} data-testid="site-enable">
            {t('siteEnable')}
          </button>
        </>
      )}
      {failed && (
        <p class="notice" role="alert">
          {t('siteToggleFailed')}
        </p>
      )}
    </section>
  );
}
