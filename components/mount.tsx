import { render, type ComponentType } from 'preact';
import { chooseLanguage, t, uiLanguage, type MessageKey } from '../utils/i18n';
import type { Settings } from './settings';
import { loadSettings, watchSettings } from './useSettings';
import './theme.css';

/**
 * Renders one root component into `#app`, with the page's title and language set from i18n, in the
 * interface language chosen in the options (rendered again when it changes there).
 */
export function mount(Root: ComponentType, titleKey: MessageKey): void {
  const container = document.getElementById('app');
  if (!container) throw new Error('Positions: the page has no #app element to render into.');
  const show = (settings: Settings) => {
    chooseLanguage(settings.language === 'browser' ? undefined : settings.language);
    document.documentElement.lang = uiLanguage().split('-')[0] ?? 'fr';
    document.title = t(titleKey);
    render(null, container);
    render(<Root />, container);
  };
  let language = loadSettings().language;
  show(loadSettings());
  watchSettings((settings) => {
    if (settings.language === language) return;
    language = settings.language;
    show(settings);
  });
}
