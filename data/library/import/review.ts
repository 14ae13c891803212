/**
 * What the review screen may do to proposals before they are saved: accept or reject, merge a
 * proposal with the next, split one at a sentence, correct its labels. The wording is never
 * rewritten: a merge keeps both texts when they follow each other in the source, a split cuts
 * between two sentences, and each result is checked against the source text.
 */
import type { AuthorId } from '../schema';
import { splitSentences } from '../extract/segment';
import { cleanedSource, squash } from '../extract/verify';
import { hash } from '../extract/pipeline';
import { foldWord } from '../extract/text';
import type { Proposal } from './propose';

/** True when `wording` is found, letter for letter, in the source's cleaned text. */
export function isVerbatim(sourceText: string, wording: string): boolean {
  return squash(cleanedSource(sourceText)).includes(squash(wording));
}

/**
 * The first and last source line (1-based) holding `wording`, found by its letters alone (line
 * breaks, hyphenation and formatting marks do not count), or undefined when it is not there.
 */
export function locateLines(sourceText: string, wording: string, from = 1): [number, number] | undefined {
  const lines = sourceText.split('\n');
  let letters = '';
  const lineOf: number[] = [];
  lines.forEach((line, i) => {
    if (i + 1 < from) return;
    const s = squash(line.replace(/\*\*/g, ''));
    letters += s;
    for (let k = 0; k < s.length; k++) lineOf.push(i + 1);
  });
  const needle = squash(wording);
  const at = needle ? letters.indexOf(needle) : -1;
  if (at < 0) return undefined;
  return [lineOf[at]!, lineOf[at + needle.length - 1]!];
}

export function setAccepted(list: Proposal[], i: number, accepted: boolean): Proposal[] {
  return list.map((p, k) => (k === i ? { ...p, accepted } : p));
}

/**
 * Merges proposal `i` with the next one, when the two follow each other in the source (nothing
 * between them but spaces and formatting). Returns undefined when they do not: merging across a
 * heading or a skipped paragraph would make a wording the source never had.
 */
export function mergeWithNext(list: Proposal[], i: number, sourceText: string): Proposal[] | undefined {
  const a = list[i];
  const b = list[i + 1];
  if (!a || !b || a.sourceId !== b.sourceId) return undefined;
  const text = `${a.text} ${b.text}`;
  if (!isVerbatim(sourceText, text)) return undefined;
  const merged: Proposal = {
    ...a,
    id: idFor(a.sourceId, text),
    text,
    measures: [...new Set([...a.measures, ...b.measures])],
    themes: [...new Set([...a.themes, ...b.themes])],
    reasons: [...a.reasons, ...b.reasons.filter((r) => !a.measures.includes(r.key))],
    lines: [a.lines[0], b.lines[1]],
    accepted: a.accepted || b.accepted,
  };
  return [...list.slice(0, i), merged, ...list.slice(i + 2)];
}

/** The sentences of a proposal, as the split control offers them. */
export function sentencesOf(p: Pick<Proposal, 'text'>): string[] {
  return splitSentences(p.text).map((s) => s.text);
}

/**
 * Splits proposal `i` before its sentence `at` (1 ≤ at < number of sentences): two proposals,
 * same labels, each with its own lines. The words stay exactly as they were.
 */
export function splitAt(list: Proposal[], i: number, at: number, sourceText: string): Proposal[] | undefined {
  const p = list[i];
  if (!p) return undefined;
  const sentences = splitSentences(p.text);
  if (at < 1 || at >= sentences.length) return undefined;
  const cut = sentences[at]!.start;
  const first = p.text.slice(0, cut).trimEnd();
  const second = p.text.slice(cut).trimStart();
  const firstLines = locateLines(sourceText, first, p.lines[0]) ?? [p.lines[0], p.lines[0]];
  const secondLines = locateLines(sourceText, second, firstLines[1]) ?? [p.lines[1], p.lines[1]];
  const part = (text: string, lines: [number, number]): Proposal => ({ ...p, id: idFor(p.sourceId, text), text, lines });
  return [...list.slice(0, i), part(first, firstLines), part(second, secondLines), ...list.slice(i + 1)];
}

export interface Labels {
  author: AuthorId;
  speaker?: string;
  organisation?: string;
  measures: string[];
  themes: string[];
}

/**
 * Corrects who said it and what it is about; the text is not a label and cannot be changed here. Saying who speaks
 * (author, speaker or body) settles the reader's doubt about it.
 */
export function relabel<T extends Labels & { doubt?: unknown }>(p: T, labels: Partial<Labels>): T {
  const next = { ...p, ...labels };
  if (!next.speaker) delete next.speaker;
  if (!next.organisation) delete next.organisation;
  if ('author' in labels || 'speaker' in labels || 'organisation' in labels) delete next.doubt;
  return next;
}

/**
 * The other proposals `speaker` said that the reader gave `author`: those a correction of one of them may be offered
 * for (a member speaking for the Collectif at a meeting with a minister, read as their association's words all through
 * the report). Empty without a speaker: « Collectif » unnamed says nothing of who else spoke so.
 */
export function sameVoice(list: readonly Proposal[], i: number, speaker: string | undefined, author: AuthorId): number[] {
  if (!speaker) return [];
  const out: number[] = [];
  list.forEach((p, k) => {
    if (k !== i && p.speaker === speaker && p.author === author) out.push(k);
  });
  return out;
}

/** The proposals at `indices` with `author` (each one's doubt settled, as a correction by hand settles it). */
export function withAuthor(list: Proposal[], indices: readonly number[], author: AuthorId): Proposal[] {
  const chosen = new Set(indices);
  return list.map((p, k) => (chosen.has(k) ? relabel(p, { author }) : p));
}

/** Ids as the pipeline makes them: the source and the folded text (so the same words keep their id). */
export function idFor(sourceId: string, text: string): string {
  return `${sourceId}:${hash(foldWord(text))}`;
}

/** Two proposals with the same text get the pipeline's « -2 » suffix, so ids stay unique. */
export function uniqueIds<T extends { id: string }>(list: T[]): T[] {
  const seen = new Map<string, number>();
  return list.map((p) => {
    const base = p.id.replace(/-\d+$/, '');
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? { ...p, id: base } : { ...p, id: `${base}-${n}` };
  });
}
