import { useEffect, useState } from 'preact/hooks';
import { t } from '../utils/i18n';
import { currentSite, disableSite, enableSite, siteOfTab, watchTabAddress, type CurrentSite } from '../utils/siteToggle';

/**
 * The site of `tabId` (the panel's tab) or of the active tab (the popup), asked again when the tab
 * loads another page. `undefined` while unknown, or when its address cannot be read.
 */
function useSite(tabId: number | undefined, knownUrl: string | undefined) {
  const [site, setSite] = useState<CurrentSite>();
  const [loaded, setLoaded] = useState(false);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let current = true;
    (tabId === undefined ? currentSite() : siteOfTab(tabId, knownUrl)).then(
      (found) => current && (setSite(found), setLoaded(true)),
      () => current && (setSite(undefined), setLoaded(true)),
    );
    return () => {
      current = false;
    };
  }, [tabId, knownUrl, version]);
  useEffect(() => (tabId === undefined ? undefined : watchTabAddress(tabId, () => setVersion((n) => n + 1))), [tabId]);
  return { site, setSite, loaded };
}

/**
 * Whether Positions runs on the current site, and the one click that turns it on or off there
 * (self-hosted Roundcube, Etherpad, Nextcloud…). Nothing on browser pages. In the panel (`tabId`
 * given) it stays small, and says how to turn it on where the tab's address cannot be read.
 */
export function SiteToggle({ tabId, knownUrl, panel = false }: { tabId?: number; knownUrl?: string; panel?: boolean }) {
  const { site, setSite, loaded } = useSite(tabId, knownUrl);
  const [failed, setFailed] = useState(false);
  if (!site) {
    return panel && loaded && tabId !== undefined ? (
      <p class="site-toggle site-toggle--panel muted" data-testid="site-toggle" data-state="unknown">
        {t('siteUnknownHint')}
      </p>
    ) : null;
  }
  if (site.status.state === 'unsupported' || (panel && site.status.state === 'builtin')) return null;

  const change = (action: (site: CurrentSite) => Promise<CurrentSite['status']>) => () => {
    setFailed(false);
    // `enableSite` asks the browser's permission first thing: this must stay inside the click.
    action(site).then(
      (status) => setSite({ ...site, status }),
      (error: unknown) => {
        console.warn(error);
        setFailed(true);
      },
    );
  };
  const { state } = site.status;
  // The page's editor frames from another site (CryptPad's sandbox domain), by host name.
  const frameHosts = (site.status.frames ?? []).map((pattern) => pattern.replace(/^https?:\/\//, '').replace(/\/\*$/, '')).join(', ');
  return (
    <section class={`site-toggle${panel ? ' site-toggle--panel' : ''}`} data-testid="site-toggle" data-state={state} aria-label={t('siteToggleLabel')}>
      {state === 'builtin' && <p>{t('siteBuiltin', site.host)}</p>}
      {state === 'enabled' && (
        <>
          <p>{t('siteEnabled', site.host)}</p>
          {frameHosts && <p data-testid="site-frames">{t('siteFramesEnabled', frameHosts)}</p>}
          <button type="button" class={panel ? 'link-button' : 'button'} onClick={change(disableSite)} data-testid="site-disable">
            {t('siteDisable')}
          </button>
        </>
      )}
      {state === 'disabled' && (
        <>
          <p class="muted">{t('siteDisabledHint')}</p>
          {frameHosts && (
            <p class="muted" data-testid="site-frames">
              {t('siteFramesOffer', frameHosts)}
            </p>
          )}
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
