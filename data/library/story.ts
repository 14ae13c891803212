/**
 * A measure's or a theme's story (« Historique », issue 14): every passage of the library on it, by
 * date, oldest first — the Collectif's and its member associations' positions, and, labelled as
 * context, the government's answers and the CNCDH's 2017 status and observations. What changed is
 * told by the sources' own words side by side, never by a sentence of ours.
 *
 * `with` narrows it to one interlocutor (« Matignon », « l'Élysée », a ministry) as the sources name
 * them in their meeting line, participants and titles: what the Collectif asked them, what they
 * answered and when. The CNCDH's status stays, as context: it says what is still open.
 *
 * Pure: the command line (`library story`), the background (`library/story`) and the tests share it.
 *
 * @example
 *   story(library, 'PAN1-4bis').entries.map((e) => `${e.date} ${e.author}`)
 *   // → ['2014-01-31 collectif', …, '2017-07-06 cncdh']
 */
import { formatCitation, longDate, quoteAsContext, quoteWithSource, sectionPath, sourceLabel, quoted } from './citation';
import { mergeTwins, type TwinsOf } from './twins';
import { foldedWords } from '../engine/normalise';
import { isOurs, type AuthorId, type Library, type Measure, type Position, type Source, type Theme } from './schema';

/** `position`: the Collectif's or a member's wording; `context`: the government's or the CNCDH's; `cncdh-status`: the 2017 status. */
export type StoryEntryKind = 'position' | 'context' | 'cncdh-status';

export interface StoryEntry {
  kind: StoryEntryKind;
  /** ISO date of the source. */
  date: string;
  author: AuthorId;
  /** Verbatim: the passage, or the CNCDH's status as the evaluation words it. */
  text: string;
  speaker?: string;
  organisation?: string;
  sourceId: string;
  /** The source's name as cited (« Compte-rendu de la rencontre avec Mme Vallaud-Belkacem »). */
  source: string;
  section: string;
  /** Lines in the source text (absent for the CNCDH status, which comes from the measure's record). */
  lines?: [number, number];
  /** The whole citation, as the cards show it. */
  citation: string;
  /** The passage itself, for the panel's card and its actions (absent for the CNCDH status). */
  position?: Position;
}

export interface Story {
  subject: { kind: 'measure'; measure: Measure } | { kind: 'theme'; theme: Theme };
  /** The interlocutor asked for, and the sources that name them. */
  with?: { name: string; sources: string[] };
  entries: StoryEntry[];
}

export interface StoryOptions {
  /** One interlocutor: « Matignon », « Élysée », « ministère des Droits des femmes »… */
  with?: string;
  /**
   * The engine's near-identical wordings: twins in one source (a sentence of the report's synthesis and the member's
   * words it sums up) are one entry, the Collectif's, citing both places. The same demand at a later meeting stays an
   * entry of its own: the story is what was said, when.
   */
  twins?: TwinsOf;
}

/** Words of a name that name no one (« la ministre », « Mme Borne », « the Prime Minister »). */
const NAME_SMALL = new Set('l le la les de du des d au aux a et the of mme m mlle madame monsieur mr mrs ms'.split(' '));

/**
 * The words by which a source or a name designates an interlocutor: its words as written (folded), the ministry and
 * the minister as one (« au ministère », « à la ministre »), and the two offices by their seat as well: Matignon is
 * « le cabinet du Premier ministre », « de la Première ministre », « 58 rue de Varenne », « the Prime Minister »; the
 * Élysée, « le Président de la République ».
 */
export function interlocutorWords(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  // The words of « Président de la République » say only « Élysée » (its 2022 meeting writes « l'Élysée »).
  let skip = 0;
  words.forEach((word, i) => {
    const [next, after] = [words[i + 1], words[i + 2]];
    if (((word === 'premier' || word === 'premiere') && next === 'ministre') || (word === 'prime' && next === 'minister') || (word === 'rue' && next === 'de' && after === 'varenne'))
      out.add('matignon');
    if (word === 'president' && next === 'de' && after === 'la' && words[i + 3] === 'republique') {
      out.add('elysee');
      skip = 4;
    }
    if (skip > 0) skip--;
    else if (word !== 'prime' && !NAME_SMALL.has(word)) out.add(SAME_OFFICE.get(word) ?? word);
  });
  return out;
}
const SAME_OFFICE = new Map([
  ['ministere', 'ministre'],
  ['ministeres', 'ministre'],
  ['ministres', 'ministre'],
  ['minister', 'ministre'],
  ['ministry', 'ministre'],
  ['cabinets', 'cabinet'],
]);

