import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { FocusedParagraph, MatchResult, Suggestion } from '../data/protocol';
import { isOurs } from '../data/library/schema';
import { dateRefs, sourcesOn } from '../data/engine/dateRefs';
import { measureRefs } from '../data/engine/measureRefs';
import { useCatalog } from './CatalogContext';
import { formatDate, formatList, t, tCount, type MessageKey } from '../utils/i18n';
import { editorName, hostOf, measureLabel } from './labels';
import { PositionCard } from './PositionCard';
import { useSettings } from './useSettings';
import { useSuggestions } from './useSuggestions';

/**
 * The cards in the order shown: the Collectif's and its members' wording first, context after (a
 * stable sort: the engine's order within each), context left out when the options say so.
 */
export function orderCards(results: readonly MatchResult[], showContext: boolean, count: number): MatchResult[] {
  const ours = results.filter((r) => isOurs(r.author));
  const context = showContext ? results.filter((r) => !isOurs(r.author)) : [];
  return [...ours, ...context].slice(0, count);
}

/** « Pas de position du Collectif sur ce point ; en contexte : la CNCDH », when no card is the Collectif's. */
export function noPositionLine(results: readonly MatchResult[], shown: readonly MatchResult[]): string | undefined {
  if (!results.length || shown.some((r) => isOurs(r.author))) return undefined;
  const who = new Set(shown.map((r) => r.author));
  // No card at all (context left out in the options): the quiet line says it.
  if (!who.size) return undefined;
  const key: MessageKey = who.has('cncdh') && who.has('gouvernement') ? 'contextWhoBoth' : who.has('cncdh') ? 'contextWhoCncdh' : 'contextWhoGouvernement';
  return t('noCollectifPositionContext', t(key));
}

/**
 * What a screen reader says when the cards change: how many can be inserted, how many are context
 * (« Suggestions : 3 formulations à insérer et 2 en contexte. »), or that none fits.
 */
export function suggestionsAnnouncement(shown: readonly MatchResult[]): string {
  if (!shown.length) return t('announceNone');
  const ours = shown.filter((r) => isOurs(r.author)).length;
  const context = shown.length - ours;
  const parts = [...(ours ? [tCount('announceOurs', ours)] : []), ...(context ? [tCount('announceContext', context)] : [])];
  return t('announceSuggestions', formatList(parts));
}

/**
 * The announcement a polite status region holds. The cards themselves are not a live region: five
 * cards read aloud at every pause in the typing drowned what the user was writing. Said once per set
 * of cards (`key`: the cards shown, `undefined` while they are being looked for, which keeps what was
 * said), emptied first so that the same words for other cards are said again.
 */
function useAnnouncement(text: string | undefined, key: string | undefined): string {
  const [spoken, setSpoken] = useState('');
  const said = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (key === undefined || key === said.current) return;
    said.current = key;
    setSpoken('');
    if (!text) return;
    const timer = setTimeout(() => setSpoken(text), 150);
    return () => clearTimeout(timer);
  }, [key]);
  return spoken;
}

/**
 * After an insert the cards stay where they were (the paragraph changed because of the insert, not
 * because the user wrote something else): held until the paragraph changes again after the insert.
 */
interface Hold {
  results: MatchResult[];
  inserted: Set<string>;
  /** The paragraph when « Insérer » was clicked, then as the insert left it. */
  before: string | undefined;
  after?: string;
}

/**
 * « Suggestions »: follows the paragraph being written and shows the best matching positions.
 * When nothing matches, or the user is not writing, it says so in one quiet line. A paragraph that
 * names a measure (« Sur la mesure 13, notre position est la suivante. ») also offers the way to
 * everything the library holds on it, which a few suggestions cannot show (`onBrowseMeasure`). When
 * it stays quiet on a paragraph, one click looks the paragraph up in the library all the same
 * (`onSearchParagraph`): the search answers with the closest passages and says they may not fit.
 */
