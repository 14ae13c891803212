/**
 * Identical and near-identical wordings are one position with several citations: a measure's
 * title printed in the draft plan and again in the CNCDH's evaluation, a recommendation in the
 * CNCDH's body and again in its summary. The first place (library order) keeps the position —
 * for the plan's own text, the latest document — and the others become its `citations`, with
 * their own wording where it differs.
 */
import type { Citation, MeasureReason, Position } from '../schema';
import { squash } from './verify';

/** Word sets this similar (Jaccard) and lengths this close are the same wording. */
export const NEAR = 0.83;
const LENGTH_RATIO = 0.85;

const wordCache = new Map<string, Set<string>>();
const squashCache = new Map<string, string>();

function squashed(text: string): string {
  let s = squashCache.get(text);
  if (s === undefined) squashCache.set(text, (s = squash(text)));
  return s;
}

function words(text: string): Set<string> {
  let w = wordCache.get(text);
  if (!w) wordCache.set(text, (w = wordsOf(text)));
  return w;
}

function wordsOf(text: string): Set<string> {
  return new Set(text.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+/g) ?? []);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common || 1);
}

/**
 * Same wording, same voice: merged. A different author, or two different named speakers, keep
 * their own positions; the same words given once to a body and once to a named member of it
 * (a report's synthesis and its full account) are one position.
 */
export function sameWording(a: Position, b: Position): boolean {
  if (a.author !== b.author || a.heading !== b.heading) return false;
  if (a.speaker !== b.speaker && (a.speaker !== undefined && b.speaker !== undefined)) return false;
  const sa = squashed(a.text);
  const sb = squashed(b.text);
  if (sa === sb) return true;
  if (a.speaker !== b.speaker) return false;
  if (Math.min(sa.length, sb.length) / Math.max(sa.length, sb.length) < LENGTH_RATIO) return false;
  return jaccard(words(a.text), words(b.text)) >= NEAR;
}

const STRENGTH: Record<MeasureReason, number> = { section: 0, mention: 1, cue: 2 };

function citation(p: Position, own: Position): Citation {
  return {
    positionId: p.id,
    sourceId: p.sourceId,
    date: p.date,
    section: p.section,
    lines: p.lines,
    ...(p !== own && squash(p.text) !== squash(own.text) ? { text: p.text } : {}),
  };
}

export function dedupe(positions: readonly Position[]): Position[] {
  const out: Position[] = [];
  const merged = new Map<Position, Position[]>();
  const bySquash = new Map<string, Position>();
  for (const p of positions) {
    const key = squash(p.text);
    const exact = bySquash.get(key);
    const twin = exact && sameWording(exact, p) ? exact : out.find((q) => sameWording(q, p));
    if (!twin) {
      out.push(p);
      bySquash.set(key, p);
      continue;
    }
    merged.set(twin, [...(merged.get(twin) ?? []), p]);
  }
  return out.map((first) => {
    const group = merged.get(first);
    if (!group) return first;
    // The plan's own text is cited from the latest document that prints it (the adopted plan
    // rather than the draft read in January 2014); any other wording from its first place.
    const all = [first, ...group];
    const p = first.kind === 'plan' ? all.reduce((a, b) => (b.date > a.date ? b : a)) : first;
    const others = all.filter((x) => x !== p);
    const reasons: Record<string, MeasureReason> = { ...(p.measureReasons ?? {}) };
    for (const o of others)
      for (const k of o.measures) {
        const r = o.measureReasons?.[k] ?? 'section';
        if (!reasons[k] || STRENGTH[r] < STRENGTH[reasons[k]]) reasons[k] = r;
      }
    const measures = [...new Set([...p.measures, ...others.flatMap((o) => o.measures)])];
    return {
      ...p,
      measures,
      measureReasons: Object.fromEntries(measures.map((k) => [k, reasons[k]])),
      themes: [...new Set([...p.themes, ...others.flatMap((o) => o.themes)])],
      citations: [p, ...others].map((x) => citation(x, p)),
    };
  });
}
