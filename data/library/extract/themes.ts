/**
 * Which themes of the taxonomy a passage is about, from reviewed cues (`theme-cues.json`)
 * and, where no cue matches, from the measures it is about. Every position gets at least one.
 */
import { foldWord } from './text';
import data from './theme-cues.json';

const cues = Object.entries((data as { themes: Record<string, string> }).themes).map(([id, pattern]) => ({
  id,
  re: new RegExp(pattern, 'g'),
}));
const byMeasure = (data as { byMeasure: Record<string, string> }).byMeasure;
const fallback = (data as { fallback: string }).fallback;

/** At most this many themes: beyond it, a tag no longer says what the passage is about. */
const MAX_THEMES = 4;

/** Theme ids for a passage, most specific first: its measures' themes, then the cues it matches most. */
export function themesFor(text: string, measures: readonly string[]): string[] {
  const folded = foldWord(text);
  const fromMeasures = measures.map((m) => byMeasure[m]).filter((t): t is string => !!t);
  const hits = cues
    .map((c) => ({ id: c.id, n: folded.match(c.re)?.length ?? 0 }))
    .filter((h) => h.n > 0)
    .sort((a, b) => b.n - a.n)
    .map((h) => h.id);
  const out = [...new Set([...hits.filter((t) => fromMeasures.includes(t)), ...hits, ...fromMeasures])];
  return out.length ? out.slice(0, MAX_THEMES) : [fallback];
}
