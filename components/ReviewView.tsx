import { Component, createRef } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ImportProposal, MeasureReason, Proposal } from '../data/library/import/propose';
import { mergeWithNext, relabel, sameVoice, sentencesOf, setAccepted, splitAt, uniqueIds, withAuthor } from '../data/library/import/review';
import type { AuthorId } from '../data/library/schema';
import { isImportError } from '../data/library/import/ImportError';
import { saveImport } from '../data/library/import/store';
import { formatNumber, t, tCount } from '../utils/i18n';
import { importErrorText } from './importErrorText';
import { useCatalog } from './CatalogContext';
import { measureLabel } from './labels';
import { AuthorField, authorLabel, MeasurePicker, ThemePicker } from './LabelPicker';
import { write } from './userLibrary';

/**
 * Rows drawn at once, then as many more at each turn of the page's event loop: a report of 1,768 proposals (143,000
 * elements) took 5 s before anything showed; its first rows now show at once, the rest follow while the page answers.
 */
const ROWS_AT_ONCE = 100;

/** What a proposal's row can do to the list, by its place in it. */
interface RowActions {
  update(i: number, p: Proposal): void;
  accept(i: number, accepted: boolean): void;
  merge(i: number): void;
  split(i: number, at: number): void;
  /** Gives the author just chosen for one proposal to its speaker's others (`Offer`). */
  alsoOthers(): void;
}

/**
 * After the author of one proposal is changed by hand: its speaker's other proposals that still have the former
 * author, which one click changes too. A report read as a member's words all through, when that member spoke for the
 * Collectif before a minister, is one correction, not one per sentence.
 */
interface Offer {
  i: number;
  speaker: string;
  author: AuthorId;
  others: number[];
  /** Taken: the row says so until the next change. */
  done?: boolean;
}

/**
 * The review screen: each proposal's verbatim text (shown as text, whatever it contains), its
 * labels to correct, keep or reject, merge with the next, split before a sentence; then one save.
 */
export function ReviewView({ initial, onBack, onSaved }: { initial: ImportProposal; onBack: () => void; onSaved: (title: string, count: number) => void }) {
  const { source } = initial;
  const { measures } = useCatalog();
  const named = useMemo(() => (key: string) => measureLabel(measures.get(key), key), [measures]);
  const [list, setList] = useState<Proposal[]>(initial.proposals);
  const [notice, setNotice] = useState<string | undefined>();
  const [offer, setOffer] = useState<Offer | undefined>();
  const currentOffer = useRef(offer);
  currentOffer.current = offer;
  const [error, setError] = useState<{ text: string; taken: boolean } | undefined>();
  const [replace, setReplace] = useState(false);
  const kept = list.filter((p) => p.accepted);
  const [drawn, setDrawn] = useState(ROWS_AT_ONCE);
  useEffect(() => {
    if (drawn >= list.length) return;
    const next = setTimeout(() => setDrawn((n) => n + ROWS_AT_ONCE), 0);
    return () => clearTimeout(next);
  }, [drawn, list.length]);
  // The rows act on the list as last drawn (each click is drawn before the next one is handled), through one object
  // that stays the same, so that a row whose proposal did not change is not drawn again: a report of 442 proposals
  // took 190 ms to answer a checkbox when every row was drawn again.
  const current = useRef(list);
  current.current = list;
  const actions = useMemo<RowActions>(
    () => ({
      update(i, p) {
        const before = current.current[i]!;
        setList(current.current.map((x, k) => (k === i ? p : x)));
        const others = p.author !== before.author ? sameVoice(current.current, i, p.speaker, before.author) : [];
        setOffer(others.length && p.speaker ? { i, speaker: p.speaker, author: p.author, others } : undefined);
      },
      accept(i, accepted) {
        setList(setAccepted(current.current, i, accepted));
        setOffer(undefined);
      },
      merge(i) {
        const merged = mergeWithNext(current.current, i, source.text);
        if (merged) setList(merged);
        setOffer(undefined);
        setNotice(merged ? undefined : t('reviewMergeRefused'));
      },
      split(i, at) {
        setList(splitAt(current.current, i, at, source.text) ?? current.current);
        setOffer(undefined);
      },
      alsoOthers() {
        const o = currentOffer.current;
        if (!o || o.done) return;
        setList(withAuthor(current.current, o.others, o.author));
        setOffer({ ...o, done: true });
      },
    }),
    [source],
  );

  async function save() {
    setError(undefined);
    try {
      await write((db) => saveImport(db, source, uniqueIds(kept), { replace }));
      onSaved(source.title, kept.length);
    } catch (e) {
      setError({ text: importErrorText(e), taken: isImportError(e) && e.key === 'storageErrorTaken' });
    }
  }

  return (
    <section class="review" data-testid="review">
      <h3>{t('reviewHeading')}</h3>
      <p class="muted">{t('reviewIntro')}</p>
      {notice && (
        <p role="status" class="notice">
          {notice}
        </p>
      )}
      <ol class="review__list" aria-busy={drawn < list.length}>
        {list.slice(0, drawn).map((p, i) => (
          <ProposalRow key={p.id + i} p={p} i={i} hasNext={i + 1 < list.length} named={named} actions={actions} offer={offer?.i === i ? offer : undefined} />
        ))}
      </ol>
      <p data-testid="review-count">{tCount('reviewCount', kept.length, formatNumber(list.length))}</p>
      {error && (
        <p role="alert" class="notice notice--error" data-testid="review-error">
          {error.text}
        </p>
      )}
      {error?.taken && (
        <label>
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.currentTarget.checked)} /> {t('reviewReplace')}
        </label>
      )}
      <div class="review__actions">
        <button type="button" class="button" onClick={onBack}>
          {t('reviewBack')}
        </button>
        <button type="button" class="button button--primary" onClick={() => void save()} disabled={!kept.length} data-testid="review-save">
          {t('reviewSave')}
        </button>
      </div>
    </section>
  );
}

