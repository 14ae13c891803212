/**
 * `npm run eval -- --fit-gate`: fits the on-topic gate (engine/gate.ts) on labelled lines and
 * writes `data/engine/generated/gate.json`. Only tuning lines go in: the held-out half of the
 * project's own set is never read here, so its figures stay a fair judge.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitGate, neutralGateModel, probability, type GateModel } from '../engine/gate';
import { createMatcher, DEFAULT_SETTINGS, type EngineSettings } from '../engine/match';
import type { SearchIndex } from '../engine/searchIndex';
import { ROOT } from './cli-lib';
import type { EvalQuery } from './evaluate';

export const GATE_MODEL = join(ROOT, 'data', 'engine', 'generated', 'gate.json');

export interface Labelled {
  id: string;
  text: string;
  on: boolean;
  /** Lines whose off-topic ones set the threshold (the evaluation-like tuning lines); the others only train the model. */
  sets?: boolean;
}

/** Topic and author lines are on topic, off-topic lines are not. */
export function labelled(queries: EvalQuery[]): Labelled[] {
  return queries.map((q) => ({ id: q.id, text: q.text, on: q.kind !== 'offtopic' }));
}

export function readJsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/**
 * Fits the gate on labelled lines. The threshold is the lowest probability that keeps at most
 * `maxOffAnswered` of the off-topic lines answered, read on **out-of-fold** probabilities
 * (five folds: each line scored by a model that never saw it), because a threshold read on
 * the lines the model was fitted on is optimistic: office mail the model has not met scores
 * higher. Staying quiet on office mail matters more than one more answer.
 */
export function fitGateModel(index: SearchIndex, lines: Labelled[], maxOffAnswered = 0.05, settings: EngineSettings = DEFAULT_SETTINGS, folds = 5): GateModel {
  const m = createMatcher(index, { ...settings, gateModel: neutralGateModel(), gate: 0 });
  const rows = lines.map((l) => ({ f: m.explain(l.text).features, on: l.on, sets: l.sets ?? true }));
  const outOfFold: { p: number; on: boolean; sets: boolean }[] = [];
  for (let k = 0; k < folds; k++) {
    const model = fitGate(rows.filter((_, i) => i % folds !== k));
    rows.forEach((r, i) => {
      if (i % folds === k) outOfFold.push({ p: probability(model, r.f), on: r.on, sets: r.sets });
    });
  }
  const off = outOfFold.filter((r) => !r.on && r.sets).map((r) => r.p).sort((a, b) => b - a);
  const allowed = Math.floor(off.length * maxOffAnswered);
  const threshold = Math.max(0.5, (off[allowed] ?? 0) + 0.01);
  return { ...fitGate(rows), threshold: Math.round(threshold * 100) / 100 };
}

export function writeGateModel(model: GateModel): void {
  writeFileSync(GATE_MODEL, JSON.stringify(model) + '\n');
}
