/**
 * Is this paragraph about what the library holds? Decided from evidence the library itself
 * carries, recomputed as the library changes, not from a list of topics:
 *
 * - **language**: how much better the paragraph's most telling words are explained by the
 *   library's own vocabulary than by ordinary French (log-likelihood ratio against
 *   `Background`). A report imported on a new subject brings its words with it.
 * - **retrieval**: how much of that telling vocabulary the best passages found actually
 *   share with the paragraph.
 * - **coverage**: the share of the paragraph (weighted by how much each word says in ordinary
 *   French) that the three best passages found hold between them.
 * - **separation**: how far the best passage stands above the fifth (a real match stands out;
 *   a paragraph about something else meets many passages a little).
 * - **phrases**: word pairs the paragraph and one of the best passages say in the same order
 *   (« délai de réflexion », « titre de séjour »), weighted by what the words tell.
 * - **coherence**: whether the paragraph's telling words keep company in the library's passages
 *   (« proches », « menaces », « enquêteurs » do; « mineurs », « ski », « autorisation » do not).
 * - **foreign**: the share of the paragraph the library never says (« cantine », « mutuelle »).
 * - **concepts**: the reviewed thesaurus still adds evidence for paraphrases
 *   (« un toit » / « hébergement »), as one feature among others.
 * - **measure**: the paragraph names a measure the library holds (« Sur la mesure 13… »).
 * - **phrasing**: how much the paragraph's words read like the subject told in everyday words
 *   rather than like office mail (phrasing.ts: learned from the gate's training lines, which
 *   the library's statistics cannot replace: a case told as « payée », « dette », « buanderie »).
 * - **reworded**: the share of the paragraph the three best passages hold in their own words or in
 *   their everyday rewordings (rewordings.ts): « les gamins renvoyés au bled » is covered there.
 *
 * The features are combined by a logistic model whose weights are fitted on tuning lines (the
 * tuning half of the project's own evaluation set and its tuning sets, never the held-out half
 * nor the sets kept fresh: `npm run eval -- --fit-gate`, `generated/gate.json`), so the result
 * reads as a probability that the paragraph is on topic.
 */
import type { Background } from './background';
import type { SearchIndex } from './searchIndex';

/** Names of the features, in the order of the model's weights. */
export const GATE_FEATURES = ['language', 'languageMean', 'foreign', 'retrieval', 'coverage', 'coherence', 'separation', 'phrases', 'concepts', 'measure', 'phrasing', 'reworded'] as const;
export type GateFeatures = Record<(typeof GATE_FEATURES)[number], number>;

export interface GateModel {
  /** Standardisation of each feature (mean, spread) as fitted, then the weights and the intercept. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
  /** Probability at or above which the engine answers. */
  threshold: number;
}

/**
 * How much more the library says a word than ordinary French would: the log of the ratio of
 * the passages that hold it to the passages expected to hold it by chance, each with one
 * more (so a word met once or twice, « mutuelle » in a footnote, proves nothing), at least 0.
 * Words in a large share of the library's passages (« être », « doivent » in a coalition's
 * writing) say how the library writes, not what it is about: 0.
 */
export function createSpecificity(index: SearchIndex, background: Background, maxShare = 0.5) {
  return (stem: string): number => {
    const df = index.df(stem);
    if (!df) return 0;
    const n = index.library.positions.length;
    if (df > n * maxShare) return 0;
    const expected = background.p(stem) * index.counts.total;
    return Math.max(0, Math.log((df + 1) / (expected + 1)));
  };
}

export type Specificity = ReturnType<typeof createSpecificity>;

/**
 * How much the paragraph's most telling words (up to eight, rarest first) appear together in
 * the library's passages: the share of their pairs found together more often than chance
 * (positive pointwise mutual information, full credit from three times chance).
 */
