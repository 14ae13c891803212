import { describe, expect, test } from 'vitest';
import { bootstrapDifference } from '../../data/tools/resample';

/** `hits` ones then zeros: the hit@5 of a set of `n` lines. */
const set = (n: number, hits: number) => Array.from({ length: n }, (_, i) => (i < hits ? 1 : 0));

describe('how sure a gap between two sets is (bootstrap)', () => {
  test('the gap measured on the sets as they are lies inside its interval, and the interval is reproducible', () => {
    const a = [set(136, 133)];
    const b = [set(135, 114)];
    const gap = bootstrapDifference(a, b);
    expect(gap.value).toBeCloseTo(133 / 136 - 114 / 135, 10);
    expect(gap.low).toBeLessThan(gap.value);
    expect(gap.high).toBeGreaterThan(gap.value);
    expect(bootstrapDifference(a, b)).toEqual(gap);
  });

  test('two sets that score alike give an interval around no gap; sets that never agree, none', () => {
    const alike = bootstrapDifference([set(150, 135)], [set(150, 135)]);
    expect(alike.value).toBe(0);
    expect(alike.low).toBeLessThan(0);
    expect(alike.high).toBeGreaterThan(0);
    expect(bootstrapDifference([set(40, 40)], [set(40, 0)])).toEqual({ value: 1, low: 1, high: 1 });
  });

  test('more lines, a narrower interval: five sets of 180 pin the gap down better than one of 135', () => {
    const one = bootstrapDifference([set(136, 133)], [set(135, 122)]);
    const five = bootstrapDifference([set(136, 133)], Array.from({ length: 5 }, () => set(180, 163)));
    expect(five.high - five.low).toBeLessThan(one.high - one.low);
  });

  test('each set is redrawn within itself, so a side keeps its mix of sets', () => {
    // A side made of a perfect set and a failed one is at 0.5 in every redraw: no spread at all.
    const mixed = bootstrapDifference([set(100, 100), set(100, 0)], [set(10, 5)]);
    const pooled = bootstrapDifference([[...set(100, 100), ...set(100, 0)]], [set(10, 5)]);
    expect(mixed.value).toBeCloseTo(0, 10);
    expect(mixed.high - mixed.low).toBeLessThan(pooled.high - pooled.low);
  });
});
