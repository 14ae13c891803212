/**
 * Types of the extraction pipeline: source text → lines → blocks → positions.
 *
 * A source parser (one per kind of document, in `sources/`) reads the lines of a source
 * text and returns blocks: runs of running text that share a section, an author and a
 * speaker. The shared stages (`segment.ts`, `measures.ts`, `themes.ts`) then cut blocks
 * into positions of one to three sentences and tag them. Imported meeting reports go
 * through the same stages with the generic parser.
 */
import type { AuthorId, Source } from '../schema';

/** One line of a source text, after formatting marks are removed (never reworded). */
export interface Line {
  /** 1-based line number in the source file. */
  n: number;
  text: string;
}

export interface Block {
  /** Section path, outermost first, e.g. ['II. Compte-rendu', 'Mesure 5']. */
  section: string[];
  author: AuthorId;
  speaker?: string;
  organisation?: string;
  /** Measure keys the section is about (e.g. the « Mesure 5 » heading → PAN1-5). */
  measures: string[];
  /** The block's lines, furniture already removed, in source order. */
  lines: Line[];
  /** A list item (« - », « ● », « • », « 1/ »): kept whole where it is short enough. */
  item?: boolean;
  /**
   * The words after a speaker's label (« DACG : une formation sera proposée… »): they start the speaker's turn, so a
   * first sentence in lower case is theirs, not the end of something said before.
   */
  afterLabel?: boolean;
}

/** What a parser knows about the document it reads. */
export type SourceMeta = Omit<Source, 'file' | 'origin'>;

export interface SourceParser {
  /** File name in data/seeds/. */
  file: string;
  meta: SourceMeta;
  /** Plan that a bare « mesure N » refers to in this document (PAN1 for 2014 texts, PAN2 for 2022). */
  defaultPlan: string;
  /**
   * Government people named in running text. A sentence in a Collectif block that reports
   * what one of them said (« Madame Cazaux-Charles a fait remarquer que… ») is theirs.
   */
  govSpeakers?: GovSpeaker[];
  /** Member associations whose remarks may be reported inside another turn (see `membersFromParticipants`). */
  memberSpeakers?: MemberSpeaker[];
  parse(lines: Line[]): Block[];
}

export interface GovSpeaker {
  pattern: RegExp;
  speaker: string;
  organisation?: string;
}

/**
 * A member association named in running text. A sentence of someone else's turn that opens
 * on it (« Selon Mme Hriech Wahabi, … », « L'OICEM remarque également… ») is that
 * association's, not the turn's (`segment.ts`, `memberVoice`).
 */
export interface MemberSpeaker {
  /** Matches the person or the body as the text names them, at the start of a sentence's subject. */
  pattern: RegExp;
  /** The person's surname (« Hriech Wahabi »); absent when the body itself is named. */
  surname?: string;
  organisation: string;
}
