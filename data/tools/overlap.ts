/**
 * The evaluation read by how much a line shares the words of its answer (`npm run eval --
 * --by-overlap`). The issue judges the engine on two kinds of paragraphs: those that share
 * words with the sources, where plain BM25 is strong and the engine must not do worse, and
 * paraphrases, which share almost none. A line's overlap is the share of its stems found in the
 * best of the passages its expected phrases point to; the table gives, for each band, the
 * engine (gate included) beside plain BM25 on the same lines.
 */
import { analyze } from '../engine/normalise';
import { createMatcher } from '../engine/match';
import type { SearchIndex } from '../engine/searchIndex';
import type { Position } from '../library/schema';
import { evalNorm, phrasePattern, type EvalQuery } from './evaluate';
import { plainBm25 } from './ablation';

/** Bands of overlap, from the lines that say the sources' words to those that say none of them. */
export const OVERLAP_BANDS = [
  { name: 'mots des sources (≥ 60 %)', min: 0.6 },
  { name: 'mélange (35-60 %)', min: 0.35 },
  { name: 'paraphrase (< 35 %)', min: 0 },
] as const;

/**
 * The share of the line's stems found in the passage, among those its expected phrases point to,
 * that holds the most of them: 1 when the line is cut from a passage, 0 when it says none of
 * its words. `undefined` when no passage holds an expected phrase (the line cannot be answered).
 */
export function lexicalOverlap(text: string, expected: readonly string[], positions: readonly Position[]): number | undefined {
  const patterns = expected.map(phrasePattern);
  const answers = positions.filter((p) => patterns.some((re) => re.test(evalNorm(p.text))));
  if (!answers.length) return undefined;
  const stems = [...new Set(analyze(text))];
  if (!stems.length) return 0;
  let best = 0;
  for (const p of answers) {
    const own = new Set(analyze(p.text));
    best = Math.max(best, stems.filter((s) => own.has(s)).length / stems.length);
  }
  return best;
}

export function bandOf(overlap: number): (typeof OVERLAP_BANDS)[number]['name'] {
  return OVERLAP_BANDS.find((b) => overlap >= b.min)!.name;
}

interface Cell {
  lines: number;
  hit: number;
  rr: number;
}

const fmt = (c: Cell) => (c.lines ? `${(c.hit / c.lines).toFixed(2)} / ${(c.rr / c.lines).toFixed(2)}` : '—');
const sum = (cells: Cell[]): Cell => cells.reduce((a, c) => ({ lines: a.lines + c.lines, hit: a.hit + c.hit, rr: a.rr + c.rr }), { lines: 0, hit: 0, rr: 0 });

const ALL = 'toutes';

/**
 * Per band: lines, and hit@5 / MRR of the engine (gate included) and of plain BM25, over the
 * given sets' on-topic lines; then all bands together. With `weightLike`, every other set gets one
 * more row: its bands' figures weighted by that set's band mix. Two halves of a set split at
 * random may hold different shares of paraphrases; the weighted row compares them as if they
 * held the same, which tells a harder half from a tuned one.
 */
export function overlapTable(index: SearchIndex, sets: { name: string; queries: EvalQuery[] }[], weightLike?: string): string {
  const matcher = createMatcher(index);
  const plain = plainBm25(index.library);
  const rows: string[] = [
    '| jeu | part des mots de sa réponse que la ligne reprend | lignes du domaine | moteur : hit@5 / MRR | BM25 seul : hit@5 / MRR |',
    '|---|---|---|---|---|',
  ];
  const tables = new Map<string, Map<string, { engine: Cell; plain: Cell }>>();
  for (const { name, queries } of sets) {
    const cells = new Map(OVERLAP_BANDS.map((b) => [b.name, { engine: { lines: 0, hit: 0, rr: 0 }, plain: { lines: 0, hit: 0, rr: 0 } }]));
    for (const q of queries) {
      if (q.kind !== 'topic' || !q.expect.anyText?.length) continue;
      const overlap = lexicalOverlap(q.text, q.expect.anyText, index.library.positions);
      if (overlap === undefined) continue;
      const cell = cells.get(bandOf(overlap))!;
      const patterns = q.expect.anyText.map(phrasePattern);
      const count = (c: Cell, texts: string[]) => {
        const rank = texts.slice(0, 5).findIndex((t) => patterns.some((re) => re.test(evalNorm(t))));
        c.lines++;
        if (rank >= 0) {
          c.hit++;
          c.rr += 1 / (rank + 1);
        }
      };
      count(cell.engine, matcher.match(q.text, { k: 5 }).map((r) => r.text));
      count(cell.plain, plain(q.text, 5).map((r) => r.text));
    }
    tables.set(name, cells);
    for (const [band, c] of cells) rows.push(`| ${name} | ${band} | ${c.engine.lines} | ${fmt(c.engine)} | ${fmt(c.plain)} |`);
    const all = (k: 'engine' | 'plain') => sum([...cells.values()].map((c) => c[k]));
    rows.push(`| ${name} | ${ALL} | ${all('engine').lines} | ${fmt(all('engine'))} | ${fmt(all('plain'))} |`);
  }
  const reference = weightLike === undefined ? undefined : tables.get(weightLike);
  if (reference) {
    const total = sum([...reference.values()].map((c) => c.engine)).lines;
    for (const [name, cells] of tables) {
      if (name === weightLike) continue;
      const weighted = (k: 'engine' | 'plain') => {
        let hit = 0;
        let rr = 0;
        for (const [band, c] of cells) {
          const w = reference.get(band)!.engine.lines / total;
          if (!w) continue;
          if (!c[k].lines) return '—';
          hit += (w * c[k].hit) / c[k].lines;
          rr += (w * c[k].rr) / c[k].lines;
        }
        return `${hit.toFixed(2)} / ${rr.toFixed(2)}`;
      };
      rows.push(`| ${name} | ${ALL}, bandes au poids de « ${weightLike} » | ${sum([...cells.values()].map((c) => c.engine)).lines} | ${weighted('engine')} | ${weighted('plain')} |`);
    }
  }
  return rows.join('\n');
}
