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
import { isOurs, type MeasureReason } from '../schema';
import { dedupe } from './duplicates';
import { demandHeading, passageKind } from './kinds';
import { cuedMeasures, measuresOf } from './measures';
import overridesData from './overrides.json';
import { COLLECTIF_NAME, membersFromParticipants, segmentBlock, splitSentences, type AttributedSentence, type Draft } from './segment';
import { Lexicon, dominantApostrophe, foldWord, joinLines, readLines, restoreApostrophes, stripItemMark, stripMarks } from './text';
import { themesFor } from './themes';
import type { Block, Line, SourceParser } from './types';
import { squash } from './verify';

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
  /**
   * The author of the document that reports or quotes these words (the government's words as the CNCDH reports
   * them, a dépêche the Collectif quotes): shown beside the author, « cité par la CNCDH, 2017 ».
   */
  quotedBy?: Position['author'];
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

/** A lead-in and its items form one passage up to this many characters; past it each item carries the lead-in as context. */
const LIST_MAX_CHARS = 900;
const LIST_MAX_ITEMS = 8;

interface Placed {
  d: Draft;
  block: number;
  item: boolean;
  inherited: Record<string, MeasureReason>;
  heading?: true;
}

/**
 * The body a shipped passage speaks for, said even where the document leaves it implicit: the CNCDH throughout its
 * evaluation, the Collectif where no member is named. The export then tells who said each passage without reading
 * this code; the panel shows neither (its badge says as much). An imported report's proposals keep what the reader
 * found: whoever reviews them fills the rest.
 */
