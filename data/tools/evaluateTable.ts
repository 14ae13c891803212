import type { EvalReport } from './evaluate';

/** One Markdown table row of an evaluation report (for the ablation table in the README). */
export function formatRow(name: string, r: EvalReport): string {
  return `| ${name} | ${r.hit.toFixed(2)} | ${r.mrr.toFixed(2)} | ${r.measure.hit}/${r.measure.of} | ${r.theme.hit}/${r.theme.of} | ${r.offtopic.ok}/${r.offtopic.of} | ${r.author.ok}/${r.author.of} |`;
}
