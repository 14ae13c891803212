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

export type SourceKind = 'compte-rendu' | 'évaluation' | 'plaidoyer';

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

export const LIBRARY_FORMAT = 1;
