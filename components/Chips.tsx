import { useState } from 'preact/hooks';
import { t, tCount } from '../utils/i18n';
import { useCatalog } from './CatalogContext';
import type { MeasureReason } from '../data/library/schema';
import { measureLabel, measureReasonLabel, themeAbout, themeLabel } from './labels';

/** Chips shown before « + N »: a card stays short at 360 px; the rest is one click away. */
const FOLDED_CHIPS = 1;

/**
 * A position's measures (« Mesure 5 », title as tooltip) and themes (their labels), as small chips,
 * folded past the first. Folded chips stay in the page, hidden: what a card is tagged with is still there.
 */
export function Chips({ measures, themes, reasons }: { measures: readonly string[]; themes: readonly string[]; reasons?: Readonly<Record<string, MeasureReason>> }) {
  const catalog = useCatalog();
  const [open, setOpen] = useState(false);
  if (!measures.length && !themes.length) return null;
  const hidden = measures.length + themes.length - FOLDED_CHIPS;
  const folded = (i: number) => !open && hidden > 0 && i >= FOLDED_CHIPS;
  return (
    <ul class="chips" aria-label={t('chipsLabel')}>
      {measures.map((key, i) => {
        const measure = catalog.measures.get(key);
        return (
          <li key={key} class="chip chip--measure" title={[measure?.title, measureReasonLabel(reasons?.[key])].filter(Boolean).join(' — ')} data-measure={key} data-reason={reasons?.[key]} hidden={folded(i)}>
            {measureLabel(measure, key)}
            {measure && <span class="sr-only">{t('measureTitleSpoken', measure.title)}</span>}
          </li>
        );
      })}
      {themes.map((id, i) => {
        const theme = catalog.themes.get(id);
        return (
          <li key={id} class="chip chip--theme" title={themeAbout(theme, id)} data-theme={id} hidden={folded(measures.length + i)}>
            {themeLabel(theme, id)}
          </li>
        );
      })}
      {!open && hidden > 0 && (
        <li class="chips__more">
          <button type="button" class="chip chip--more" onClick={() => setOpen(true)} aria-expanded={false} data-testid="chips-more">
            {tCount('moreChips', hidden)}
          </button>
        </li>
      )}
    </ul>
  );
}
