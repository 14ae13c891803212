import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { CITATION_STYLES, type CitationStyle } from '../data/library/citation';
import { t, type MessageKey } from '../utils/i18n';
import { sendMessage } from '../utils/messaging';
import { BUILTIN_MATCHES } from '../utils/builtinSites';
import { SUGGESTION_COUNTS, type LanguageChoice } from './settings';
import { useSettings } from './useSettings';

const LANGUAGES: { value: LanguageChoice; label: MessageKey }[] = [
  { value: 'browser', label: 'settingsLanguageBrowser' },
  { value: 'fr', label: 'settingsLanguageFr' },
  { value: 'en', label: 'settingsLanguageEn' },
];
const STYLES: Record<CitationStyle, { label: MessageKey; example: MessageKey }> = {
  inline: { label: 'settingsCitationInline', example: 'settingsCitationInlineExample' },
  footnote: { label: 'settingsCitationFootnote', example: 'settingsCitationFootnoteExample' },
  none: { label: 'settingsCitationNone', example: 'settingsCitationNoneExample' },
};

/**
 * The options page's settings: interface language, suggestions (pause, how many, with or without
 * the CNCDH's and the government's words as context), citation style, and the sites where
 * Positions was turned on (each can be removed). Every change is kept at once.
 */
export function SettingsView() {
  const [settings, update] = useSettings();
  return (
    <>
      <section class="section" aria-labelledby="settings-language">
        <h2 class="section-title" id="settings-language">
          {t('optionsLanguage')}
        </h2>
        <fieldset class="choices" data-testid="settings-language">
          <legend class="sr-only">{t('optionsLanguage')}</legend>
          {LANGUAGES.map(({ value, label }) => (
            <label key={value} class="choice">
              <input type="radio" name="language" value={value} checked={settings.language === value} onChange={() => update({ language: value })} />
              <span>{t(label)}</span>
            </label>
          ))}
        </fieldset>
      </section>
      <section class="section" aria-labelledby="settings-suggestions">
        <h2 class="section-title" id="settings-suggestions">
          {t('settingsSuggestionsHeading')}
        </h2>
        <label class="choice">
          <input type="checkbox" checked={settings.paused} onChange={(event) => update({ paused: event.currentTarget.checked })} data-testid="settings-paused" />
          <span>{t('settingsPause')}</span>
        </label>
        <label class="choice">
          <input type="checkbox" checked={settings.showContext} onChange={(event) => update({ showContext: event.currentTarget.checked })} data-testid="settings-context" />
          <span>{t('settingsShowContext')}</span>
        </label>
        <label class="setting-field">
          <span class="field-label">{t('settingsCount')}</span>
          <select class="select" value={String(settings.suggestionCount)} onChange={(event) => update({ suggestionCount: Number(event.currentTarget.value) })} data-testid="settings-count">
            {SUGGESTION_COUNTS.map((n) => (
              <option key={n} value={String(n)}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </section>
      <section class="section" aria-labelledby="settings-citation">
        <h2 class="section-title" id="settings-citation">
          {t('settingsCitationHeading')}
        </h2>
        <fieldset class="choices" data-testid="settings-citation">
          <legend class="sr-only">{t('settingsCitationHeading')}</legend>
          {CITATION_STYLES.map((style) => (
            <label key={style} class="choice choice--example">
              <input type="radio" name="citation" value={style} checked={settings.citationStyle === style} onChange={() => update({ citationStyle: style })} />
              <span>
                {t(STYLES[style].label)}
                <span class="choice__example muted" lang="fr">
                  {t(STYLES[style].example)}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      </section>
      <SitesSection />
    </>
  );
}

/** The sites the content scripts always run on (the manifest's matches: Gmail, Outlook…, the demo build's page). */
function builtins(): string[] {
  const matches = browser.runtime.getManifest().content_scripts?.flatMap((script) => script.matches ?? []);
  return matches?.length ? matches : [...BUILTIN_MATCHES];
}

/** The sites turned on with « Activer sur ce site » (their granted origins), each with « Retirer ». */
function SitesSection() {
  const [sites, setSites] = useState<string[]>();
  const [failed, setFailed] = useState(false);
  const load = () =>
    browser.permissions.getAll().then(
      ({ origins = [] }) => setSites(origins.filter((o) => /^https?:\/\/[^/*]+\/\*$/.test(o) && !builtins().includes(o)).sort()),
      () => setSites([]),
    );
  useEffect(() => {
    void load();
  }, []);
  const remove = (pattern: string) => () => {
    setFailed(false);
    sendMessage('site/disable', { url: pattern.slice(0, -1) }).then(load, (error: unknown) => {
      console.warn(error);
      setFailed(true);
    });
  };
  return (
    <section class="section" aria-labelledby="settings-sites">
      <h2 class="section-title" id="settings-sites">
        {t('settingsSitesHeading')}
      </h2>
      <p class="muted">{t('settingsSitesBuiltin')}</p>
      {sites && sites.length === 0 && <p class="muted" data-testid="settings-sites-empty">{t('settingsSitesNone')}</p>}
      {sites && sites.length > 0 && (
        <ul class="site-list" data-testid="settings-sites">
          {sites.map((pattern) => (
            <li key={pattern} class="site-list__item">
              <span>{pattern.replace(/^https?:\/\//, '').replace(/\/\*$/, '')}</span>
              <button type="button" class="link-button" onClick={remove(pattern)} aria-label={t('settingsSiteRemoveLabel', pattern.replace(/^https?:\/\//, '').replace(/\/\*$/, ''))}>
                {t('settingsSiteRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {failed && (
        <p class="notice" role="alert">
          {t('siteToggleFailed')}
        </p>
      )}
    </section>
  );
}