/**
 * The sources that name `who` (« Matignon », « l'Élysée », « Mme Vallaud-Belkacem », « ministère des Droits des
 * femmes ») in their title or their line saying where and with whom, and with `participants` in their list of those
 * present: each word of the name, or the beginning of a word of four letters or more (« Vallaud »). With
 * `meetingsOnly`, an evaluation is no meeting with its author. Shared by the story, the letter outline and the search
 * box's « ce que nous avons demandé à Matignon ».
 */
export function sourcesNaming(library: Pick<Library, 'sources'>, who: string, options: { participants?: boolean; meetingsOnly?: boolean } = {}): Source[] {
  const asked = [...interlocutorWords(foldedWords(who))];
  if (!asked.length) return [];
  return library.sources.filter((s) => {
    if (options.meetingsOnly && s.kind === 'évaluation') return false;
    const hay = interlocutorWords(foldedWords([s.title, s.shortTitle, s.meeting, ...(options.participants ? s.participants : [])].join(' | ')));
    return asked.every((w) => hay.has(w) || (w.length >= 4 && [...hay].some((h) => h.startsWith(w))));
  });
}

/** The measure or theme named by `key` (« PAN1-4bis », « pan1-4 bis », « delai-reflexion »), or an error saying which keys exist. */
export function subjectOf(library: Library, key: string): Story['subject'] {
  const wanted = compact(key);
  const measure = library.measures.find((m) => compact(m.key) === wanted);
  if (measure) return { kind: 'measure', measure };
  const theme = library.themes.find((t) => compact(t.id) === wanted);
  if (theme) return { kind: 'theme', theme };
  const examples = [...library.measures.slice(0, 5).map((m) => m.key), ...library.themes.slice(0, 3).map((t) => t.id)].join(', ');
  throw new Error(`Mesure ou thème inconnu : « ${key} ». Donnez une clé de mesure ou de thème, par exemple ${examples}.`);
}

/** The sources that name `who` in their title, meeting line or participants (`sourcesNaming`); an error when none does. */
export function sourcesWith(library: Library, who: string): Source[] {
  if (!interlocutorWords(foldedWords(who)).size) throw new Error('« --with » attend un interlocuteur, par exemple « Matignon ».');
  const found = sourcesNaming(library, who, { participants: true });
  if (!found.length) {
    const known = library.sources.map((s) => `${s.shortTitle} (${s.date})`).join(' ; ');
    throw new Error(`Aucune source ne nomme « ${who} » dans ses rencontres ou ses participants. Sources : ${known}.`);
  }
  return found;
}

export function story(library: Library, key: string, options: StoryOptions = {}): Story {
  const subject = subjectOf(library, key);
  const sources = new Map(library.sources.map((s) => [s.id, s]));
  const narrowed = options.with ? sourcesWith(library, options.with) : undefined;
  const allowed = narrowed ? new Set(narrowed.map((s) => s.id)) : undefined;
  const about = (p: Position) => (subject.kind === 'measure' ? p.measures.includes(subject.measure.key) : p.themes.includes(subject.theme.id));

  const entries: StoryEntry[] = library.positions
    .filter((p) => about(p) && (!allowed || allowed.has(p.sourceId)))
    .map((p) => entryOf(p, sources.get(p.sourceId)));
  if (subject.kind === 'measure' && subject.measure.cncdhStatus) entries.push(statusEntry(library, subject.measure));

  const order = new Map(library.sources.map((s, i) => [s.id, i]));
  entries.sort(
    (a, b) =>
      a.date.localeCompare(b.date) ||
      (order.get(a.sourceId) ?? 0) - (order.get(b.sourceId) ?? 0) ||
      (a.lines?.[0] ?? 0) - (b.lines?.[0] ?? 0),
  );
  const shown = options.twins
    ? mergeTwins(entries, (e) => e.position, options.twins, (e, position) => ({ ...e, position }), (a, b) => a.sourceId === b.sourceId)
    : entries;
  return { subject, with: narrowed && options.with ? { name: options.with, sources: narrowed.map((s) => s.id) } : undefined, entries: shown };
}

function entryOf(p: Position, source: Source | undefined): StoryEntry {
  return {
    kind: isOurs(p.author) ? 'position' : 'context',
    date: p.date,
    author: p.author,
    text: p.text,
    speaker: p.speaker,
    organisation: p.organisation,
    sourceId: p.sourceId,
    source: source ? sourceLabel(source) : p.sourceId,
    section: p.section,
    lines: p.lines,
    citation: formatCitation(p, source),
    position: p,
  };
}

