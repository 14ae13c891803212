/**
 * What each technique of the engine contributes: the engine as shipped, then with one
 * technique turned off at a time (`npm run eval -- --ablation`), on the shared development
 * set, both halves of the project's own set and the passage paraphrases, these also with each
 * source in turn taken as imported without rewordings. The gate model stays the one fitted for
 * the shipped engine. The last row is the baseline of the issue and of `npm run bench`: a
 * plain MiniSearch index over the same French analysis (BM25, the paragraph as the query,
 * nothing else: no gate, no concept, no re-ranking).
 */
import { score, type EvalQuery } from './evaluate';
import { EVAL_SETS, PASSAGE_PARAPHRASES, scoreAsImported, scorePassages, type PassageParaphrase } from './evalSets';
import { readJsonl } from './fitGate';
import type { SearchIndex } from '../engine/searchIndex';
import { createMatcher, DEFAULT_SETTINGS, type EngineSettings } from '../engine/match';
import type { Library, Position } from '../library/schema';
import { plainIndex } from './plainIndex';
import { phrasingLines, readRewordings, serialiseRewordings } from './engineData';
import { buildPhrasing } from '../engine/phrasing';
import { withoutRewordings, type RewordingTable } from '../engine/rewordings';

const FLAT = { collectif: 1, association: 1, cncdh: 1, gouvernement: 1 };

/** The rewordings as they were before the eleventh session: each passage's stems without those only the eight newer voices hold. */
function firstVoices(): Partial<EngineSettings> {
  const { stems, newer = {} } = DEFAULT_SETTINGS.rewordings;
  const fitted = Object.fromEntries(
    Object.entries(stems).map(([id, joined]) => {
      const later = new Set(newer[id]?.split(' '));
      return [id, joined.split(' ').filter((s) => !later.has(s)).join(' ')];
    }),
  );
  return { rewordings: { stems: fitted } };
}

/**
 * The rewordings as they were at the end of the twelfth session: thirteen voices a passage, without the four written
 * in the thirteenth (letter, minutes, problem, argument), analysed again from the corpus as the library build does.
 */
function thirteenVoices(library: Library): Partial<EngineSettings> {
  const lines = readRewordings().map((l) => ({ ...l, texts: l.texts.slice(0, 13) }));
  return { rewordings: JSON.parse(serialiseRewordings(library, lines)) as RewordingTable };
}

/**
 * The remarks on a draft's wording as they stood before the fourteenth session: no rewordings of their own, no share
 * of their own words and nothing borrowed in the rewordings' channel.
 */
function unrewordedRemarks(library: Library): Partial<EngineSettings> {
  const remarks = new Set(library.positions.filter((p) => p.kind === 'draft-remark').map((p) => p.id));
  return { rewordings: withoutRewordings(DEFAULT_SETTINGS.rewordings, (id) => remarks.has(id)), draftRemarkSelf: 0 };
}

