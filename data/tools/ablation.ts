/**
 * What each technique of the engine contributes: the engine as shipped, then with one
 * technique turned off at a time (`npm run eval -- --ablation`), on the shared development
 * set and on both halves of the project's own set. The gate model stays the one fitted for
 * the shipped engine; « plain BM25 » is MiniSearch over the same French analysis, no gate.
 */
import { score, type EvalQuery } from './evaluate';
import { EVAL_SETS } from './evalSets';
import { readJsonl } from './fitGate';
import type { SearchIndex } from '../engine/searchIndex';
import { createMatcher, DEFAULT_SETTINGS, type EngineSettings } from '../engine/match';

const FLAT = { collectif: 1, association: 1, cncdh: 1, gouvernement: 1 };

export const ABLATIONS: [string, Partial<EngineSettings>][] = [
  ['moteur livré', {}],
  ['sans porte (tout répondre)', { gate: 0 }],
  ['porte au seuil 0.5', { gate: 0.5 }],
  ['sans thésaurus (concepts)', { useConcepts: false }],
  ['sans synonymes du français général', { synonymBoost: 0, synonymForeign: 0 }],
  ['sans sigles développés', { useAcronyms: false }],
  ['sans associations apprises', { useAssociations: false }],
  ['sans tolérance aux fautes', { fuzzy: false }],
  ['sans regroupement des doublons', { collapse: false }],
  ['sans priorité au Collectif', { authorPrior: FLAT }],
  ['sans pénalité de longueur', { lengthPenalty: 0 }],
  ['BM25 seul (MiniSearch, analyse française)', { useConcepts: false, gate: 0, useAssociations: false, synonymBoost: 0, fuzzy: false, collapse: false, lengthPenalty: 0, authorPrior: FLAT }],
];

/** `sets`: which of EVAL_SETS to score (by default the dev set and both halves of the own set). */
export function ablationTable(index: SearchIndex, sets = EVAL_SETS.slice(0, 3)): string {
  const data = sets.map((s) => ({ name: s.name, queries: readJsonl<EvalQuery>(s.file) }));
  const rows = ABLATIONS.map(([name, over]) => {
    const m = createMatcher(index, { ...DEFAULT_SETTINGS, ...over });
    const cells = data.map(({ queries }) => {
      const r = score(queries, new Map(queries.map((q) => [q.id, m.match(q.text)])));
      return `${r.hit.toFixed(2)} / ${r.mrr.toFixed(2)} / ${r.offtopic.ok}/${r.offtopic.of}`;
    });
    return `| ${name} | ${cells.join(' | ')} |`;
  });
  return [
    `| variante | ${data.map((d) => `${d.name} : hit@5 / MRR / hors-sujet muets`).join(' | ')} |`,
    `|---|${data.map(() => '---').join('|')}|`,
    ...rows,
  ].join('\n');
}