export function coherence(index: SearchIndex, stems: readonly string[], maxShare = 0.12): number {
  const n = index.library.positions.length;
  const told = [...new Set(stems)].filter((s) => index.df(s) > 0 && index.df(s) <= n * maxShare);
  told.sort((a, b) => index.df(a) - index.df(b) || (a < b ? -1 : 1));
  const top = told.slice(0, 8);
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < top.length; i++)
    for (let j = i + 1; j < top.length; j++) {
      pairs++;
      const c = index.coOccurrence(top[i], top[j]);
      if (!c) continue;
      const pmi = Math.log((c * n) / (index.df(top[i]) * index.df(top[j])));
      if (pmi > 0) sum += Math.min(1, pmi / Math.log(3));
    }
  return pairs ? sum / pairs : 0;
}

/** The sum of the `n` largest values. */
export function topSum(values: readonly number[], n: number): number {
  return [...values].sort((a, b) => b - a).slice(0, n).reduce((a, b) => a + b, 0);
}

/** A model that knows nothing (every paragraph at 0.5): to read features before any model is fitted. */
export function neutralGateModel(): GateModel {
  const zeros = GATE_FEATURES.map(() => 0);
  return { mean: zeros, scale: GATE_FEATURES.map(() => 1), weights: zeros, bias: 0, threshold: 0.5 };
}

export function probability(model: GateModel, f: GateFeatures): number {
  if (model.weights.length !== GATE_FEATURES.length)
    throw new Error(`Positions : le modèle de pertinence a ${model.weights.length} poids pour ${GATE_FEATURES.length} indices ; relancez « npm run eval -- --fit-gate »`);
  let z = model.bias;
  GATE_FEATURES.forEach((name, j) => {
    z += ((f[name] - model.mean[j]) / (model.scale[j] || 1)) * model.weights[j];
  });
  return 1 / (1 + Math.exp(-z));
}

/**
 * Fits the logistic model on labelled feature rows (plain gradient descent with a touch of L2,
 * features standardised first): small, deterministic, dependency-free. Used by the command
 * line, never at run time. L2 was 0.05 until the rewordings' feature came: it then shrank the
 * weights of the telling features (phrasing, rewordings) by two thirds, and the gate answered
 * fewer paraphrases (tuning half 0.912 against 0.919 at 0.001, passage paraphrases 653 of 720
 * answered against 685).
 */
export function fitGate(rows: { f: GateFeatures; on: boolean }[], opts: { l2?: number; iterations?: number; threshold?: number } = {}): GateModel {
  const l2 = opts.l2 ?? 0.001;
  const d = GATE_FEATURES.length;
  const X = rows.map((r) => GATE_FEATURES.map((k) => r.f[k]));
  const Y = rows.map((r) => (r.on ? 1 : 0));
  const mean = Array<number>(d).fill(0);
  const scale = Array<number>(d).fill(0);
  for (const x of X) x.forEach((v, j) => (mean[j] += v / X.length));
  for (const x of X) x.forEach((v, j) => (scale[j] += (v - mean[j]) ** 2 / X.length));
  scale.forEach((v, j) => (scale[j] = Math.sqrt(v) || 1));
  const Z = X.map((x) => x.map((v, j) => (v - mean[j]) / scale[j]));
  let w = Array<number>(d).fill(0);
  let b = 0;
  for (let it = 0; it < (opts.iterations ?? 4000); it++) {
    const gw = Array<number>(d).fill(0);
    let gb = 0;
    Z.forEach((z, i) => {
      const p = 1 / (1 + Math.exp(-(b + z.reduce((a, v, j) => a + v * w[j], 0))));
      const e = p - Y[i];
      gb += e;
      z.forEach((v, j) => (gw[j] += e * v));
    });
    w = w.map((v, j) => v - 0.2 * (gw[j] / Z.length + l2 * v));
    b -= (0.2 * gb) / Z.length;
  }
  const round = (v: number) => Math.round(v * 10000) / 10000;
  return { mean: mean.map(round), scale: scale.map(round), weights: w.map(round), bias: round(b), threshold: opts.threshold ?? 0.5 };
}