export function SuggestionsView({
  tabId,
  paragraph,
  onResults,
  onBrowseMeasure,
  onSearchParagraph,
}: {
  tabId: number | undefined;
  paragraph: FocusedParagraph | undefined;
  onResults?: (results: Suggestion[]) => void;
  onBrowseMeasure?: (key: string) => void;
  /** Quiet on a paragraph: the user may still look it up in the library, where it is answered anyway. */
  onSearchParagraph?: (text: string) => void;
}) {
  const [settings, update] = useSettings();
  const ask = settings.paused ? undefined : paragraph;
  const { results, status } = useSuggestions(ask, settings.suggestionCount + (settings.showContext ? 0 : 5));
  const [hold, setHold] = useState<Hold>();
  const holdRef = useRef(hold);
  holdRef.current = hold;
  const text = ask?.text;
  const { catalog, measures } = useCatalog();
  // The same reading of « mesure 13 », « mesures 3 et 4 », « PAN2-16 » as the engine's and the search box's.
  const named = useMemo(() => (text?.trim() ? measureRefs(text, 'PAN1', { has: (key) => measures.has(key) }).slice(0, 3) : []), [text, measures]);
  // « lors de notre rencontre du 24 juin 2014 »: the meeting of that day, as the search box reads dates.
  const dated = useMemo(() => (text?.trim() ? sourcesOn(dateRefs(text), catalog.sources).slice(0, 3) : []), [text, catalog]);
  // The letter outline offers the measures found in the draft so far.
  useEffect(() => {
    if (status === 'ready') onResults?.(results);
  }, [results, status]);

  useEffect(() => {
    const current = holdRef.current;
    if (!current) return;
    if (!text?.trim()) setHold(undefined);
    else if (current.after === undefined && text !== current.before) setHold({ ...current, after: text });
    else if (current.after !== undefined && text !== current.after) setHold(undefined);
  }, [text]);

  const shown = hold ? hold.results : orderCards(results, settings.showContext, settings.suggestionCount);
  const inserted = (id: string) =>
    setHold((current) => (current ? { ...current, inserted: new Set([...current.inserted, id]) } : { results: shown, inserted: new Set([id]), before: text }));
  const writing = ask !== undefined;
  const quiet = shown.length === 0 && (status === 'idle' || status === 'ready');
  const line = hold ? undefined : noPositionLine(results, shown);
  const firstContext = shown.find((r) => !isOurs(r.author))?.id;
  // Ready cards are announced; a paragraph emptied, a pause or leaving the editor ends what was said.
  const settled = status === 'ready' && !hold && writing && !!text?.trim();
  const announceKey = settled ? `cards:${shown.map((r) => r.id).join(' ')}` : hold || status === 'loading' ? undefined : '';
  const spoken = useAnnouncement(settled ? suggestionsAnnouncement(shown) : undefined, announceKey);
  const reason = settings.paused ? 'paused' : !paragraph ? 'not-writing' : !paragraph.text.trim() ? 'empty-paragraph' : status === 'ready' ? (results.length ? 'no-collectif' : 'no-match') : 'empty-paragraph';

  return (
    <section class="suggestions" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title" class="sr-only">
        {t('panelModeSuggestions')}
      </h2>
      {writing && (
        <p class="writing-in muted" data-testid="writing-in" data-editor={ask.editor} data-app={ask.app}>
          {t('writingIn', editorName(ask.editor, ask.app), hostOf(ask.url))}
          {ask.from === 'selection' && <> · {t('writingFromSelection')}</>}
          {status === 'loading' && results.length > 0 && (
            <span class="updating" aria-hidden="true">
              {' '}
              · {t('suggestionsUpdating')}
            </span>
          )}
        </p>
      )}
      {writing && onBrowseMeasure && named.length > 0 && (
        <p class="named-measures" data-testid="named-measures">
          {named.map((key) => (
            <button key={key} type="button" class="link-button" onClick={() => onBrowseMeasure(key)} data-testid="browse-named-measure" data-measure={key}>
              {t('namedMeasureBrowse', measureLabel(measures.get(key), key))}
            </button>
          ))}
        </p>
      )}
      {writing && onSearchParagraph && dated.length > 0 && (
        <p class="named-measures" data-testid="named-dates">
          {dated.map((source) => (
            // Handed to the search box as its date, which lists that day's positions.
            <button key={source.id} type="button" class="link-button" onClick={() => onSearchParagraph(formatDate(source.date))} data-testid="browse-dated-source" data-source={source.id}>
              {t('datedSourceBrowse', `${source.shortTitle}, ${formatDate(source.date)}`)}
            </button>
          ))}
        </p>
      )}
      {status === 'error' && <p class="notice">{t('suggestionsError')}</p>}
      {line && (
        <p class="no-position" data-testid="no-collectif-position">
          {line}
        </p>
      )}
      <p class="sr-only" role="status" data-testid="suggestions-announcement">
        {spoken}
      </p>
      <div class="card-list" role="region" aria-busy={status === 'loading'} aria-label={t('suggestionsListLabel')} data-testid="suggestion-list">
        {shown.map((result) => (
          <PositionCard
            key={result.id}
            item={result}
            tabId={tabId}
            inserted={hold?.inserted.has(result.id) ?? false}
            contextNote={result.id === firstContext}
            paragraphText={ask?.text}
            onInserted={inserted}
          />
        ))}
      </div>
      {quiet && (
        <p class="quiet muted" data-testid="suggestions-empty" data-reason={reason}>
          {settings.paused ? (
            <>
              {t('suggestionsPaused')}{' '}
              <button type="button" class="link-button" onClick={() => update({ paused: false })} data-testid="suggestions-resume">
                {t('suggestionsResume')}
              </button>
            </>
          ) : !paragraph ? (
            t('suggestionsNotWriting')
          ) : reason === 'no-match' ? (
            t('suggestionsNone')
          ) : reason === 'no-collectif' ? (
            t('noCollectifPosition')
          ) : (
            t('suggestionsStart')
          )}
        </p>
      )}
      {quiet && reason === 'no-match' && onSearchParagraph && text?.trim() && (
        <p class="search-anyway">
          <button type="button" class="link-button" onClick={() => onSearchParagraph(text)} data-testid="search-anyway">
            {t('suggestionsSearchAnyway')}
          </button>
        </p>
      )}
    </section>
  );
}