interface RowProps {
  p: Proposal;
  i: number;
  hasNext: boolean;
  named: (key: string) => string;
  actions: RowActions;
  offer: Offer | undefined;
}

/** One proposal, drawn again only when it, its place or the measures' names change (the pickers follow the catalog). */
class ProposalRow extends Component<RowProps> {
  private readonly offerRef = createRef<HTMLParagraphElement>();

  override shouldComponentUpdate(next: RowProps): boolean {
    const now = this.props;
    return (
      next.p !== now.p || next.i !== now.i || next.hasNext !== now.hasNext || next.named !== now.named || next.actions !== now.actions || next.offer !== now.offer
    );
  }

  // The button clicked gives way to what it did: the focus goes there rather than to the page's top.
  override componentDidUpdate(previous: RowProps): void {
    if (this.props.offer?.done && !previous.offer?.done) this.offerRef.current?.focus();
  }

  override render() {
    const { p, i, hasNext, named, actions, offer } = this.props;
    const update = (labels: Parameters<typeof relabel>[1]) => actions.update(i, relabel(p, labels));
    return (
      <li class={`review__item${p.accepted ? '' : ' review__item--rejected'}`} data-testid="proposal">
        <label class="review__keep">
          <input type="checkbox" checked={p.accepted} onChange={(e) => actions.accept(i, e.currentTarget.checked)} data-testid="proposal-keep" />
          {t('reviewAccept')}
        </label>
        {p.doubt && (
          <p class="notice" data-testid="proposal-doubt">
            {p.doubt.kind === 'external' ? t('reviewDoubtExternal', p.doubt.body) : t('reviewDoubtUnknownSpeaker', p.doubt.speaker)}
          </p>
        )}
        <blockquote class="review__text" data-testid="proposal-text">
          {p.text}
        </blockquote>
        <p class="muted">
          {[p.section, p.lines[0] === p.lines[1] ? t('reviewLine', p.lines[0]) : t('reviewLines', p.lines[0], p.lines[1])].filter(Boolean).join(' · ')}
        </p>
        <div class="review__labels">
          <AuthorField value={p.author} onChange={(author) => update({ author })} testId="proposal-author" />
          <label class="field">
            <span>{t('reviewSpeaker')}</span>
            <input class="input" value={p.speaker ?? ''} onChange={(e) => update({ speaker: e.currentTarget.value.trim() })} data-testid="proposal-speaker" />
          </label>
          <label class="field">
            <span>{t('reviewOrganisation')}</span>
            <input class="input" value={p.organisation ?? ''} onChange={(e) => update({ organisation: e.currentTarget.value.trim() })} />
          </label>
          <MeasurePicker value={p.measures} onChange={(measures) => update({ measures })} testId="proposal-measures" />
          <ThemePicker value={p.themes} onChange={(themes) => update({ themes })} testId="proposal-themes" />
        </div>
        {offer && (
          // A status region from the offer on, so that what the click did is read out where it was asked.
          <p class="notice" role="status" tabIndex={-1} ref={this.offerRef} data-testid="proposal-offer">
            {offer.done ? (
              tCount('reviewAlsoDone', offer.others.length, offer.speaker, authorLabel(offer.author))
            ) : (
              <button type="button" class="button button--small" onClick={() => actions.alsoOthers()} data-testid="proposal-offer-apply">
                {tCount('reviewAlsoOffer', offer.others.length, offer.speaker, authorLabel(offer.author))}
              </button>
            )}
          </p>
        )}
        {p.reasons.length > 0 && <p class="muted">{t('reviewWhy', p.reasons.map((r) => reasonText(r, named)).join(' ; '))}</p>}
        <div class="review__actions">
          {hasNext && (
            <button type="button" class="button button--small" onClick={() => actions.merge(i)} data-testid="proposal-merge">
              {t('reviewMerge')}
            </button>
          )}
          {sentencesOf(p)
            .slice(1)
            .map((_, k) => (
              <button type="button" class="button button--small" key={k} onClick={() => actions.split(i, k + 1)} data-testid="proposal-split">
                {t('reviewSplit', k + 2)}
              </button>
            ))}
        </div>
      </li>
    );
  }
}

/** « Mesure 11 (indice « contraints de commettre des délits ») »: why the import proposed a measure. */
function reasonText(r: MeasureReason, named: (key: string) => string): string {
  const by = r.by === 'section' ? t('reviewBySection') : r.by === 'mention' ? t('reviewByMention') : t('reviewByCue');
  return `${named(r.key)} (${by}${r.words ? ` « ${r.words} »` : ''})`;
}

