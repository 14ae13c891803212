import { render, type ComponentType } from 'preact';
import { t, uiLanguage, type MessageKey } from '../utils/i18n';
import './theme.css';

/** Renders one root component into `#app`, with the page's title and language set from i18n. */
export function mount(Root: ComponentType, titleKey: MessageKey): void {
  document.documentElement.lang = uiLanguage().split('-')[0] ?? 'fr';
  document.title = t(titleKey);
  const container = document.getElementById('app');
  if (!container) throw new Error('Positions: the page has no #app element to render into.');
  render(<Root />, container);
}
