import { describe, expect, test } from 'vitest';
import { calibrationError, calibrationTable, reliability } from '../../data/tools/calibration';

describe('how the gate’s probability reads', () => {
  test('lines fall in their bin, the last bin holding 1; empty bins are left out', () => {
    const bins = reliability(
      [
        { p: 0.05, on: false },
        { p: 0.15, on: true },
        { p: 0.75, on: true },
        { p: 1, on: true },
      ],
      [0, 0.2, 0.5, 0.8, 1],
    );
    expect(bins.map((b) => [b.from, b.lines])).toEqual([
      [0, 2],
      [0.5, 1],
      [0.8, 1],
    ]);
    expect(bins[0].meanP).toBeCloseTo(0.1, 10);
    expect(bins[0].onShare).toBe(0.5);
  });

  test('a gate whose lines at 0.9 are on topic nine times in ten is calibrated; one that says 0.9 for a coin toss is not', () => {
    const at = (p: number, on: number, n: number) => Array.from({ length: n }, (_, i) => ({ p, on: i < on }));
    expect(calibrationError(reliability([...at(0.9, 9, 10), ...at(0.1, 1, 10)]))).toBeCloseTo(0, 10);
    expect(calibrationError(reliability([...at(0.9, 5, 10), ...at(0.1, 1, 10)]))).toBeCloseTo(0.2, 10);
  });

  test('the table gives one row per bin and the mean gap', () => {
    const table = calibrationTable('essai', [
      { p: 0.1, on: false },
      { p: 0.95, on: true },
    ]).split('\n');
    expect(table).toHaveLength(2 + 2 + 1);
    expect(table.at(-1)).toMatch(/écart moyen .*: 0\.075$/);
  });
});
