/**
 * How a position is cited and quoted: the citation line the side panel shows under a wording and
 * writes after it (« Insérer avec la source »), and the attributed quotation that is the only way
 * to take the government's or the CNCDH's words (fidelity rule 2).
 *
 * Pure strings, no browser: the panel, the popup and the tests build exactly the same text.
 * Citations are in French whatever the interface language: the wording is French, the sources are
 * French and the text they go into is a French letter.
 *
 * @example
 *   formatCitation(position, source)
 *   // → 'Compte-rendu de la rencontre avec Mme Vallaud-Belkacem, 3 février 2014, Mesure 5'
 *   quoteWithSource(position, source)
 *   // → '« Le délai de réflexion doit être porté à trois mois. » (Compte-rendu de la rencontre avec …)'
 */
import { squash } from './extract/verify';
import { isOurs, type Citation, type Position, type Source } from './schema';

/** French typography: « and » hold their text with non-breaking spaces, never at a line's end or start. */
const NBSP = '\u00A0';
export const OPEN_QUOTE = `«${NBSP}`;
export const CLOSE_QUOTE = `${NBSP}»`;

/** What a citation needs of a position (a `MatchResult`, a `Position` or one of a result's `citations`). */
export type Cited = Pick<Position, 'sourceId' | 'date' | 'section'>;
/** What an attribution needs of a position. */
export type Attributed = Pick<Position, 'author' | 'speaker' | 'organisation'>;
export type QuotedPosition = Cited & Attributed & Pick<Position, 'text'>;
export type CitedSource = Pick<Source, 'id' | 'title' | 'shortTitle' | 'kind' | 'date'>;

/** Longest section label kept whole; past it, cut at a word and end with « … ». */
const SECTION_MAX = 80;

/** One formatter per language, made once (a story cites hundreds of passages, each with its date). */
const longDates = new Map<string, Intl.DateTimeFormat>();

/**
 * An ISO day as a long date: « 3 février 2014 », « 1er mars 2016 » (French ordinal for the first),
 * « 3 February 2014 ». Read in UTC, so the day never shifts with the time zone. Anything that is
 * not a date comes back unchanged.
 */
export function longDate(iso: string, locale = 'fr'): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? new Date(`${iso}T00:00:00Z`) : new Date(Number.NaN);
  if (Number.isNaN(day.getTime())) return iso;
  let format = longDates.get(locale);
  if (!format) longDates.set(locale, (format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
  const text = format.format(day);
  return locale.startsWith('fr') && day.getUTCDate() === 1 ? text.replace(/^1(?=\s)/, '1er') : text;
}

/**
 * The part of a section path worth citing: the measure when there is one (« Mesure 5 », even under
 * « > Intitulé du projet de plan »), otherwise the last heading without its numbering
 * (« 3.2 - Concernant le … » → « Concernant le … »), shortened past 80 characters.
 */
export function sectionLabel(section: string): string {
  const parts = section
    .split('>')
    .map((part) => part.trim())
    .filter(Boolean);
  const measure = [...parts].reverse().find((part) => /^mesures?\s+\d/i.test(part));
  if (measure) return measure;
  const last = unnumbered(parts.at(-1) ?? '');
  return shorten(last, SECTION_MAX);
}

/**
 * The source's name as cited. A meeting report whose short title names the meeting
 * (« Rencontre avec Mme Vallaud-Belkacem ») reads « Compte-rendu de la rencontre avec Mme Vallaud-Belkacem »;
 * any other source keeps its short title (its full title when it has no short one).
 */
export function sourceLabel(source: CitedSource): string {
  const short = source.shortTitle?.trim() || source.title.trim();
  if (source.kind === 'compte-rendu' && /^(Réunion|Rencontre)\b/.test(short)) return `Compte-rendu de la ${short.charAt(0).toLowerCase()}${short.slice(1)}`;
  return short;
}

/** A heading without its numbering: « 3.2 - Concernant le … » → « Concernant le … », « II. Compte-rendu » → « Compte-rendu ». */
function unnumbered(heading: string): string {
  return heading.replace(/^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.?)\s*(?:[-–—]\s*)?(?=\S)/, '');
}

