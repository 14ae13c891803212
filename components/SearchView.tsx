import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchQuery, SearchResponse } from '../data/protocol';
import { isOurs } from '../data/library/schema';
import { t, tCount } from '../utils/i18n';
import { sendMessage } from '../utils/messaging';
import { useCatalog } from './CatalogContext';
import { measureLabel } from './labels';
import { LibraryQuery } from './LibraryQuery';
import { LibrarySummaryView } from './LibrarySummaryView';
import { CncdhStatusBadge, MeasureList } from './MeasureList';
import { OutlineView } from './OutlineView';
import { PositionCard } from './PositionCard';
import { StoryView } from './StoryView';
import { useDebounced } from './useDebounced';
import { useQuery } from './useQuery';

/** How many hits a look-up shows at most. */
const SEARCH_LIMIT = 30;
/** A measure lists all its positions (the largest has about a hundred). */
const MEASURE_LIMIT = 300;

/**
 * « Rechercher / Parcourir »: a search box over the whole library, and the plan's measures to browse
 * (typing leaves the measure: words always look up everything). Filters by theme and « Collectif
 * seulement » apply to both. `initialText` comes from the selection
 * menu; a new one replaces what was typed.
 */
export function SearchView({ tabId, initialText, active, found = [] }: { tabId: number | undefined; initialText?: { text: string; at: number }; active: boolean; found?: readonly string[] }) {
  const [text, setText] = useState(initialText?.text ?? '');
  // « Historique » of a measure or theme, or « Trame de courrier », shown in place of the browse view (issue 14).
  const [opened, setOpened] = useState<{ story: string } | 'outline'>();
  const [measure, setMeasure] = useState<string>();
  const [theme, setTheme] = useState('');
  const [oursOnly, setOursOnly] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!initialText) return;
    setText(initialText.text);
    setMeasure(undefined);
    setOpened(undefined);
  }, [initialText]);
  useEffect(() => {
    if (active) input.current?.focus();
  }, [active, initialText]);

  const typed = useDebounced(text.trim(), 250);
  const query: SearchQuery | undefined =
    typed || measure || theme
      ? { text: typed || undefined, measure, theme: theme || undefined, authors: oursOnly ? 'ours' : 'all', limit: measure && !typed ? MEASURE_LIMIT : SEARCH_LIMIT }
      : undefined;

  if (opened === 'outline') return <OutlineView tabId={tabId} found={found} onBack={() => setOpened(undefined)} />;
  if (opened) return <StoryView subjectKey={opened.story} tabId={tabId} onBack={() => setOpened(undefined)} />;

  return (
    <section class="search" aria-labelledby="search-title">
      <h2 id="search-title" class="sr-only">
        {t('panelModeSearch')}
      </h2>
      <form class="search__form" role="search" onSubmit={(event) => event.preventDefault()}>
        <label class="field-label" for="search-input">
          {t('searchLabel')}
        </label>
        <input
          ref={input}
          id="search-input"
          class="input"
          type="search"
          value={text}
          placeholder={t('searchPlaceholder')}
          autocomplete="off"
          spellcheck={false}
          onInput={(event) => {
            // Typed words look up the whole library: leave the measure being browsed.
            setText(event.currentTarget.value);
            setMeasure(undefined);
          }}
          data-testid="search-input"
        />
        <Filters theme={theme} onTheme={setTheme} oursOnly={oursOnly} onOursOnly={setOursOnly} />
      </form>
      {measure && <MeasureHeader measureKey={measure} onBack={() => setMeasure(undefined)} onStory={() => setOpened({ story: measure })} />}
      {!measure && !typed && theme && (
        <div class="browse-tools">
          <button type="button" class="button button--small" onClick={() => setOpened({ story: theme })} data-testid="theme-story">
            {t('storyThemeOpen')}
          </button>
        </div>
      )}
      {!query && (
        <div class="browse-tools">
          <button type="button" class="button button--small" onClick={() => setOpened('outline')} data-testid="open-outline">
            {t('outlineOpen')}
          </button>
        </div>
      )}
      {query ? <SearchResults query={query} tabId={tabId} sortOursFirst={!typed} /> : <MeasureList onPick={setMeasure} />}
      {!query && (
        <details class="library-details">
          <summary>{t('libraryHeading')}</summary>
          <p class="muted">{t('libraryIntro')}</p>
          <LibraryQuery>{(summary) => <LibrarySummaryView summary={summary} headingLevel={3} />}</LibraryQuery>
        </details>
      )}
    </section>
  );
}