function bodyOf(d: { author: Position['author']; speaker?: string; organisation?: string }, bundled: boolean): string | undefined {
  if (d.organisation || !bundled) return d.organisation;
  if (d.author === 'cncdh') return 'CNCDH';
  if (d.author === 'collectif' && !d.speaker) return COLLECTIF_NAME;
  return undefined;
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
      ...(o.quotedBy ? { quotedBy: o.quotedBy } : {}),
    };
  };
  const members = parser.memberSpeakers ?? membersFromParticipants(parser.meta.participants);
  const lines = readLines(text);
  const blocks = parser.parse(lines);
  const placed: Placed[] = [];
  let before: string | undefined;
  let beforeSection = '';
  const seenSections = new Set<string>();
  for (let [bi, block] of blocks.entries()) {
    const section = block.section.join(' > ');
    for (let depth = 1; depth <= block.section.length; depth++) {
      const heading = headingDraft({ ...block, section: block.section.slice(0, depth) }, lines, seenSections);
      if (heading) placed.push({ d: heading, block: bi, item: false, inherited: {}, heading: true });
    }
    const sentences = blockSentences(block, opts.lexicon);
    // A list item's opening sentence names its subject: every passage of the item is about it.
    const inherited = block.item && sentences.length
      ? measuresOf({ text: sentences[0], section: [], defaultPlan: parser.defaultPlan, keys: measureKeys }).reasons
      : {};
    // A section whose heading names a measure's subject (« Le pilotage adapté aux niveaux local et
    // régional ») is about that measure: the section's reason, from the reviewed cues.
    if (!block.measures.length) {
      const label = block.section[block.section.length - 1] ?? '';
      const keys = cuedMeasures(label).filter((k) => k.startsWith(`${parser.defaultPlan}-`) && measureKeys.has(k));
      if (keys.length) block = { ...block, measures: keys };
    }
    const drafts = segmentBlock(block, {
      lexicon: opts.lexicon,
      govSpeakers: parser.govSpeakers,
      memberSpeakers: members,
      before: section === beforeSection ? before : undefined,
      correct,
    });
    for (const d of drafts) placed.push({ d, block: bi, item: !!block.item, inherited });
    if (sentences.length) {
      before = sentences[sentences.length - 1];
      beforeSection = section;
    }
  }
  const apostrophe = dominantApostrophe(text);
  const positions: Position[] = [];
  const seen = new Map<string, number>();
  for (const { d, inherited, heading } of joinLeadIns(placed)) {
    if (!heading && !substantive(d.text)) continue;
    const { measures, reasons } = measuresOf({ text: d.text, section: d.measures, inherited, defaultPlan: parser.defaultPlan, keys: measureKeys });
    const wording = restoreApostrophes(d.text, apostrophe);
    const base = `${source.id}:${hash(foldWord(wording))}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const section = d.section.join(' > ');
    const kind = passageKind({ text: d.text, author: d.author, section });
    const body = bodyOf(d, source.origin === 'bundled');
    positions.push({
      id: n === 1 ? base : `${base}-${n}`,
      text: wording,
      author: d.author,
      ...(d.speaker ? { speaker: d.speaker } : {}),
      ...(body ? { organisation: body } : {}),
      measures,
      themes: themesFor(d.text, measures),
      sourceId: source.id,
      date: source.date,
      section,
      lines: d.lines,
      measureReasons: reasons,
      ...(kind ? { kind } : {}),
      ...(heading ? { heading } : {}),
      ...(d.context ? { context: restoreApostrophes(d.context, apostrophe) } : {}),
      ...(d.quotedBy ? { quotedIn: { author: d.quotedBy, year: source.date.slice(0, 4) } } : {}),
    });
  }
  return { source, positions };
}

/** The sentences of a block as the segmenter reads them (list mark removed). */
function blockSentences(block: Block, lexicon: Lexicon): string[] {
  const lines = block.item ? [{ ...block.lines[0], text: stripItemMark(block.lines[0].text) }, ...block.lines.slice(1)] : block.lines;
  return splitSentences(joinLines(lines, lexicon).text).map((s) => s.text);
}

/**
 * A lead-in ending with « : » travels with its items: the items that follow it (list items,
 * or else the next paragraph) join it into one passage when they fit; otherwise each item
 * carries the lead-in as its `context`, and the lead-in alone is not a position.
 */
export function joinLeadIns(placed: Placed[]): Placed[] {
  const out: Placed[] = [];
  for (let i = 0; i < placed.length; i++) {
    const cur = placed[i];
    if (!cur.d.leadIn || cur.heading) {
      out.push(cur);
      continue;
    }
    const items: Placed[] = [];
    let j = i + 1;
    const sameVoice = (x: Placed) => x.d.author === cur.d.author && x.d.speaker === cur.d.speaker && x.d.section.join('>') === cur.d.section.join('>');
    if (placed[j]?.item && placed[j].block > cur.block) {
      while (placed[j]?.item && sameVoice(placed[j]) && !placed[j].heading) items.push(placed[j++]);
    } else if (placed[j] && sameVoice(placed[j]) && !placed[j].heading && !placed[j].d.leadIn) {
      items.push(placed[j++]);
    }
    if (!items.length) continue;
    const length = cur.d.text.length + items.reduce((n, x) => n + x.d.text.length + 1, 0);
    if (length <= LIST_MAX_CHARS && items.length <= LIST_MAX_ITEMS) {
      const last = items[items.length - 1];
      const inherited = Object.assign({}, ...items.map((x) => x.inherited), cur.inherited) as Record<string, MeasureReason>;
      out.push({
        ...cur,
        inherited,
        d: {
          ...cur.d,
          text: [cur.d.text, ...items.map((x) => x.d.text)].join('\n'),
          lines: [cur.d.lines[0], last.d.lines[1]],
          leadIn: undefined,
          measures: [...new Set([...cur.d.measures, ...items.flatMap((x) => x.d.measures)])],
        },
      });
    } else {
      for (const x of items) out.push({ ...x, d: { ...x.d, context: x.d.context ?? cur.d.text } });
    }
    i = j - 1;
  }
  // A lead-in that found nothing to introduce says nothing alone.
  return out.filter((x) => !x.d.leadIn || x.heading);
}

/**
 * The heading of a section of the Collectif's or a member's own words, the first time a
 * block of that section is read, when it states a demand (`demandHeading`). Its lines are
 * found above the block (the heading is printed there); a heading not found is left out.
 */
function headingDraft(block: Block, lines: Line[], seen: Set<string>): Draft | undefined {
  const label = block.section[block.section.length - 1];
  const key = block.section.join(' > ');
  if (!label || seen.has(key)) return undefined;
  seen.add(key);
  if (!isOurs(block.author)) return undefined;
  const words = demandHeading(label);
  if (!words) return undefined;
  const target = squash(words);
  const first = block.lines[0]?.n ?? 1;
  for (let n = first - 1; n >= Math.max(1, first - 60); n--) {
    const start = squash(stripMarks(lines[n - 1]?.text ?? ''));
    if (!start || !target.startsWith(start.replace(/^[0-9]+/, '').slice(0, 12))) continue;
    let joined = '';
    for (let m = n; m < Math.min(first, n + 4); m++) {
      joined += squash(stripMarks(lines[m - 1].text));
      if (joined.includes(target)) {
        return {
          text: words,
          author: block.author,
          ...(block.speaker ? { speaker: block.speaker } : {}),
          ...(block.organisation ? { organisation: block.organisation } : {}),
          section: block.section,
          measures: block.measures,
          lines: [n, m],
        };
      }
    }
  }
  return undefined;
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
  return { format: LIBRARY_FORMAT, sources, measures, themes: taxonomy.themes.map((t) => ({ ...t })), positions: dedupe(positions) };
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
