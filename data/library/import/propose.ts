/**
 * From an imported report's text to proposals a person reviews: the shipped pipeline's
 * stages (`extractSource`: segmentation, measures, themes, ids) over the generic report
 * parser, plus, for each measure, why it was proposed. Pure: the same code runs in the
 * options page, the command line and the tests.
 */
import taxonomy from '../taxonomy.json';
import type { AuthorId, Position, Source } from '../schema';
import { extractSource, lexiconOf } from '../extract/pipeline';
import { foldWord } from '../extract/text';
import cues from '../extract/measure-cues.json';
import { measureRefs } from '../../engine/measureRefs';
import { isExternalBody, reportParser, type ReportOptions } from './reportParser';

/** What the user says about the source before its text is read. */
export interface SourceDescription {
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  kind?: Source['kind'];
  meeting?: string;
  participants?: string[];
  /** Who speaks by default: « Collectif » or a named body. */
  defaultSpeaker?: string;
  /** Plan a bare « mesure N » refers to. */
  plan?: string;
  /** File name the text came from (shown in citations' details). */
  file?: string;
}

/** Why a measure is proposed: the section heading, a mention in the wording, or a reviewed cue. */
export interface MeasureReason {
  key: string;
  by: 'section' | 'mention' | 'cue';
  /** The words that led to it (the heading, « mesure 21 », « délinquance forcée »). */
  words: string;
}

/**
 * What the reader could not settle and the person reviewing should: words of a body the taxonomy has no author for
 * (`external`: not kept unless the user ticks them), a speaker the report never says who they speak for.
 */
export type ProposalDoubt = { kind: 'external'; body: string } | { kind: 'unknownSpeaker'; speaker: string };

export interface Proposal extends Position {
  reasons: MeasureReason[];
  /** Accepted by default, except an external body's words; the review screen turns it on or off. */
  accepted: boolean;
  doubt?: ProposalDoubt;
}

/** An imported source keeps its text, so every wording can be checked against it later. */
export interface ImportedSource extends Source {
  origin: 'imported';
  text: string;
}

export interface ImportProposal {
  source: ImportedSource;
  proposals: Proposal[];
}

const measureKeys = new Set(taxonomy.measures.map((m) => m.key));
const compiledCues = (cues as { cues: { measure: string; pattern: string }[] }).cues.map((c) => ({ measure: c.measure, re: new RegExp(c.pattern) }));

/** A stable id for an imported source: its date and its title's first words. */
export function sourceIdFor(description: Pick<SourceDescription, 'title' | 'date'>): string {
  const slug = foldWord(description.title)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .split('-')
    .filter((w) => w.length > 2)
    .slice(0, 5)
    .join('-');
  return `imp-${description.date}-${slug || 'source'}`;
}

export function proposeImport(text: string, description: SourceDescription): ImportProposal {
  const meta = {
    id: sourceIdFor(description),
    title: description.title.trim(),
    shortTitle: description.title.trim().slice(0, 80),
    kind: description.kind ?? 'compte-rendu',
    date: description.date,
    meeting: description.meeting?.trim() ?? '',
    participants: description.participants ?? [],
  };
  const options: ReportOptions = { defaultSpeaker: description.defaultSpeaker, plan: description.plan };
  const parser = reportParser(description.file ?? `${meta.id}.txt`, meta, options);
  const blocks = parser.parse(readLinesOf(text));
  const sectionOf = new Map(blocks.map((b) => [b.section.join(' > '), b]));
  const { source, positions } = extractSource(parser, text, { lexicon: lexiconOf([text]), overrides: [], origin: 'imported' });
  const proposals = positions.map((p): Proposal => {
    const doubt = doubtOf(p);
    return {
      ...p,
      reasons: reasonsFor(p, sectionOf.get(p.section)?.measures ?? [], parser.defaultPlan),
      // The GRETA's or the Défenseur des droits' words are no one's the library has a name for: left out unless the
      // user keeps them, then as context. When the user named that body as the report's speaker, they are kept.
      accepted: doubt?.kind !== 'external' || sameBody(doubt.body, description.defaultSpeaker),
      ...(doubt ? { doubt } : {}),
    };
  });
  return { source: { ...source, origin: 'imported', text }, proposals };
}

function doubtOf(p: Position): ProposalDoubt | undefined {
  if (p.author === 'gouvernement' && isExternalBody(p.organisation)) return { kind: 'external', body: p.organisation! };
  // « M. Dupont indique… », named nowhere else: the reader files him with the member associations, by default.
  if (p.author === 'association' && p.speaker && !p.organisation) return { kind: 'unknownSpeaker', speaker: p.speaker };
  return undefined;
}

const sameBody = (a: string, b: string | undefined) => !!b && foldWord(a).trim() === foldWord(b).trim();

function readLinesOf(text: string) {
  return text.replace(/\r\n?/g, '\n').split('\n').map((t, i) => ({ n: i + 1, text: t }));
}

/** Why each of a position's measures is there (the first reason found, in the pipeline's order). */
export function reasonsFor(p: Pick<Position, 'text' | 'measures' | 'section'>, sectionMeasures: string[], plan: string): MeasureReason[] {
  const folded = foldWord(p.text);
  return p.measures.map((key): MeasureReason => {
    if (sectionMeasures.includes(key)) return { key, by: 'section', words: p.section.split(' > ').pop() ?? '' };
    if (measureRefs(p.text, plan, measureKeys).includes(key)) {
      const n = key.split('-')[1] ?? '';
      const words = new RegExp(`mesures?\\s*(?:n\\s*°\\s*)?[^.;]{0,20}?\\b${n.replace('bis', '\\s*bis')}\\b`, 'i').exec(p.text)?.[0] ?? key;
      return { key, by: 'mention', words };
    }
    const cue = compiledCues.find((c) => c.measure === key && c.re.test(folded));
    return { key, by: 'cue', words: cue ? originalOf(p.text, cue.re.exec(folded)?.[0] ?? '') : '' };
  });
}

export type { AuthorId };

/** The words of `text` that fold to `match` (« délinquance forcée » for « delinquance forcee »), or `match` itself. */
function originalOf(text: string, match: string): string {
  if (!match) return match;
  for (const start of text.matchAll(/(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu)) {
    const from = start.index;
    for (let end = from + Math.max(1, match.length - 3); end <= Math.min(text.length, from + match.length + 3); end++)
      if (foldWord(text.slice(from, end)) === match) return text.slice(from, end);
  }
  return match;
}