export const ABLATIONS: [string, Partial<EngineSettings> | ((library: Library) => Partial<EngineSettings>)][] = [
  ['moteur livré', {}],
  ['sans porte (tout répondre)', { gate: 0 }],
  ['porte au seuil 0.5', { gate: 0.5 }],
  ['sans lecture phrase par phrase (un paragraphe lu d’un bloc)', { sentenceFocus: false }],
  ['sans seuil plus haut pour les paragraphes de cinq mots au plus', { shortWords: 0 }],
  ['sans lecture comme rubrique d’un paragraphe qui reprend le titre d’une mesure ou le libellé d’un thème (« Formation des professionnels » ; avant le trente-septième lot)', { labelGate: Infinity }],
  ['mot seul répondu même s’il n’est pas plus propre à la bibliothèque qu’au français ordinaire (« Contexte » ; avant le trente-septième lot)', { loneWordLanguage: 0 }],
  ['sans thésaurus (concepts)', { useConcepts: false }],
  ['sans synonymes du français général', { synonymBoost: 0, synonymForeign: 0 }],
  ['sans sigles développés', { useAcronyms: false }],
  ['sans associations apprises', { useAssociations: false }],
  ['sans mots courants lus comme ceux de la bibliothèque (passages sans reformulations, dix-huitième lot)', { translationBoost: 0 }],
  ['sans tolérance aux fautes (recherche floue, mot lu à une lettre près)', { fuzzy: false, typoFix: false }],
  ['fautes lues comme avant le dix-septième lot (racine à une lettre près, deux lettres interverties)', { typoWords: false }],
  ['fautes lues par les seuls mots des passages, sans ceux des reformulations (avant le dix-neuvième lot)', { typoRewordings: false }],
  ['première lettre toujours tenue pour juste dans une faute (avant le dix-neuvième lot)', { firstLetterSlips: false }],
  ['sans lecture des élisions tapées sans apostrophe (« ladministration »)', { gluedElision: false }],
  ['sans expressions figurées lues pour leur sens (« bouts de ficelle », « pieds et poings liés » ; avant le vingtième lot)', { idioms: [] }],
  ['sans expressions figurées lues malgré une faute de frappe (« pieds et poigns liés » ; avant le vingt et unième lot)', { idiomSlips: false }],
  ['mot que la bibliothèque ne dit qu’après un autre lu seul comme indice du sujet (« ressources humaines » ; avant le quarante-cinquième lot)', { boundWords: false }],
  ['sans formules de correspondance lues comme forme (« Je vous prie d’agréer… », « Merci pour votre accueil » ; avant le vingt-huitième lot)', { formulas: [] }],
  ['porte lisant toujours les mots des formules, même suivies d’un sujet dans la même phrase (avant le trente-deuxième lot)', { gateWithoutForm: false }],
  ['sans silence pour un paragraphe sans aucun indice du sujet (« Je fais. » ; avant le vingt-huitième lot)', { evidenceFloor: false }],
  ['sans regroupement des doublons', { collapse: false }],
  ['sans priorité au Collectif', { authorPrior: FLAT }],
  ['sans pénalité de longueur', { lengthPenalty: 0 }],
  ['sans accord des concepts (passage centré sur le sujet du paragraphe)', { conceptFocus: 0 }],
  ['sans les remarques du Collectif sur la rédaction des projets', { draftRemarkPrior: 0 }],
  ['remarques sur la rédaction sans reformulations, ni part de leurs mots, ni emprunt (avant le quatorzième lot)', unrewordedRemarks],
  ['sans garder le meilleur passage de BM25 au 2e rang au pire (au 1er s’il tient 4/5 des mots du paragraphe)', { lexicalSafety: 0 }],
  ['sans paires de mots dans le même ordre', { phraseBoost: 0 }],
  ['mots comptés comme MiniSearch (×nombre de mots trouvés)', { coordination: 1 }],
  ['porte sans les tournures du sujet (phrasing)', { usePhrasing: false }],
  ['tournures apprises sans les lignes des voisins du domaine (avant le quarante-sixième lot)', () => ({ phrasing: buildPhrasing(phrasingLines({ neighbours: false })) })],
  ['sans la décote des passages qui viennent pour tout', { hubPenalty: 0 }],
  ['reformulations au même poids, que les mots du paragraphe trouvent un passage ou non', { rewordingBoostParaphrase: DEFAULT_SETTINGS.rewordingBoost }],
  ['treize reformulations par passage, sans les quatre voix du treizième lot (lettre au cabinet, compte rendu, problème, argument)', thirteenVoices],
  ['neuf reformulations par passage, sans les huit voix des onzième et treizième lots', firstVoices()],
  ['sans les reformulations des passages (recherche et porte)', { rewordingBoost: 0 }],
];

/** The baseline (plainIndex.ts) as a matcher: the `k` best positions. */
export function plainBm25(library: Library): (text: string, k?: number) => Position[] {
  const byId = new Map(library.positions.map((p) => [p.id, p]));
  const mini = plainIndex(library.positions);
  return (text, k = 5) => mini.search(text).slice(0, k).map((r) => byId.get(r.id as string)!);
}

/** `sets`: which of EVAL_SETS to score (by default the dev set and both halves of the own set). */
export function ablationTable(index: SearchIndex, sets = EVAL_SETS.slice(0, 3)): string {
  const data = sets.map((s) => ({ name: s.name, queries: readJsonl<EvalQuery>(s.file) }));
  const passages = readJsonl<PassageParaphrase>(PASSAGE_PARAPHRASES);
  const passageCell = (p: { hit: number; mrr: number; answered: number; lines: number }) => `${p.hit.toFixed(2)} / ${p.mrr.toFixed(2)} / ${Math.round(p.answered * p.lines)}/${p.lines}`;
  // `imported`: the same paraphrases, each source in turn taken as imported without rewordings (evalSets.ts); plain
  // BM25 reads no rewordings, so its cell is its passage cell.
  const row = (name: string, run: (text: string) => Position[], imported?: EngineSettings) => {
    const cells = data.map(({ queries }) => {
      const r = score(queries, new Map(queries.map((q) => [q.id, run(q.text)])));
      return `${r.hit.toFixed(2)} / ${r.mrr.toFixed(2)} / ${r.offtopic.ok}/${r.offtopic.of}`;
    });
    const p = scorePassages(index, passages, run);
    cells.push(passageCell(p), imported ? passageCell(scoreAsImported(index, passages, imported).imported) : passageCell(p));
    return `| ${name} | ${cells.join(' | ')} |`;
  };
  const rows = ABLATIONS.map(([name, setting]) => {
    const over = typeof setting === 'function' ? setting(index.library) : setting;
    const settings = { ...DEFAULT_SETTINGS, ...over };
    const m = createMatcher(index, settings);
    return row(name, (text) => m.match(text), settings);
  });
  rows.push(row('BM25 seul (MiniSearch, même analyse française)', plainBm25(index.library)));
  return [
    `| variante | ${data.map((d) => `${d.name} : hit@5 / MRR / hors-sujet muets`).join(' | ')} | paraphrases de passages : passage@5 / MRR / répondues | … source importée : passage@5 / MRR / répondues |`,
    `|---|${data.map(() => '---').join('|')}|---|---|`,
    ...rows,
  ].join('\n');
}
