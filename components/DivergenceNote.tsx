import type { Divergence } from '../data/engine/divergence';
import { formatDate, t } from '../utils/i18n';

/**
 * One line on a suggestion card when the paragraph being written departs from this position
 * (issue 14): both sides quoted as written, and the position's date. A note, never a block: the
 * draft is not touched.
 */
export function DivergenceNote({ divergence, date }: { divergence: Divergence; date: string }) {
  return (
    <p class="divergence-note" title={t('divergenceHint')} data-testid="divergence-note" data-draft={divergence.draft} data-position={divergence.position}>
      <span aria-hidden="true">≠ </span>
      {t('divergenceNote', divergence.draft, divergence.position, formatDate(date))}
    </p>
  );
}