/** The CNCDH's 2017 status of a measure, dated and cited as its evaluation. */
function statusEntry(library: Library, measure: Measure): StoryEntry {
  const evaluation = library.sources.find((s) => s.kind === 'évaluation' && s.date.startsWith('2017')) ?? library.sources.find((s) => s.kind === 'évaluation');
  const date = evaluation?.date ?? '2017';
  const section = `Mesure ${measure.number}`;
  const cited = { sourceId: evaluation?.id ?? 'CNCDH 2017', date, section };
  return {
    kind: 'cncdh-status',
    date,
    author: 'cncdh',
    text: measure.cncdhStatus!,
    sourceId: cited.sourceId,
    source: evaluation ? sourceLabel(evaluation) : cited.sourceId,
    section,
    citation: formatCitation(cited, evaluation),
  };
}

/** A story's heading: « Mesure 4 bis — Étendre le délai… », « Thème — Délai de réflexion… ». */
export function storyTitle(subject: Story['subject']): string {
  return subject.kind === 'measure' ? `${measureName(subject.measure)} — ${subject.measure.title}` : `Thème — ${subject.theme.label}`;
}

/** « Mesure 4 bis » for the 2014 plan the reports discuss, « Mesure 16 (PAN2) » for another. */
export function measureName(measure: Pick<Measure, 'plan' | 'number'>): string {
  return measure.plan === 'PAN1' ? `Mesure ${measure.number}` : `Mesure ${measure.number} (${measure.plan})`;
}

/** Who an entry is, as the copied story labels it; context says so. */
export function entryLabel(entry: StoryEntry): string {
  switch (entry.kind) {
    case 'cncdh-status':
      return 'Statut CNCDH (2017)';
    case 'position':
      return entry.author === 'association' ? `${entry.organisation ?? entry.speaker ?? 'Association membre'} (membre du Collectif)` : 'Collectif';
    case 'context':
      return entry.author === 'cncdh'
        ? 'CNCDH (contexte)'
        : `Gouvernement (contexte)${[entry.speaker, entry.organisation].filter(Boolean).length ? ` — ${[entry.speaker, entry.organisation].filter(Boolean).join(', ')}` : ''}`;
  }
}

/**
 * « Copier l'historique »: the whole story as plain text for a meeting note, every passage in « »
 * with its citation (the Collectif's as it would be quoted, context with its attribution). Labels
 * only, no sentence of ours.
 */
/** A status as a letter writes it: the taxonomy's key says « oeuvre », French « œuvre » (the panel's badge does). */
export function statusWords(status: string): string {
  return status.replace(/oeuvre/g, 'œuvre');
}

export function storyText(s: Story, library: Pick<Library, 'sources'>): string {
  const sources = new Map(library.sources.map((x) => [x.id, x]));
  const head = [storyTitle(s.subject)];
  if (s.with) head.push(`Interlocuteur : ${s.with.name}`);
  const blocks = s.entries.map((e) => {
    const when = longDate(e.date);
    if (e.kind === 'cncdh-status') return `${when} — ${entryLabel(e)} : ${statusWords(e.text)} (${e.citation})`;
    const p = e.position!;
    const quote = e.kind === 'position' ? quoteWithSource(p, sources.get(p.sourceId)) : quoteAsContext(p, sources.get(p.sourceId));
    return `${when} — ${entryLabel(e)}\n${quote}`;
  });
  return [head.join('\n'), ...blocks].join('\n\n') + '\n';
}

/** The same story as the readable command line prints it (wording quoted, citation under it). */
export function storyLines(s: Story): string {
  const head = [storyTitle(s.subject)];
  if (s.with) head.push(`Interlocuteur : ${s.with.name} (${s.with.sources.join(', ')})`);
  const blocks = s.entries.map((e) => {
    const when = longDate(e.date);
    if (e.kind === 'cncdh-status') return `${when} — ${entryLabel(e)} : ${statusWords(e.text)}\n   ↳ ${e.citation}`;
    const also = (e.position?.citations ?? [])
      .filter((c) => c.positionId !== e.position!.id)
      .map((c) => `\n   ↳ aussi : ${sectionPath(c.section)} (l. ${c.lines[0]}-${c.lines[1]})${c.text ? ` : ${quoted(c.text)}` : ''}`);
    return `${when} — ${entryLabel(e)}\n   ${quoted(e.text)}\n   ↳ ${e.citation} (l. ${e.lines![0]}-${e.lines![1]})${also.join('')}`;
  });
  if (!s.entries.length) blocks.push('Aucun passage de la bibliothèque sur ce sujet.');
  return [head.join('\n'), ...blocks].join('\n\n') + '\n';
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function compact(key: string): string {
  return fold(key).replace(/[\s_]+/g, '');
}
