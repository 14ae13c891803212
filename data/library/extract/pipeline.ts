/**
 * The extraction pipeline: source texts in, a `Library` out, reproducibly. Pure: it takes
 * the texts as strings (the command line reads the files), so the same code can import a
 * new meeting report in the extension.
 *
 *   text → lines (readLines) → blocks (the source's parser) → sentences → positions
 *        (segment.ts, with sentence-level attribution and reviewed overrides)
 *        → measures (section, mentions, cues) → themes → ids
 */
import taxonomy from '../taxonomy.json';
import { LIBRARY_FORMAT, type Library, type Measure, type Position, type Source } from '../schema';
import { cuedMeasures, mentionedMeasures } from './measures';
import overridesData from './overrides.json';
import { segmentBlock, type AttributedSentence } from './segment';
import { Lexicon, foldWord, readLines } from './text';
import { themesFor } from './themes';
import type { Line, SourceParser } from './types';

/** A reviewed sentence-level correction, for what no rule can decide. */
export interface Override {
  /** Source file the correction applies to. */
  file: string;
  /** A phrase of the sentence (compared without case or accents). */
  contains: string;
  author?: Position['author'];
  speaker?: string;
  organisation?: string;
  /** Drop the sentence: not something anyone would quote (logistics, a caption). */
  skip?: boolean;
  why: string;
}

export const OVERRIDES: Override[] = (overridesData as { overrides: Override[] }).overrides;

export interface MeasureNote {
  key: string;
  status: NonNullable<Measure['cncdhStatus']>;
  observations: string;
}

/** A parser that also reads per-measure evaluation notes (the CNCDH's statuses). */
export interface MeasureNotesReader {
  file: string;
  read(lines: Line[]): MeasureNote[];
}

const measureKeys = new Set(taxonomy.measures.map((m) => m.key));

export function taxonomyMeasures(): Measure[] {
  return taxonomy.measures.map((m) => ({ ...m }));
}

/** Every word form of the given texts, for deciding hyphenation at line breaks. */
export function lexiconOf(texts: Iterable<string>): Lexicon {
  return new Lexicon(texts);
}

/** Extracts the positions of one source. */
export function extractSource(
  parser: SourceParser,
  text: string,
  opts: { lexicon: Lexicon; overrides?: Override[]; origin?: Source['origin'] },
): { source: Source; positions: Position[] } {
  const source: Source = { ...parser.meta, file: parser.file, origin: opts.origin ?? 'bundled' };
  const mine = (opts.overrides ?? OVERRIDES)
    .filter((o) => o.file === parser.file)
    .map((o) => ({ ...o, folded: foldWord(o.contains) }));
  const correct = (s: AttributedSentence): AttributedSentence | null => {
    const folded = foldWord(s.text);
    const o = mine.find((x) => folded.includes(x.folded));
    if (!o) return s;
    if (o.skip) return null;
    return {
      ...s,
      author: o.author ?? s.author,
      speaker: o.speaker ?? (o.author ? undefined : s.speaker),
      organisation: o.organisation ?? (o.author ? undefined : s.organisation),
    };
  };
  const positions: Position[] = [];
  const seen = new Map<string, number>();
  for (const block of parser.parse(readLines(text))) {
    for (const d of segmentBlock(block, { lexicon: opts.lexicon, govSpeakers: parser.govSpeakers, correct })) {
      if (!substantive(d.text)) continue;
      // Cues speak of a plan's measures by subject: only the plan the document discusses.
      const measures = [
        ...new Set([...d.measures, ...mentionedMeasures(d.text, parser.defaultPlan, measureKeys), ...cuedMeasures(d.text).filter((k) => k.startsWith(`${parser.defaultPlan}-`))]),
      ].filter((k) => measureKeys.has(k));
      const base = `${source.id}:${hash(foldWord(d.text))}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      positions.push({
        id: n === 1 ? base : `${base}-${n}`,
        text: d.text,
        author: d.author,
        ...(d.speaker ? { speaker: d.speaker } : {}),
        ...(d.organisation ? { organisation: d.organisation } : {}),
        measures,
        themes: themesFor(d.text, measures),
        sourceId: source.id,
        date: source.date,
        section: d.section.join(' > '),
        lines: d.lines,
      });
    }
  }
  return { source, positions };
}

/**
 * The source as its parser reads it: the lines of its blocks, in order, after the parser's
 * cleaning (formatting marks, footnotes and their calls, sidebars). `library check` accepts
 * a wording found here when a footnote or a sidebar interrupted it in the raw text.
 */
export function parsedText(parser: SourceParser, text: string): string {
  return parser
    .parse(readLines(text))
    .flatMap((b) => b.lines.map((l) => l.text))
    .join('\n');
}

/** Too thin to offer: fewer than five words or no sentence in it. */
function substantive(text: string): boolean {
  return text.split(/\s+/).filter((w) => /\p{L}{2,}/u.test(w)).length >= 5;
}

/** Builds the whole library from the source texts, keyed by file name. */
export function buildLibrary(
  texts: Record<string, string>,
  parsers: readonly SourceParser[],
  notes: readonly MeasureNotesReader[] = [],
): Library {
  const lexicon = lexiconOf(Object.values(texts));
  const sources: Source[] = [];
  const positions: Position[] = [];
  for (const parser of parsers) {
    const text = texts[parser.file];
    if (text === undefined) throw new Error(`Source introuvable : ${parser.file} (attendu dans data/seeds/)`);
    const r = extractSource(parser, text, { lexicon });
    sources.push(r.source);
    positions.push(...r.positions);
  }
  const measures = taxonomyMeasures();
  for (const reader of notes) {
    const text = texts[reader.file];
    if (text === undefined) continue;
    for (const note of reader.read(readLines(text))) {
      const m = measures.find((x) => x.key === note.key);
      if (m) Object.assign(m, { cncdhStatus: note.status, cncdhObservations: note.observations });
    }
  }
  sources.sort((a, b) => a.date.localeCompare(b.date));
  return { format: LIBRARY_FORMAT, sources, measures, themes: taxonomy.themes.map((t) => ({ ...t })), positions };
}

/** FNV-1a, 32 bits, as 8 hex digits: a stable id from a position's folded text. */
export function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
