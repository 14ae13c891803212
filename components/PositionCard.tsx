import { useId, useState } from 'preact/hooks';
import { formatCitation, sectionPath } from '../data/library/citation';
import type { Divergence } from '../data/engine/divergence';
import type { Citation } from '../data/engine/match';
import { isDraftRemark, isOurs, type Position } from '../data/library/schema';
import { t, tCount } from '../utils/i18n';
import { CardActions } from './CardActions';
import { useCatalog } from './CatalogContext';
import { Chips } from './Chips';
import { DivergenceNote } from './DivergenceNote';
import { Highlighted } from './Highlighted';
import { sparseHighlights } from './highlights';
import { authorBadge, authorHint, quotedByLine, speakerLine } from './labels';

/** What a card shows: a position (a match result, a search hit), the ranges to highlight, its other sources. */
export interface CardItem extends Position {
  highlights: readonly (readonly [number, number])[];
  /** Every place the wording appears; the first is the position's own (match results have them). */
  citations?: readonly Citation[];
  /** Where the paragraph being written departs from this wording (suggestions only, issue 14). */
  divergence?: Divergence;
}

/** Past this many characters a wording is shown folded to a few lines, with « Lire la suite ». */
const LONG_TEXT = 280;
/** About what four folded lines show at 360 px. */
const FOLD_VISIBLE = 160;

/**
 * One position, the same everywhere (suggestions, search, browse, popup): the wording verbatim with
 * the matched words marked, who said it, its citation, its measures and themes, and what can be done
 * with it. The Collectif's and its members' wording can be inserted; the government's and the CNCDH's
 * are context, labelled as such, and can only be copied as an attributed quotation.
 *
 * `tabId`: where « Insérer » goes; without it (the popup) only copying is offered. `inserted`: the
 * wording was just inserted from this card (marked « Inséré »). `contextNote`: this is the first
 * context card of its list, which says once what context means.
 */
export function PositionCard({
  item,
  tabId,
  headingLevel = 3,
  inserted = false,
  contextNote = false,
  paragraphText,
  onInserted,
}: {
  item: CardItem;
  tabId?: number;
  headingLevel?: 2 | 3 | 4;
  inserted?: boolean;
  contextNote?: boolean;
  paragraphText?: string;
  onInserted?: (id: string) => void;
}) {
  const catalog = useCatalog();
  const marks = sparseHighlights(item.text, item.highlights);
  // A long wording opens unfolded when what matched lies past its first lines (the reason must show).
  const [expanded, setExpanded] = useState(() => (marks[0]?.[0] ?? 0) > FOLD_VISIBLE);
  const ours = isOurs(item.author);
  const source = catalog.sources.get(item.sourceId);
  const citation = formatCitation(item, source);
  const others = (item.citations ?? []).filter((c) => c.positionId !== item.id);
  const long = item.text.length > LONG_TEXT;
  const who = speakerLine(item);
  const quoted = quotedByLine(item);
  const Heading = `h${headingLevel}` as 'h3';
  // Unique on the page: the same position can be on screen twice (suggestions and search stay mounted).
  const textId = useId();

  return (
    <>
    {contextNote && (
      <p class="context-heading" data-testid="context-heading">
        {t('contextHeading')}
      </p>
    )}
    <article
      class={`card ${ours ? 'card--ours' : 'card--context'} card--${item.author}`}
      data-testid="suggestion"
      data-position-id={item.id}
      data-author={item.author}
      data-inserted={inserted ? 'true' : undefined}
      aria-labelledby={`${textId}-who`}
    >
      <Heading class="card__who" id={`${textId}-who`}>
        <span class={`author-badge author-badge--${item.author}`} title={authorHint(item.author, item.kind)} data-testid="author-badge">
          {authorBadge(item)}
        </span>
        {who && <span class="card__speaker">{who}</span>}
        {quoted && (
          <span class="card__speaker card__quoted" data-testid="quoted-by">
            {quoted}
          </span>
        )}
        {isDraftRemark(item) && (
          <span class="card__tag" title={t('kindDraftRemarkHint')} data-testid="kind-draft-remark">
            {t('kindDraftRemark')}
          </span>
        )}
        {item.heading && (
          <span class="card__tag" title={t('headingMarkHint')} data-testid="heading-mark">
            {t('headingMark')}
          </span>
        )}
        {inserted && (
          <span class="inserted-badge" data-testid="inserted-badge">
            {t('insertedBadge')}
          </span>
        )}
      </Heading>
      {item.context && (
        <p class="card__lead-context" lang="fr" data-testid="position-context" title={item.context}>
          <span class="sr-only">{t('contextLabel')} </span>
          {item.context}
        </p>
      )}
      <p class={`card__text${long && !expanded ? ' card__text--folded' : ''}`} id={textId} lang="fr" data-testid="position-text">
        <Highlighted text={item.text} ranges={marks} />
      </p>
      {long && (
        <button type="button" class="link-button" aria-expanded={expanded} aria-controls={textId} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('readLess') : t('readMore')}
        </button>
      )}
      {item.divergence && <DivergenceNote divergence={item.divergence} date={item.date} />}
      <p class="card__citation" data-testid="citation">
        <cite>{citation}</cite>
      </p>
      {others.length > 0 && (
        <details class="card__more-sources">
          <summary>{tCount('moreSources', others.length)}</summary>
          <ul>
            {others.map((c) => {
              // A place in the card's own document is told by its headings: its citation would be the card's again.
              const here = c.sourceId === item.sourceId ? sectionPath(c.section) : '';
              return (
                <li key={c.positionId}>
                  <cite>{here ? t('samePlace', here) : formatCitation(c, catalog.sources.get(c.sourceId))}</cite>
                  {c.text && (
                    <span class="card__other-wording" data-testid="other-wording">
                      {t('otherWording')} <q>{c.text}</q>
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </details>
      )}
      <Chips measures={item.measures} themes={item.themes} reasons={item.measureReasons} />
      <CardActions item={item} source={source} tabId={tabId} paragraphText={paragraphText} onInserted={onInserted} />
    </article>
    </>
  );
}
