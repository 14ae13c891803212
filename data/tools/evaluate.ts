/**
 * Scores ranked results against a query set with the rules of tests/fixtures/eval/README.md (a copy of the shared rules):
 * topic hit@5 and MRR on phrase matches, measure@5 and theme@5, off-topic lines answered
 * with nothing, and no government wording offered as the Collectif's. `npm run eval` and
 * the ranking regression test use it; tests/fixtures/eval/score.mjs (copied from shared/eval) is an independent twin.
 */
export interface EvalQuery {
  id: string;
  kind: 'topic' | 'offtopic' | 'author';
  text: string;
  expect: { anyText?: string[]; measures?: string[]; themes?: string[]; empty?: boolean; notCollectifText?: string[] };
}

export interface ScoredResult {
  text: string;
  author: string;
  measures: string[];
  themes: string[];
}

export interface EvalReport {
  topic: number;
  hit: number;
  mrr: number;
  measure: { hit: number; of: number };
  theme: { hit: number; of: number };
  offtopic: { ok: number; of: number };
  author: { ok: number; of: number };
  misses: string[];
  offtopicMisses: string[];
  authorMisses: string[];
}

/** Lower case, accents dropped, typographic apostrophes straightened, spaces collapsed. */
export function evalNorm(s: string): string {
  return String(s ?? '')
    .replace(/[\u2019\u2018`]/g, "'")
    .replace(/\u00a0/g, ' ')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\s+/g, ' ');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phrase starts at a word boundary and ends at one unless it ends with `*`. */
export function phrasePattern(phrase: string): RegExp {
  const p = evalNorm(phrase);
  return p.endsWith('*')
    ? new RegExp('(?<![a-z0-9])' + escape(p.slice(0, -1)))
    : new RegExp('(?<![a-z0-9])' + escape(p) + '(?![a-z0-9])');
}

export function score(queries: EvalQuery[], results: Map<string, ScoredResult[]>, k = 5): EvalReport {
  const r: EvalReport = {
    topic: 0, hit: 0, mrr: 0, measure: { hit: 0, of: 0 }, theme: { hit: 0, of: 0 },
    offtopic: { ok: 0, of: 0 }, author: { ok: 0, of: 0 }, misses: [], offtopicMisses: [], authorMisses: [],
  };
  let rr = 0;
  for (const q of queries) {
    const res = results.get(q.id) ?? [];
    const top = res.slice(0, k);
    const e = q.expect;
    if (q.kind === 'topic') {
      r.topic++;
      const ps = (e.anyText ?? []).map(phrasePattern);
      const i = top.findIndex((x) => ps.some((p) => p.test(evalNorm(x.text))));
      if (i >= 0) {
        r.hit++;
        rr += 1 / (i + 1);
      } else r.misses.push(q.id);
      if (e.measures) {
        r.measure.of++;
        if (top.some((x) => x.measures.some((m) => e.measures!.includes(m)))) r.measure.hit++;
      }
      if (e.themes) {
        r.theme.of++;
        if (top.some((x) => x.themes.some((t) => e.themes!.includes(t)))) r.theme.hit++;
      }
    } else if (q.kind === 'offtopic') {
      r.offtopic.of++;
      if (res.length === 0) r.offtopic.ok++;
      else r.offtopicMisses.push(q.id);
    } else if (q.kind === 'author') {
      r.author.of++;
      const ps = (e.notCollectifText ?? []).map(phrasePattern);
      const bad = top.some((x) => (x.author === 'collectif' || x.author === 'association') && ps.some((p) => p.test(evalNorm(x.text))));
      if (bad) r.authorMisses.push(q.id);
      else r.author.ok++;
    }
  }
  r.hit = r.topic ? r.hit / r.topic : 0;
  r.mrr = r.topic ? rr / r.topic : 0;
  return r;
}

export function formatReport(r: EvalReport): string {
  const f = (x: number) => x.toFixed(2);
  const lines = [
    `hit@5 ${f(r.hit)}  MRR ${f(r.mrr)}  measure@5 ${r.measure.hit}/${r.measure.of}  theme@5 ${r.theme.hit}/${r.theme.of}  offtopic-empty ${r.offtopic.ok}/${r.offtopic.of}  author-safe ${r.author.ok}/${r.author.of}`,
  ];
  if (r.misses.length) lines.push(`topic misses: ${r.misses.join(' ')}`);
  if (r.offtopicMisses.length) lines.push(`off-topic answered: ${r.offtopicMisses.join(' ')}`);
  if (r.authorMisses.length) lines.push(`author-unsafe: ${r.authorMisses.join(' ')}`);
  return lines.join('\n');
}
