import { useEffect, useRef, useState } from 'preact/hooks';
import type { SearchQuery, SearchResponse } from '../data/protocol';
import { isOurs } from '../data/library/schema';
import { formatNumber, t, tCount, type MessageKey } from '../utils/i18n';
import { sendMessage } from '../utils/messaging';
import { useCatalog } from './CatalogContext';
import { cncdhStatusLabel, measureLabel, searchCountLine, whoseWordsLine, themeLabel } from './labels';
import { LibraryQuery } from './LibraryQuery';
import { LibrarySummaryView } from './LibrarySummaryView';
import { useLibraryVersion } from './useLibraryVersion';
import { CncdhStatusBadge, MeasureList } from './MeasureList';
import { DatedSources } from './DatedSources';
import { OutlineView } from './OutlineView';
import { SearchNote } from './SearchNote';
import { PositionCard } from './PositionCard';
import { SearchField } from './SearchField';
import { StoryView } from './StoryView';
import { useDebounced } from './useDebounced';
import { useQuery } from './useQuery';

/** How many hits a look-up shows at first, and how many more « Voir plus » adds. */
const SEARCH_PAGE = 30;
/** A measure lists all its positions (the largest has about a hundred). */
const MEASURE_LIMIT = 300;

/**
 * « Rechercher / Parcourir »: a search box over the whole library, and the plan's measures to browse
 * (typing leaves the measure: words always look up everything). Filters by theme and « Collectif
 * seulement » apply to both. `initialText` comes from the selection
 * menu; a new one replaces what was typed.
 */
