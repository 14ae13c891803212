import type { MeasureEntry } from '../data/protocol';
import { t, tCount } from '../utils/i18n';
import { useCatalog } from './CatalogContext';
import { cncdhStatusLabel, measureLabel, planYears } from './labels';

/**
 * Browse by measure: the plans' measures, each with its title, the CNCDH's 2017 status and the number
 * of the Collectif's positions on it. Choosing one lists its positions.
 */
export function MeasureList({ onPick }: { onPick: (key: string) => void }) {
  const { catalog } = useCatalog();
  const plans = [...new Set(catalog.measures.map((m) => m.plan))];
  return (
    <section class="measures" aria-labelledby="measures-title">
      <h2 id="measures-title" class="section-title">
        {t('measuresHeading')}
      </h2>
      {plans.map((plan) => (
        <div key={plan} class="measures__plan">
          <h3 class="measures__plan-title">{t('planHeading', planYears(plan))}</h3>
          <ul class="measure-list">
            {catalog.measures
              .filter((m) => m.plan === plan)
              .sort(byNumber)
              .map((measure) => (
                <li key={measure.key}>
                  <MeasureButton measure={measure} onPick={onPick} />
                </li>
              ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** « 4 », « 4 bis », « 5 », … « 10 »: by number, then « bis » after its measure. */
function byNumber(a: MeasureEntry, b: MeasureEntry): number {
  return Number.parseInt(a.number, 10) - Number.parseInt(b.number, 10) || a.number.localeCompare(b.number);
}

function MeasureButton({ measure, onPick }: { measure: MeasureEntry; onPick: (key: string) => void }) {
  return (
    <button type="button" class="measure" onClick={() => onPick(measure.key)} data-testid="measure" data-measure={measure.key}>
      <span class="measure__head">
        <span class="measure__number">{measureLabel(measure, measure.key)}</span>
        {measure.cncdhStatus && <CncdhStatusBadge status={measure.cncdhStatus} />}
      </span>
      <span class="measure__title">{measure.title}</span>
      <span class="measure__count muted" data-count={measure.ours}>
        {tCount('measureOurs', measure.ours)}
      </span>
    </button>
  );
}

export function CncdhStatusBadge({ status }: { status: NonNullable<MeasureEntry['cncdhStatus']> }) {
  const tone = status === 'mise en oeuvre' ? 'done' : status === 'non mise en oeuvre' ? 'none' : 'partial';
  return (
    <span class={`status-badge status-badge--${tone}`} title={t('cncdhStatusHint')} data-testid="cncdh-status">
      <span aria-hidden="true">{cncdhStatusLabel(status)}</span>
      <span class="sr-only">{t('cncdhStatusSpoken', cncdhStatusLabel(status))}</span>
    </span>
  );
}
