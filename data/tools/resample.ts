/**
 * Seeded draws for the evaluation tools: the same folds and the same resamples on every machine,
 * so two runs of `npm run eval` print the same figures.
 */

/** A small seeded generator (mulberry32), uniform in [0, 1). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Interval {
  /** The difference measured on the lines as they are. */
  value: number;
  /** 2.5th and 97.5th percentiles of the resampled differences: a 95 % interval. */
  low: number;
  high: number;
}

/**
 * How sure a difference of two means is (a − b), by the percentile bootstrap: each group of lines
 * (one evaluation set) is redrawn with replacement from itself, `draws` times, and the means of the
 * redrawn lines compared. Groups keep their size, so a side made of several sets keeps their mix.
 * With 135 lines a side, a hit@5 gap of 0.13 is known to about ±0.07: this says which gaps are noise.
 */
export function bootstrapDifference(a: readonly (readonly number[])[], b: readonly (readonly number[])[], draws = 2000, seed = 1): Interval {
  const mean = (groups: readonly (readonly number[])[]) => {
    const n = groups.reduce((x, g) => x + g.length, 0);
    return n ? groups.reduce((x, g) => x + g.reduce((y, v) => y + v, 0), 0) / n : 0;
  };
  const random = seeded(seed);
  const redraw = (groups: readonly (readonly number[])[]) => groups.map((g) => g.map(() => g[Math.floor(random() * g.length)]));
  const diffs: number[] = [];
  for (let i = 0; i < draws; i++) diffs.push(mean(redraw(a)) - mean(redraw(b)));
  diffs.sort((x, y) => x - y);
  const at = (q: number) => diffs[Math.min(diffs.length - 1, Math.max(0, Math.round(q * (diffs.length - 1))))] ?? 0;
  return { value: mean(a) - mean(b), low: at(0.025), high: at(0.975) };
}