export function SearchView({
  tabId,
  initialText,
  initialMeasure,
  active,
  found = [],
}: {
  tabId: number | undefined;
  initialText?: { text: string; at: number };
  /** A measure to browse, handed over by the suggestions when the paragraph names it; a new one replaces what was shown. */
  initialMeasure?: { key: string; at: number };
  active: boolean;
  found?: readonly string[];
}) {
  const [text, setText] = useState(initialText?.text ?? '');
  // « Historique » of a measure or theme, or « Trame de courrier », shown in place of the browse view (issue 14).
  const [opened, setOpened] = useState<{ story: string } | 'outline'>();
  const [measure, setMeasure] = useState<string>();
  const [filters, setFilters] = useState<FilterState>(NO_FILTERS);
  const [limit, setLimit] = useState(SEARCH_PAGE);
  // The look-up the user asked to read for its sense anyway (« Chercher quand même… »): it holds for that text only.
  const [anyway, setAnyway] = useState<string>();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!initialText) return;
    setText(initialText.text);
    setMeasure(undefined);
    setOpened(undefined);
  }, [initialText]);
  useEffect(() => {
    if (!initialMeasure) return;
    setText('');
    setMeasure(initialMeasure.key);
    setOpened(undefined);
  }, [initialMeasure]);
  useEffect(() => {
    if (active) input.current?.focus();
  }, [active, initialText]);

  const typed = useDebounced(text.trim(), 250);
  const { theme, authors, sourceId, year, sort } = filters;
  const filtered = theme || authors !== 'all' || sourceId || year;
  // A new look-up starts again at the first page.
  useEffect(() => setLimit(SEARCH_PAGE), [typed, measure, theme, authors, sourceId, year, sort]);
  const query: SearchQuery | undefined =
    typed || measure || filtered
      ? {
          text: typed || undefined,
          measure,
          theme: theme || undefined,
          authors,
          sourceId: sourceId || undefined,
          from: year || undefined,
          to: year || undefined,
          sort,
          limit: measure && !typed ? MEASURE_LIMIT : limit,
          ...(typed && anyway === typed ? { anyway: true } : {}),
        }
      : undefined;

  if (opened === 'outline') return <OutlineView tabId={tabId} found={found} onBack={() => setOpened(undefined)} />;
  if (opened) return <StoryView subjectKey={opened.story} tabId={tabId} onBack={() => setOpened(undefined)} />;

  return (
    <section class="search" aria-labelledby="search-title">
      <h2 id="search-title" class="sr-only">
        {t('panelModeSearch')}
      </h2>
      <form class="search__form" role="search" onSubmit={(event) => event.preventDefault()}>
        <SearchField
          id="search-input"
          inputRef={input}
          value={text}
          onText={(typed) => {
            // Typed words look up the whole library: leave the measure being browsed.
            setText(typed);
            setMeasure(undefined);
          }}
        />
        <Filters filters={filters} onChange={(change) => setFilters({ ...filters, ...change })} />
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
      {query ? (
        <SearchResults
          query={query}
          tabId={tabId}
          sortOursFirst={!typed}
          browsing={!!measure}
          onMore={() => setLimit((n) => n + SEARCH_PAGE)}
          onAnyway={() => setAnyway(typed)}
          onBrowse={() => {
            setText('');
            setMeasure(undefined);
            input.current?.focus();
          }}
          onMeasure={(key) => {
            setText('');
            setMeasure(key);
          }}
          sourceId={sourceId}
          onSource={(id) => setFilters({ ...filters, sourceId: id })}
        />
      ) : (
        <MeasureList onPick={setMeasure} />
      )}
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

interface FilterState {
  theme: string;
  authors: NonNullable<SearchQuery['authors']>;
  sourceId: string;
  /** A year (« 2014 »): the period the positions were said in. */
  year: string;
  sort: NonNullable<SearchQuery['sort']>;
}
const NO_FILTERS: FilterState = { theme: '', authors: 'all', sourceId: '', year: '', sort: 'relevance' };
const AUTHOR_CHOICES: { value: FilterState['authors']; label: MessageKey }[] = [
  { value: 'all', label: 'authorAll' },
  { value: 'ours', label: 'authorOurs' },
  { value: 'collectif', label: 'authorCollectif' },
  { value: 'association', label: 'authorAssociation' },
  { value: 'cncdh', label: 'authorCncdh' },
  { value: 'gouvernement', label: 'authorGouvernement' },
];

/** Theme, author, source, period (a year), and the order (relevance or date). */
function Filters({ filters, onChange }: { filters: FilterState; onChange: (change: Partial<FilterState>) => void }) {
  const { catalog } = useCatalog();
  const years = [...new Set(catalog.sources.map((s) => s.date.slice(0, 4)))].sort();
  return (
    <div class="filters">
      <label class="filter">
        <span class="filter__label">{t('themeFilter')}</span>
        <select class="select" value={filters.theme} onChange={(event) => onChange({ theme: event.currentTarget.value })} data-testid="theme-filter">
          <option value="">{t('themeAll')}</option>
          {catalog.themes.map((theme) => (
            <option key={theme.id} value={theme.id}>
              {themeLabel(theme, theme.id)}
            </option>
          ))}
        </select>
      </label>
      <label class="filter">
        <span class="filter__label">{t('authorFilter')}</span>
        <select class="select" value={filters.authors} onChange={(event) => onChange({ authors: event.currentTarget.value as FilterState['authors'] })} data-testid="author-filter">
          {AUTHOR_CHOICES.map(({ value, label }) => (
            <option key={value} value={value}>
              {t(label)}
            </option>
          ))}
        </select>
      </label>
      <label class="filter">
        <span class="filter__label">{t('sourceFilter')}</span>
        <select class="select" value={filters.sourceId} onChange={(event) => onChange({ sourceId: event.currentTarget.value })} data-testid="source-filter">
          <option value="">{t('sourceAll')}</option>
          {catalog.sources.map((source) => (
            <option key={source.id} value={source.id}>
              {source.shortTitle}
            </option>
          ))}
        </select>
      </label>
      <label class="filter">
        <span class="filter__label">{t('periodFilter')}</span>
        <select class="select" value={filters.year} onChange={(event) => onChange({ year: event.currentTarget.value })} data-testid="period-filter">
          <option value="">{t('periodAll')}</option>
          {years.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </label>
      <label class="filter">
        <span class="filter__label">{t('sortLabel')}</span>
        <select class="select" value={filters.sort} onChange={(event) => onChange({ sort: event.currentTarget.value as FilterState['sort'] })} data-testid="sort">
          <option value="relevance">{t('sortRelevance')}</option>
          <option value="date">{t('sortDate')}</option>
        </select>
      </label>
    </div>
  );
}

function MeasureHeader({ measureKey, onBack, onStory }: { measureKey: string; onBack?: () => void; onStory?: () => void }) {
  const { measures } = useCatalog();
  const measure = measures.get(measureKey);
  return (
    <div class="measure-header" data-testid="measure-header" data-measure={measureKey}>
      {onBack && (
        <button type="button" class="link-button" onClick={onBack} data-testid="measure-back">
          ← {t('measureBack')}
        </button>
      )}
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

function SearchResults({
  query,
  tabId,
  sortOursFirst,
  browsing,
  onMore,
  onAnyway,
  onBrowse,
  sourceId,
  onSource,
  onMeasure,
}: {
  query: SearchQuery;
  tabId: number | undefined;
  sortOursFirst: boolean;
  /** A measure picked in the list: its header is already shown above. */
  browsing: boolean;
  onMore: () => void;
  /** « Chercher quand même… »: list the passages found by sense that were withheld. */
  onAnyway: () => void;
  /** « Parcourir les mesures », beside a measure no plan holds: the box emptied, the list of measures shown. */
  onBrowse: () => void;
  /** The source filter, and how to set it (« N'afficher que ce document », for a source the look-up dates). */
  sourceId: string;
  onSource: (id: string) => void;
  /** Browse a measure of those a status look-up found (« mesures non mises en œuvre »). */
  onMeasure: (key: string) => void;
}) {
  // The library's version in the key: the hits follow a report imported while the panel is open.
  const version = useLibraryVersion();
  const key = `${version}:${JSON.stringify(query)}`;
  const { query: answer, retry } = useQuery<SearchResponse>(key, () => sendMessage('library/search', query));
  // Keep the last hits on screen while the next look-up runs, as the suggestions do.
  const [shown, setShown] = useState<SearchResponse & { text?: string }>();
  useEffect(() => {
    if (answer.status === 'ready') setShown({ ...answer.value, text: query.text });
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
  const hits = sortOursFirst ? [...shown.hits].sort((a, b) => Number(isOurs(b.position.author)) - Number(isOurs(a.position.author))) : shown.hits;
  const firstContext = hits.find((h) => !isOurs(h.position.author))?.position.id;
  const named = !browsing && !shown.measureStatus && shown.measures?.length === 1 ? shown.measures[0] : undefined;
  const more = Math.min(SEARCH_PAGE, shown.total - hits.length);
  const whose = whoseWordsLine(shown);
  return (
    <div class="results">
      {named && <MeasureHeader measureKey={named} />}
      {shown.measureStatus && shown.measures && (
        <MeasureList only={shown.measures} heading={tCount('searchStatusMeasures', shown.measures.length, cncdhStatusLabel(shown.measureStatus))} onPick={onMeasure} />
      )}
      {shown.readAs && (
        <p class="search-speakers muted" data-testid="search-read-as">
          {t('searchReadAs', shown.readAs)}
        </p>
      )}
      {whose && (
        <p class="search-speakers muted" data-testid="search-speakers">
          {whose}
        </p>
      )}
      {!!shown.sources?.length && <DatedSources ids={shown.sources} year={shown.sourcesYear} named={shown.sourcesNamed} addressed={shown.sourcesAddressed} listed={shown.via === 'source'} kept={sourceId} onKeep={onSource} />}
      <p class="results__count muted" role="status" data-testid="search-count" data-count={shown.total} data-shown={hits.length} data-text={shown.text ?? ''}>
        {searchCountLine(shown.total, hits.length)}
      </p>
      <SearchNote answer={shown} onAnyway={onAnyway} onBrowse={onBrowse} />
      <div class="card-list" aria-busy={answer.status === 'loading'} data-testid="search-results">
        {hits.map((hit) => (
          <PositionCard key={hit.position.id} item={{ ...hit.position, highlights: hit.highlights }} tabId={tabId} contextNote={hit.position.id === firstContext} />
        ))}
      </div>
      {more > 0 && (
        <button type="button" class="button results__more" onClick={onMore} data-testid="search-more">
          {t('searchMore', formatNumber(more))}
        </button>
      )}
    </div>
  );
}
