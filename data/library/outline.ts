/**
 * A cited letter outline (« Trame de courrier », issue 14): for each measure a letter will cover, in
 * the order chosen, its title, the Collectif's most recent position verbatim in « » with its
 * citation, the CNCDH's 2017 status, and the last answer the government gave, as a reminder for the
 * writer that is never the Collectif's wording.
 *
 * Plain text with no invented sentence: only the labels below stand around verbatim quotations;
 * connecting words are the writer's to add. Pure, shared by the command line (`library outline`),
 * the background (« Insérer la trame ») and the tests.
 *
 * @example
 *   outline(library, ['PAN1-4bis', 'PAN1-5']).text
 *   // → 'Mesure 4 bis — Étendre le délai de réflexion et de rétablissement à trois mois\n
 *   //    Position du Collectif : « … » (Compte-rendu de la rencontre …, 24 juin 2014, …)\n …'
 */
import { formatCitation, quoteAsContext, quoteWithSource, sectionLabel } from './citation';
import { measureRefs } from '../engine/measureRefs';
import { analyze } from '../engine/normalise';
import { isOurs, type Library, type Measure, type Position, type Source } from './schema';
import { measureName, sourcesWith, statusWords, subjectOf } from './story';

/** The only words of the outline that are not quotations or titles. */
export const OUTLINE_LABELS = {
  position: 'Position du Collectif : ',
  cncdh: 'Statut CNCDH (2017) : ',
  government: 'Dernière réponse du gouvernement (rappel, ne pas citer comme nôtre) : ',
  none: '—',
} as const;

export interface OutlineSection {
  measure: Measure;
  /** « Mesure 4 bis — Étendre le délai… » */
  heading: string;
  /** The Collectif's (or a member's) most recent wording on the measure, with its citation. */
  position?: { position: Position; citation: string };
  cncdhStatus?: string;
  /** The last thing the government said on it, in a meeting: a reminder, never offered as ours. */
  government?: { position: Position; citation: string };
}

export interface Outline {
  with?: string;
  sections: OutlineSection[];
  /** The whole outline as plain text, what « Copier » and « Insérer la trame » give. */
  text: string;
}

export interface OutlineOptions {
  /** One interlocutor, as `story`'s: only what was said to or by them. */
  with?: string;
}

/** The outline of `keys` (measures), in the order given. Unknown or non-measure keys are an error naming them. */
export function outline(library: Library, keys: readonly string[], options: OutlineOptions = {}): Outline {
  if (!keys.length) throw new Error('Trame de courrier : choisissez au moins une mesure (par exemple PAN1-4bis PAN1-5).');
  const sources = new Map(library.sources.map((s) => [s.id, s]));
  const allowed = options.with ? new Set(sourcesWith(library, options.with).map((s) => s.id)) : undefined;
  const seen = new Set<string>();
  const sections: OutlineSection[] = [];
  for (const key of keys) {
    const subject = subjectOf(library, key);
    if (subject.kind !== 'measure') throw new Error(`Trame de courrier : « ${key} » est un thème ; la trame se compose mesure par mesure.`);
    const measure = subject.measure;
    if (seen.has(measure.key)) continue;
    seen.add(measure.key);
    const on = library.positions.filter((p) => p.measures.includes(measure.key) && (!allowed || allowed.has(p.sourceId)));
    const ours = latestOurs(on.filter((p) => isOurs(p.author)), measure);
    const answer = lastAnswer(on.filter((p) => p.author === 'gouvernement'), sources);
    sections.push({
      measure,
      heading: `${measureName(measure)} — ${measure.title}`,
      position: ours && { position: ours, citation: formatCitation(ours, sources.get(ours.sourceId)) },
      cncdhStatus: measure.cncdhStatus,
      government: answer && { position: answer, citation: formatCitation(answer, sources.get(answer.sourceId)) },
    });
  }
  return { with: options.with, sections, text: outlineText(sections, sources) };
}

/**
 * The Collectif's most recent position on a measure. A passage is about the measure directly when it
 * names it (« la mesure 5 », a section « Mesure 5 ») or carries no other measure; the most recent
 * such passage is taken (any tagged passage when none is direct). On the same date: one naming the
 * measure, then the Collectif's before a member's, then the one sharing most words with the measure's
 * title, then the first in the source.
 */
function latestOurs(positions: Position[], measure: Measure): Position | undefined {
  const refs = { has: (key: string) => key === measure.key };
  // Each read once a passage, not at each comparison of the sort: at five times the library in imported reports, an
  // outline of every measure took 0.8 s, nine tenths of it reading the same passages again.
  const names = once((p: Position) => sectionLabel(p.section).toLowerCase() === `mesure ${measure.number}`.toLowerCase() || measureRefs(p.text, measure.plan, refs).length > 0);
  // Several passages can share a source line; the one closest to the measure's title wins, whatever order the library is stored in.
  const title = new Set(analyze(measure.title));
  const titleWords = once((p: Position) => new Set(analyze(p.text).filter((w) => title.has(w))).size);
  const direct = positions.filter((p) => names(p) || p.measures.length === 1);
  return [...(direct.length ? direct : positions)].sort(
    (a, b) =>
      b.date.localeCompare(a.date) ||
      Number(names(b)) - Number(names(a)) ||
      Number(b.author === 'collectif') - Number(a.author === 'collectif') ||
      titleWords(b) - titleWords(a) ||
      a.lines[0] - b.lines[0] ||
      a.id.localeCompare(b.id),
  )[0];
}

/** `read`, remembered for each passage it is asked about. */
function once<T>(read: (p: Position) => T): (p: Position) => T {
  const known = new Map<Position, T>();
  return (p) => {
    if (!known.has(p)) known.set(p, read(p));
    return known.get(p)!;
  };
}

/**
 * The government's last answer: its latest words from a meeting (not the plan's text as an evaluation
 * quotes it), a named speaker's before the draft plan's, the last said in that meeting.
 */
function lastAnswer(positions: Position[], sources: Map<string, Source>): Position | undefined {
  return positions
    .filter((p) => sources.get(p.sourceId)?.kind !== 'évaluation')
    .sort((a, b) => b.date.localeCompare(a.date) || Number(!!b.speaker) - Number(!!a.speaker) || b.lines[0] - a.lines[0] || a.id.localeCompare(b.id))[0];
}

function outlineText(sections: OutlineSection[], sources: Map<string, Source>): string {
  return (
    sections
      .map((s) => {
        const lines = [s.heading];
        lines.push(OUTLINE_LABELS.position + (s.position ? quoteWithSource(s.position.position, sources.get(s.position.position.sourceId)) : OUTLINE_LABELS.none));
        if (s.cncdhStatus) lines.push(OUTLINE_LABELS.cncdh + statusWords(s.cncdhStatus));
        if (s.government) lines.push(OUTLINE_LABELS.government + quoteAsContext(s.government.position, sources.get(s.government.position.sourceId)));
        return lines.join('\n');
      })
      .join('\n\n') + '\n'
  );
}