/**
 * Where in its document a passage sits, by its headings without their numbering: « II. Compte-rendu in extenso >
 * Mouvement du Nid » → « Compte-rendu in extenso › Mouvement du Nid ». Names a second place in the same document, which
 * the citation alone (source and date) would not tell from the first.
 */
export function sectionPath(section: string): string {
  return section
    .split('>')
    .map((part) => unnumbered(part.trim()))
    .filter(Boolean)
    .join(' › ');
}

/**
 * The citation of one place a wording appears: source, long date (left out when the source's name
 * already says it), the measure when the section is one. Without the source's record (an import since removed), its id stands in.
 * `skip` leaves out a part already said elsewhere (the association's name before the citation).
 */
export function formatCitation(cited: Cited, source: CitedSource | undefined, skip: string[] = []): string {
  const name = source ? sourceLabel(source) : cited.sourceId;
  const date = longDate(cited.date || source?.date || '');
  // The measure helps a reader find the passage; a heading (« Synthèse », a long title) does not.
  const section = measureOf(cited.section) ?? '';
  const said = [name, ...skip].map(fold);
  const parts = [name];
  if (date && !fold(name).includes(fold(date))) parts.push(date);
  if (section && !said.some((s) => s.includes(fold(section)))) parts.push(section);
  return parts.join(', ');
}

/**
 * Who said it, as a quotation names them: the association for a member's wording, nobody extra for
 * the Collectif's own (the letter is the Collectif's), the speaker and their body for the government,
 * the CNCDH for the CNCDH.
 */
export function attribution(position: Attributed): string {
  switch (position.author) {
    case 'collectif':
      return '';
    case 'association':
      return position.organisation ?? position.speaker ?? '';
    case 'cncdh':
      return position.organisation ?? 'CNCDH';
    case 'gouvernement':
      return [position.speaker, position.organisation].filter(Boolean).join(', ') || 'Gouvernement';
  }
}

/** The wording between « and », verbatim. */
export function quoted(text: string): string {
  return `${OPEN_QUOTE}${text}${CLOSE_QUOTE}`;
}

/**
 * « Insérer avec la source » and « Copier avec la source », for the Collectif's and its members' wording:
 * « wording » (association, citation). Throws for government or CNCDH text, which is never offered as ours.
 */
export function quoteWithSource(position: QuotedPosition, source: CitedSource | undefined): string {
  if (!isOurs(position.author)) throw new Error(`quoteWithSource: "${position.author}" wording is context, quote it with quoteAsContext.`);
  const who = attribution(position);
  const citation = formatCitation(position, source, who ? [who] : []);
  return `${quoted(position.text)} (${who ? `${who}, ` : ''}${citation})`;
}

/**
 * « Copier la citation », the only action on the government's or the CNCDH's words:
 * « wording » — speaker, body, citation. Never without its attribution.
 */
export function quoteAsContext(position: QuotedPosition, source: CitedSource | undefined): string {
  const who = attribution(position) || `Collectif ${quoted('Ensemble contre la traite des êtres humains')}`;
  return `${quoted(position.text)} — ${who}, ${formatCitation(position, source, [who])}`;
}

/** How « Insérer avec la source » cites (the options' « Style de citation »). */
export type CitationStyle = 'inline' | 'footnote' | 'none';
export const CITATION_STYLES: readonly CitationStyle[] = ['inline', 'footnote', 'none'];

/**
 * The citation a letter carries: who, which meeting or document, the date, and the measure when
 * there is one (a section heading does not help a minister's office, a measure number does). Never
 * cut, never a parenthesis inside (it goes between parentheses): « Collectif, compte-rendu de la
 * rencontre au cabinet du Premier ministre avec Mme Cazaux-Charles, 24 juin 2014 ».
 */
