/**
 * The library's data model: what a source, a measure, a theme and a position are.
 *
 * Pure types and constants, shared by the extraction pipeline, the IndexedDB store
 * (`db.ts`), the matching engine, the command line and the extension's pages.
 * Keys for plans, measures, themes and authors are those of `taxonomy.json`.
 */

/** Who said a passage. Only `collectif` and `association` wording is ever offered as the Collectif's. */
export type AuthorId = 'collectif' | 'association' | 'cncdh' | 'gouvernement';

export const AUTHORS: readonly AuthorId[] = ['collectif', 'association', 'cncdh', 'gouvernement'];

/** Wording a user may insert as the Collectif's own (fidelity rule 2). */
export function isOurs(author: AuthorId): boolean {
  return author === 'collectif' || author === 'association';
}

/**
 * Whether a passage's organisation is only the body its author's badge already names: the CNCDH's for its passages,
 * the Collectif's own name for ours. The panel does not repeat it beside the badge, and a look-up does not find a
 * passage by it (the Collectif's name says « traite des êtres humains »).
 */
export function isAuthorsOwnBody(p: { author: AuthorId; organisation?: string }): boolean {
  return (p.author === 'cncdh' && p.organisation === 'CNCDH') || (p.author === 'collectif' && /^Collectif\b/.test(p.organisation ?? ''));
}

/**
 * PAN1 4, 4 bis, 5 … 23, then PAN2: measures as the plans number them (a library read back from the browser's store, and
 * the catalog, come in key order, « 10 » before « 2 »).
 */
export function byPlanAndNumber(a: { plan: string; number: string }, b: { plan: string; number: string }): number {
  return a.plan.localeCompare(b.plan) || Number.parseInt(a.number, 10) - Number.parseInt(b.number, 10) || a.number.localeCompare(b.number);
}

export type SourceKind = 'compte-rendu' | 'évaluation' | 'plaidoyer' | 'courrier' | 'note';

/** CNCDH 2017 evaluation status of a measure of the 2014 plan. */
export type CncdhStatus = 'non mise en oeuvre' | 'partiellement mise en oeuvre' | 'mise en oeuvre';

export interface Source {
  /** Stable id, e.g. `cr-2014-02-03-ministre`. */
  id: string;
  /** File name of the source text (bundled seeds or an imported report). */
  file: string;
  title: string;
  /** Short citation label, e.g. « Rencontre avec Mme Vallaud-Belkacem ». */
  shortTitle: string;
  kind: SourceKind;
  /** ISO date of the meeting or adoption (YYYY-MM-DD). */
  date: string;
  /** Where and with whom, in one line. */
  meeting: string;
  participants: string[];
  /** `bundled` ships with the extension; `imported` came from a user's import. */
  origin: 'bundled' | 'imported';
}

export interface Measure {
  key: string;
  plan: string;
  number: string;
  priority?: number;
  title: string;
  draftTitle?: string;
  note?: string;
  /** From the CNCDH 2017 evaluation (PAN1 measures 1-23 only). */
  cncdhStatus?: CncdhStatus;
  /** The CNCDH's observations on the measure, verbatim, cleaned of page furniture. */
  cncdhObservations?: string;
}

export interface Theme {
  id: string;
  label: string;
  about: string;
}

export interface Position {
  /** Stable id derived from the source and the text, e.g. `cr-2014-01-31-collectif:0042`. */
  id: string;
  /** Verbatim wording (page furniture, broken lines and formatting marks cleaned). */
  text: string;
  author: AuthorId;
  /** Person who spoke, where the source names them (e.g. « M. Albert »). */
  speaker?: string;
  /** Body the speaker belongs to (e.g. « Mouvement du Nid », « MIPROF »). */
  organisation?: string;
  /** Taxonomy measure keys, from the section and from explicit mentions. */
  measures: string[];
  /** Taxonomy theme ids, at least one. */
  themes: string[];
  sourceId: string;
  /** ISO date, the source's. */
  date: string;
  /** Section path, e.g. « II. Compte-rendu > Mesure 5 ». */
  section: string;
  /** First and last line (1-based, inclusive) in the source text. */
  lines: [number, number];
  /** Why each key of `measures` is there (every key has one). Optional only for hand-built test libraries. */
  measureReasons?: Record<string, MeasureReason>;
  /**
   * What the passage is, when it is not an ordinary stance: a CNCDH observation or
   * recommendation, the plan's own text, or a remark on a draft's wording. See `PassageKind`.
   */
  kind?: PassageKind;
  /** The passage is a section heading that states a demand (« Ne pas confondre … »). */
  heading?: true;
  /**
   * The sentence this passage leans on (« Elles insistent… » needs who « elles » are), verbatim
   * from the source just before it: shown small above the wording, never inserted.
   */
  context?: string;
  /** Another body's document quotes these words (the Collectif's view as the CNCDH reports it). */
  quotedIn?: QuotedIn;
  /**
   * Every place the same (or nearly the same) wording appears, the first being this
   * position's own; present only when there are several. `text` is given where it differs.
   */
  citations?: readonly Citation[];
}

/**
 * Why a measure key is on a position: the section it sits in, an explicit mention
 * (« la mesure 21 du Plan »), or a reviewed multi-word cue naming the measure's subject.
 */
export type MeasureReason = 'section' | 'mention' | 'cue';

export const MEASURE_REASONS: readonly MeasureReason[] = ['section', 'mention', 'cue'];

/**
 * - `observation` / `recommendation`: the CNCDH's finding vs what it asks for;
 * - `plan`: the national action plan's own text (measure titles, « le Plan prévoit »), author `gouvernement`;
 * - `draft-remark`: a remark on the wording of a draft (« modifier la première phrase de la p. 3 »):
 *   findable in browse and search, never suggested as wording for a letter.
 */
export type PassageKind = 'observation' | 'recommendation' | 'plan' | 'draft-remark';

export const PASSAGE_KINDS: readonly PassageKind[] = ['observation', 'recommendation', 'plan', 'draft-remark'];

/** A remark on a draft's wording is never offered as wording for a letter (the engine skips it in suggestions). */
export function isDraftRemark(p: Pick<Position, 'kind'>): boolean {
  return p.kind === 'draft-remark';
}

export interface QuotedIn {
  /** Who quotes it (the document's author). */
  author: AuthorId;
  /** Year of the quoting document, for « cité par la CNCDH, 2017 ». */
  year: string;
}

/** Same shape as the engine's result citations (`data/engine/match.ts`), so cards read both. */
export interface Citation {
  /** The position's id at that place (for the others: the id the duplicate would have had). */
  positionId: string;
  sourceId: string;
  date: string;
  section: string;
  lines: [number, number];
  /** The wording at this place, when it differs from the position's (near-identical duplicates). */
  text?: string;
}

/** The whole library as the command line exports it and the extension bundles it. */
export interface Library {
  /** Format version of this object; bumped when fields change meaning. */
  format: number;
  sources: Source[];
  measures: Measure[];
  themes: Theme[];
  positions: Position[];
}

/**
 * 2: positions carry `measureReasons`, and optionally `kind`, `heading`, `context`, `quotedIn`
 * and `citations` (issue 9); apostrophes lost by text extraction are restored in `text`.
 */
export const LIBRARY_FORMAT = 2;
