/**
 * Does the gate's probability read as one? (`npm run eval -- --calibration`.) Lines the gate was
 * never fitted on are put in bins by the probability it gives them; a calibrated gate's lines at
 * 0.8 are on topic about eight times in ten. Read on the 420 blind gate lines
 * (tests/fixtures/eval/GATE-BLIND.md), half on topic, and on the own set's held-out half.
 */

export interface Judged {
  /** The gate's probability that the line is on topic. */
  p: number;
  /** Whether it is. */
  on: boolean;
}

export interface Bin {
  from: number;
  to: number;
  lines: number;
  /** Mean probability the gate gave the bin's lines, and the share of them on topic. */
  meanP: number;
  onShare: number;
}

/** Bin edges: fine where the threshold sits (about 0.7), coarse at the ends. */
export const CALIBRATION_EDGES = [0, 0.2, 0.4, 0.6, 0.7, 0.8, 0.9, 0.97, 1];

/** Lines per bin `[edges[i], edges[i+1])`, the last bin closed; empty bins left out. */
export function reliability(items: readonly Judged[], edges: readonly number[] = CALIBRATION_EDGES): Bin[] {
  const bins: Bin[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const last = i + 2 === edges.length;
    const inBin = items.filter((x) => x.p >= edges[i] && (x.p < edges[i + 1] || (last && x.p <= edges[i + 1])));
    if (!inBin.length) continue;
    bins.push({
      from: edges[i],
      to: edges[i + 1],
      lines: inBin.length,
      meanP: inBin.reduce((s, x) => s + x.p, 0) / inBin.length,
      onShare: inBin.filter((x) => x.on).length / inBin.length,
    });
  }
  return bins;
}

/**
 * Expected calibration error: the mean, weighted by lines, of how far each bin's share on topic
 * is from the probability the gate gave its lines. 0 for a perfectly calibrated gate.
 */
export function calibrationError(bins: readonly Bin[]): number {
  const n = bins.reduce((s, b) => s + b.lines, 0);
  return n ? bins.reduce((s, b) => s + b.lines * Math.abs(b.meanP - b.onShare), 0) / n : 0;
}

export function calibrationTable(name: string, items: readonly Judged[]): string {
  const bins = reliability(items);
  const rows = [
    `| ${name} : probabilité donnée | lignes | probabilité moyenne | part dans le sujet |`,
    '|---|---|---|---|',
    ...bins.map((b, i) => `| ${b.from.toFixed(2)} – ${b.to.toFixed(2)}${i + 1 === bins.length && b.to === 1 ? ' (inclus)' : ''} | ${b.lines} | ${b.meanP.toFixed(2)} | ${b.onShare.toFixed(2)} |`),
  ];
  return `${rows.join('\n')}\nécart moyen (pondéré par les lignes) : ${calibrationError(bins).toFixed(3)}`;
}
