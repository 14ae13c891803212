/**
 * What each technique of the engine contributes: the dev set scored with the engine as
 * shipped, then with one technique turned off at a time (`npm run eval -- --ablation`).
 */
import { formatRow } from './evaluateTable';
import { score, type EvalQuery } from './evaluate';
import type { SearchIndex } from '../engine/searchIndex';
import { createMatcher, DEFAULT_SETTINGS, type EngineSettings } from '../engine/match';

export const ABLATIONS: [string, Partial<EngineSettings>][] = [
  ['moteur livré', {}],
  ['sans thésaurus (concepts)', { useConcepts: false }],
  ['sans français courant (porte)', { useEveryday: false }],
  ['sans bonus d’étendue (porte)', { breadthBonus: 0 }],
  ['sans sigles développés', { useAcronyms: false }],
  ['sans associations apprises', { useAssociations: false }],
  ['sans tolérance aux fautes', { fuzzy: false }],
  ['sans regroupement des doublons', { collapse: false }],
  ['sans priorité au Collectif', { authorPrior: { collectif: 1, association: 1, cncdh: 1, gouvernement: 1 } }],
  ['sans pénalité de longueur', { lengthPenalty: 0 }],
  ['sans porte (tout répondre)', { gate: 0 }],
  ['sans thésaurus ni porte (classement seul)', { useConcepts: false, gate: 0 }],
  ['BM25 seul (MiniSearch, analyse française)', { useConcepts: false, gate: 0, useAssociations: false, fuzzy: false, collapse: false, lengthPenalty: 0, authorPrior: { collectif: 1, association: 1, cncdh: 1, gouvernement: 1 } }],
];

/** `calibration`: lines written to tune the gate (`on`: should be answered), scored beside the dev set. */
export function ablationTable(index: SearchIndex, queries: EvalQuery[], calibration: { on: boolean; text: string }[] = []): string {
  const rows = ABLATIONS.map(([name, over]) => {
    const m = createMatcher(index, { ...DEFAULT_SETTINGS, ...over });
    const row = formatRow(name, score(queries, new Map(queries.map((q) => [q.id, m.match(q.text)]))));
    const on = calibration.filter((c) => c.on);
    const off = calibration.filter((c) => !c.on);
    const answered = on.filter((c) => m.match(c.text).length > 0).length;
    const quiet = off.filter((c) => m.match(c.text).length === 0).length;
    return `${row} ${answered}/${on.length} | ${quiet}/${off.length} |`;
  });
  return [
    '| variante | hit@5 | MRR | measure@5 | theme@5 | hors-sujet vides | auteur sûr | étalonnage : répond | étalonnage : se tait |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}
