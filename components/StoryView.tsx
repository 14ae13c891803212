import { useEffect, useRef, useState } from 'preact/hooks';
import type { Story } from '../data/protocol';
import { storyText, type StoryEntry } from '../data/library/story';
import { copyText } from '../utils/copyText';
import { formatDate, t, tCount } from '../utils/i18n';
import { sendMessage } from '../utils/messaging';
import { useCatalog } from './CatalogContext';
import { measureLabel, themeLabel } from './labels';
import { CncdhStatusBadge } from './MeasureList';
import { PositionCard } from './PositionCard';
import { useDebounced } from './useDebounced';
import { useLibraryVersion } from './useLibraryVersion';
import { useQuery } from './useQuery';
import './storyOutline.css';

/** How long « Copié » stays. */
const COPIED_MS = 4_000;

/**
 * « Historique » (issue 14): a measure's or theme's passages by date, oldest first. Each passage is
 * the usual card with its citation and actions (the Collectif's wording insertable, context only
 * copyable with its attribution); the government's and the CNCDH's entries are labelled context.
 * « Copier l'historique » gives the whole of it as plain text with citations.
 */
export function StoryView({ subjectKey, tabId, onBack }: { subjectKey: string; tabId: number | undefined; onBack: () => void }) {
  const [who, setWho] = useState('');
  const typed = useDebounced(who.trim(), 300);
  const request = { key: subjectKey, with: typed || undefined };
  // A report imported or removed while the story is open adds or takes its passages: read again, the last story staying
  // on screen meanwhile.
  const version = useLibraryVersion();
  const { query, retry } = useQuery<Story>(JSON.stringify(request), () => sendMessage('library/story', request), { refresh: version });
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [subjectKey]);

  return (
    <section class="story" aria-labelledby="story-title" data-testid="story" data-subject={subjectKey}>
      <button type="button" class="link-button" onClick={onBack} data-testid="story-back">
        ← {t('storyBack')}
      </button>
      <h2 id="story-title" class="story__title" tabIndex={-1} ref={heading}>
        {t('storyHeading')} — <SubjectName subjectKey={subjectKey} />
      </h2>
      <p class="muted story__intro">{t('storyIntro')}</p>
      <WithField value={who} onInput={setWho} />
      {query.status === 'error' && (
        <p class="notice" role="alert" data-testid="story-error">
          {typed ? t('storyWithUnknown', typed) : t('storyError')}{' '}
          {!typed && (
            <button type="button" class="link-button" onClick={retry}>
              {t('retry')}
            </button>
          )}
        </p>
      )}
      {(query.status === 'loading' || query.status === 'idle') && (
        <p class="muted" role="status">
          {t('loading')}
        </p>
      )}
      {query.status === 'ready' && <Timeline story={query.value} tabId={tabId} />}
    </section>
  );
}

function SubjectName({ subjectKey }: { subjectKey: string }) {
  const { measures, themes } = useCatalog();
  const measure = measures.get(subjectKey);
  if (measure) return <>{`${measureLabel(measure, subjectKey)} — ${measure.title}`}</>;
  return <>{themeLabel(themes.get(subjectKey), subjectKey)}</>;
}

/** The interlocutor field, shared with the outline: free text, with the sources' usual names offered. */
export function WithField({ value, onInput }: { value: string; onInput: (value: string) => void }) {
  return (
    <label class="filter story__with">
      <span class="filter__label">{t('storyWith')}</span>
      <input
        class="input"
        type="text"
        list="interlocutors"
        value={value}
        placeholder={t('storyWithPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        onInput={(event) => onInput(event.currentTarget.value)}
        data-testid="with-input"
      />
      <datalist id="interlocutors">
        <option value="Matignon" />
        <option value="Élysée" />
        <option value="Droits des femmes" />
      </datalist>
    </label>
  );
}

function Timeline({ story, tabId }: { story: Story; tabId: number | undefined }) {
  const { catalog } = useCatalog();
  const [copied, setCopied] = useState<boolean>();
  const clear = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(clear.current), []);
  const copy = () => {
    clearTimeout(clear.current);
    void copyText(storyText(story, catalog)).then((ok) => {
      setCopied(ok);
      if (ok) clear.current = setTimeout(() => setCopied(undefined), COPIED_MS);
    });
  };
  if (!story.entries.length) return <p class="quiet muted" data-testid="story-empty">{t('storyEmpty')}</p>;
  return (
    <>
      <div class="story__actions">
        <span class="muted" data-testid="story-count" data-count={story.entries.length}>
          {tCount('storyCount', story.entries.length)}
        </span>
        <button type="button" class="button button--small" onClick={copy} data-testid="copy-story">
          {t('storyCopy')}
        </button>
        <span class={`card__status${copied === false ? ' card__status--error' : ''}`} role="status" data-testid="story-status">
          {copied === undefined ? '' : t(copied ? 'copied' : 'copyFailed')}
        </span>
      </div>
      <ol class="timeline" aria-label={t('storyListLabel')} data-testid="story-entries">
        {story.entries.map((entry, i) => (
          <TimelineEntry key={entry.position?.id ?? `status-${i}`} entry={entry} tabId={tabId} />
        ))}
      </ol>
    </>
  );
}

function TimelineEntry({ entry, tabId }: { entry: StoryEntry; tabId: number | undefined }) {
  return (
    <li class={`timeline__entry timeline__entry--${entry.kind}`} data-testid="story-entry" data-kind={entry.kind} data-date={entry.date} data-author={entry.author}>
      <p class="timeline__date">
        <time dateTime={entry.date}>{formatDate(entry.date)}</time>
        {entry.kind !== 'position' && <span class="timeline__context">{t('storyContext')}</span>}
      </p>
      {entry.position ? (
        <PositionCard item={{ ...entry.position, highlights: [] }} tabId={tabId} headingLevel={3} />
      ) : (
        <div class="timeline__status" data-testid="story-status-entry">
          <span>{t('storyCncdhStatus')}</span>{' '}
          {entry.kind === 'cncdh-status' && isStatus(entry.text) && <CncdhStatusBadge status={entry.text} />}
          <p class="card__citation">
            <cite>{entry.citation}</cite>
          </p>
        </div>
      )}
    </li>
  );
}

function isStatus(text: string): text is 'non mise en oeuvre' | 'partiellement mise en oeuvre' | 'mise en oeuvre' {
  return text === 'non mise en oeuvre' || text === 'partiellement mise en oeuvre' || text === 'mise en oeuvre';
}