function Filters(props: { theme: string; onTheme: (theme: string) => void; oursOnly: boolean; onOursOnly: (on: boolean) => void }) {
  const { catalog } = useCatalog();
  return (
    <div class="filters">
      <label class="filter">
        <span class="filter__label">{t('themeFilter')}</span>
        <select class="select" value={props.theme} onChange={(event) => props.onTheme(event.currentTarget.value)} data-testid="theme-filter">
          <option value="">{t('themeAll')}</option>
          {catalog.themes.map((theme) => (
            <option key={theme.id} value={theme.id}>
              {theme.label}
            </option>
          ))}
        </select>
      </label>
      <label class="filter filter--check">
        <input type="checkbox" checked={props.oursOnly} onChange={(event) => props.onOursOnly(event.currentTarget.checked)} data-testid="ours-only" />
        <span>{t('oursOnly')}</span>
      </label>
    </div>
  );
}

function MeasureHeader({ measureKey, onBack, onStory }: { measureKey: string; onBack: () => void; onStory: () => void }) {
  const { measures } = useCatalog();
  const measure = measures.get(measureKey);
  return (
    <div class="measure-header" data-testid="measure-header" data-measure={measureKey}>
      <button type="button" class="link-button" onClick={onBack} data-testid="measure-back">
        ← {t('measureBack')}
      </button>
      <h2 class="measure-header__title">
        {measureLabel(measure, measureKey)}
        {measure && <span class="measure-header__name"> — {measure.title}</span>}
      </h2>
      {measure?.cncdhStatus && <CncdhStatusBadge status={measure.cncdhStatus} />}
      <button type="button" class="button button--small measure-header__story" onClick={onStory} data-testid="open-story">
        {t('storyOpen')}
      </button>
      {measure?.cncdhObservations && (
        <details class="measure-header__observations">
          <summary>{t('measureObservations')}</summary>
          {measure.cncdhObservations.split(/\n{2,}/).map((paragraph, i) => (
            <p key={i} lang="fr">
              {paragraph}
            </p>
          ))}
        </details>
      )}
    </div>
  );
}

function SearchResults({ query, tabId, sortOursFirst }: { query: SearchQuery; tabId: number | undefined; sortOursFirst: boolean }) {
  const key = JSON.stringify(query);
  const { query: answer, retry } = useQuery<SearchResponse>(key, () => sendMessage('library/search', query));
  // Keep the last hits on screen while the next look-up runs, as the suggestions do.
  const [shown, setShown] = useState<SearchResponse['hits']>();
  useEffect(() => {
    if (answer.status === 'ready') setShown(answer.value.hits);
  }, [answer]);
  if (answer.status === 'error') {
    return (
      <p class="notice" role="alert">
        {t('searchError')}{' '}
        <button type="button" class="link-button" onClick={retry}>
          {t('retry')}
        </button>
      </p>
    );
  }
  if (!shown) return <p class="muted" role="status">{t('searching')}</p>;
  // Browsing a measure: the Collectif's wording first, context after (a stable sort keeps the library's order).
  const hits = sortOursFirst ? [...shown].sort((a, b) => Number(isOurs(b.position.author)) - Number(isOurs(a.position.author))) : shown;
  return (
    <div class="results">
      <p class="results__count muted" role="status" data-testid="search-count" data-count={hits.length}>
        {hits.length ? tCount('searchResults', hits.length) : t('searchNone')}
      </p>
      <div class="card-list" aria-busy={answer.status === 'loading'} data-testid="search-results">
        {hits.map((hit) => (
          <PositionCard key={hit.position.id} item={{ ...hit.position, highlights: hit.highlights }} tabId={tabId} />
        ))}
      </div>
    </div>
  );
}
