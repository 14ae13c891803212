import type { MeasureEntry } from '../data/protocol';
import { byPlanAndNumber } from '../data/library/schema';
import { t, tCount } from '../utils/i18n';
import { useCatalog } from './CatalogContext';
import { cncdhStatusLabel, measureLabel, planYears } from './labels';

/**
 * Browse by measure: the plans' measures, each with its title, the CNCDH's 2017 status and the number
 * of the Collectif's positions on it. Choosing one lists its positions. `only`: the measures a look-up found by
 * their status (« mesures non mises en œuvre »), under its own heading.
 */
export function MeasureList({ onPick, only, heading }: { onPick: (key: string) => void; /** Only these measures (a status asked for in the search box). */ only?: readonly string[]; heading?: string }) {
  const { catalog } = useCatalog();
  const measures = only ? catalog.measures.filter((m) => only.includes(m.key)) : catalog.measures;
  const plans = [...new Set(measures.map((m) => m.plan))];
  const id = only ? 'measures-found-title' : 'measures-title';
  return (
    <section class={only ? 'measures measures--found' : 'measures'} aria-labelledby={id} data-testid={only ? 'measures-found' : undefined}>
      <h2 id={id} class="section-title">
        {heading ?? t('measuresHeading')}
      </h2>
      {plans.map((plan) => (
        <div key={plan} class="measures__plan">
          {(!only || plans.length > 1) && <h3 class="measures__plan-title">{t('planHeading', planYears(plan))}</h3>}
          <ul class="measure-list">
            {measures
              .filter((m) => m.plan === plan)
              .sort(byPlanAndNumber)
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