export function letterCitation(position: Cited & Attributed, source: CitedSource | undefined): string {
  const who = flatten(position.author === 'collectif' ? 'Collectif' : attribution(position));
  const name = source ? flatten(sourceLabel(source)) : position.sourceId;
  const date = longDate(position.date || source?.date || '');
  const measure = measureOf(position.section);
  const parts = [who, lowerFirst(name)];
  if (date && !fold(name).includes(fold(date))) parts.push(date);
  if (measure) parts.push(measure.toLowerCase());
  return parts.filter(Boolean).join(', ');
}

/**
 * What « Insérer avec la source » writes, in the chosen style, for the Collectif's and its members'
 * wording (throws for context, like `quoteWithSource`):
 * - `inline`: « wording » (Collectif, compte-rendu de…, 3 février 2014, mesure 5)
 * - `footnote`: « wording »¹ and, on the next line, « ¹ Collectif, compte-rendu de…, 3 février 2014, mesure 5. »
 * - `none`: « wording », quoted, without a source.
 */
export function quoteForLetter(position: QuotedPosition, source: CitedSource | undefined, style: CitationStyle = 'inline'): string {
  if (!isOurs(position.author)) throw new Error(`quoteForLetter: "${position.author}" wording is context, quote it with quoteAsContext.`);
  const cite = letterCitation(position, source);
  switch (style) {
    case 'inline':
      return `${quoted(position.text)} (${cite})`;
    case 'footnote':
      return `${quoted(position.text)}¹\n¹ ${cite}.`;
    case 'none':
      return quoted(position.text);
  }
}

/** The measure a section path names (« Mesure 5 », « Mesure 4 bis »), if any. */
function measureOf(section: string): string | undefined {
  return section
    .split('>')
    .map((part) => part.trim())
    .reverse()
    .find((part) => /^mesures?\s+\d/i.test(part));
}

/**
 * A label without parentheses, so it can sit inside one: « Rencontre au cabinet du Premier ministre
 * (Mme Cazaux-Charles) » → « Rencontre au cabinet du Premier ministre avec Mme Cazaux-Charles »,
 * any other « X (Y) » → « X, Y ».
 */
function flatten(label: string): string {
  return label
    .replace(/\s*\(((?:M\.|Mme|Mmes|MM\.)\s[^()]+)\)/g, (_, person: string) => (/\bavec\b/.test(label) ? `, ${person}` : ` avec ${person}`))
    .replace(/\s*\(([^()]+)\)/g, ', $1')
    .replace(/[()]/g, '');
}

function lowerFirst(text: string): string {
  // « Évaluation », « Compte-rendu », « Rencontre », « Plaidoyer »: common nouns after « Collectif, ».
  return /^\p{Lu}\p{Ll}/u.test(text) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

/** Lower case, accents and typographic quotes folded, for « is this part already said? ». */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase();
}

function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}

/**
 * Every place `shown`'s wording is said: its own citations first (its duplicates merged at build), then those of its
 * `twins` (near-identical wordings: a report's synthesis and its full account, the same demand said again), each with
 * the words it has at its place when they are not quite the ones shown. What a card's « + 1 autre source » lists.
 */
export function placesOf(shown: Position, twins: readonly Position[]): Citation[] {
  const places: Citation[] = [];
  for (const q of [shown, ...twins])
    for (const c of q.citations ?? [placeOf(q)]) if (!places.some((x) => x.positionId === c.positionId)) places.push(worded(c, c.text ?? q.text, shown));
  return places;
}

/** A position's own place. */
export function placeOf(p: Position): Citation {
  return { positionId: p.id, sourceId: p.sourceId, date: p.date, section: p.section, lines: p.lines };
}

/**
 * The citation `c`, whose place says `text`, carrying that text only when it is not quite `shown`'s wording.
 * Read for every result of every paragraph: the usual case, a result cited at its own place, compares no text.
 */
function worded(c: Citation, text: string, shown: Position): Citation {
  if (c.text === undefined && text === shown.text) return c;
  const { text: _, ...place } = c;
  return squash(text) === squash(shown.text) ? place : { ...place, text };
}
