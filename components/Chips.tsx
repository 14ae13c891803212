import { t } from '../utils/i18n';
import { useCatalog } from './CatalogContext';
import type { MeasureReason } from '../data/library/schema';
import { measureLabel, measureReasonLabel } from './labels';

/** A position's measures (« Mesure 5 », title as tooltip) and themes (their labels), as small chips. */
export function Chips({ measures, themes, reasons }: { measures: readonly string[]; themes: readonly string[]; reasons?: Readonly<Record<string, MeasureReason>> }) {
  const catalog = useCatalog();
  if (!measures.length && !themes.length) return null;
  return (
    <ul class="chips" aria-label={t('chipsLabel')}>
      {measures.map((key) => {
        const measure = catalog.measures.get(key);
        return (
          <li key={key} class="chip chip--measure" title={[measure?.title, measureReasonLabel(reasons?.[key])].filter(Boolean).join(' — ')} data-measure={key} data-reason={reasons?.[key]}>
            {measureLabel(measure, key)}
            {measure && <span class="sr-only">{t('measureTitleSpoken', measure.title)}</span>}
          </li>
        );
      })}
      {themes.map((id) => {
        const theme = catalog.themes.get(id);
        return (
          <li key={id} class="chip chip--theme" title={theme?.about} data-theme={id}>
            {theme?.label ?? id}
          </li>
        );
      })}
    </ul>
  );
}
