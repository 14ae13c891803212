import { describe, expect, test } from 'vitest';
import { GATE_FEATURES, type GateFeatures } from '../../data/engine/gate';
import { outOfFoldThreshold, type GateRow } from '../../data/tools/fitGate';

/** Lines told apart by one feature (how much the library's words explain them), with some noise. */
function lines(seed: number, onTopic: number, office: number, overlap: number): GateRow[] {
  let s = seed;
  const noise = () => ((s = (s * 48271) % 2147483647) / 2147483647 - 0.5) * overlap;
  const row = (language: number, on: boolean): GateRow => {
    const f = Object.fromEntries(GATE_FEATURES.map((k) => [k, 0])) as GateFeatures;
    f.language = language + noise();
    f.reworded = language / 2 + noise();
    return { f, on, sets: true };
  };
  return [...Array.from({ length: onTopic }, () => row(3, true)), ...Array.from({ length: office }, () => row(1, false))];
}

describe('the gate’s threshold, read out of fold', () => {
  test('refitting on the same lines gives the same threshold (the fold deals are seeded)', () => {
    const rows = lines(7, 80, 40, 5);
    expect(outOfFoldThreshold(rows, 0.05, 5, 3)).toBe(outOfFoldThreshold(rows, 0.05, 5, 3));
  });

  test('office mail that reads like the subject raises it; the same mail that only trains the model does not set it', () => {
    const clear = lines(11, 80, 40, 1.5);
    const look = lines(13, 8, 0, 1.5).map((r) => ({ ...r, on: false }));
    const setting = outOfFoldThreshold([...clear, ...look], 0.05, 5, 3);
    const training = outOfFoldThreshold([...clear, ...look.map((r) => ({ ...r, sets: false }))], 0.05, 5, 3);
    expect(setting).toBeGreaterThan(training);
    expect(setting).toBeGreaterThan(0.5);
  });

  test('it is never below one half', () => {
    expect(outOfFoldThreshold(lines(3, 80, 40, 0.5), 0.05, 5, 3)).toBe(0.5);
  });
});
