/**
 * The matching engine: from the paragraph someone is writing to the positions worth
 * offering, best first, or nothing when the paragraph is not about the library's subject.
 *
 *   paragraph → stems, concepts, measure references (normalise, concepts, measureRefs)
 *   → BM25 over stems (termSearch, on the index's postings), widened by general-French
 *     synonyms and learned associations, plus concept coverage
 *   → re-ranked: named measures, long passages discounted, the Collectif's wording before
 *     context, word pairs said in the same order by paragraph and passage
 *   → is it on topic? (gate.ts: the library's language against ordinary French, what the best
 *     passages share with the paragraph, concepts, a named measure, how the subject is told
 *     in everyday words (phrasing.ts); a calibrated probability)
 *   → near-identical wordings collapsed into one result that keeps every citation
 *   → why each matched: the words and concepts shared, with ranges to highlight.
 */
import { defaultAcronymExpander, expandAcronyms, type ExpandedToken } from './acronyms';
import { organisationNames, readNamesAsNames, type OrganisationName } from './organisations';
import { Background, type OfficeCounts } from './background';
import { GENERIC_FACTOR, STRENGTH_WEIGHT, type ConceptHit } from './concepts';
import { Everyday } from './everyday';
import { coherence, createSpecificity, GATE_FEATURES, probability, topSum, type GateFeatures, type GateModel } from './gate';
import backgroundData from './generated/background.json';
import everydayData from './generated/everyday.json';
import gateData from './generated/gate.json';
import phrasingData from './generated/phrasing.json';
import { phrasingScore, phrasingStemsOf, type PhrasingTable } from './phrasing';
import synonymData from './generated/synonyms.json';
import rewordingData from './generated/rewordings.json';
import hubData from './generated/hubs.json';
import translationData from './generated/translations.json';
import { createRewordingSearch, type ExtensibleRewordingSearch, type RewordingSearch, type RewordingTable } from './rewordings';
import { borrowRewordings } from './borrowed';
import type { SearchIndex } from './searchIndex';
import { sortedHas, type SlotHit, type TermSearchOptions } from './termSearch';
import { measureRefs, spellOrdinalRefs, withoutUnknownMeasures } from './measureRefs';
import { compileIdioms, IDIOMS, type IdiomEntry, type Idioms } from './idioms';
import { compileFormulas, FORMULAS, type FormulaEntry, type FormulaReader } from './formulas';
import { analyzeWithSurface, isNumber, isStopWord, stem, stemOnce, type Token } from './normalise';
import { isDraftRemark, isOurs, type AuthorId, type Citation, type Library, type Position } from '../library/schema';
import { placesOf } from '../library/citation';
import { splitSentences } from '../library/extract/segment';

export type { Citation } from '../library/schema';

/** A position offered for a paragraph, with why it matched and where else it appears. */
export interface MatchResult extends Position {
  score: number;
  /** Words of the wording that matched the paragraph (as written in the wording), and shared concepts. */
  matched: string[];
  /** Concept ids shared with the paragraph. */
  concepts: string[];
  /** Character ranges of `text` to highlight, sorted, not overlapping. */
  highlights: [number, number][];
  /** Every place this wording (or a near-identical one) appears; the first is this result's own. */
  citations: Citation[];
}

export interface MatchOptions {
  /** How many results at most (5 by default). */
  k?: number;
  /** Plan a bare « mesure N » refers to (PAN1 by default: the 2014 plan the Collectif's reports discuss). */
  defaultPlan?: string;
  /**
   * `false`: answer even when the gate would stay quiet, for a look-up the user asked for (the
   * panel's search box). The suggestions, which follow the user's writing, always keep the gate.
   */
  gate?: boolean;
}

/** Why the engine answered or stayed quiet: for tests, the eval and the ablation table. */
export interface MatchExplanation {
  /** About the field: answered. */
  onTopic: boolean;
  /** How likely the paragraph is about the library's subject (0-1), from the gate's features. */
  probability: number;
  /** Probability from which the engine answers (the fitted model's, or the settings'). */
  threshold: number;
  features: GateFeatures;
  /** Evidence from the reviewed concepts (one of the gate's features). */
  evidence: number;
  concepts: string[];
  measureRefs: string[];
  stems: string[];
  /** A paragraph of several sentences: each one's probability, and whether the ranking read it (empty: one sentence). */
  sentences: SentenceReading[];
}

export interface SentenceReading {
  text: string;
  probability: number;
  read: boolean;
}

/** Tunable weights, with the values the engine ships with (see README, ablation table). */
export interface EngineSettings {
  /** Probability of being on topic needed to answer at all (0: answer everything); `undefined`: the fitted model's threshold. */
  gate?: number;
  /** The fitted on-topic model (generated/gate.json by default). */
  gateModel: GateModel;
  conceptBoost: number;
  /** Words in more than this share of the library are too common to retrieve by; they only order candidates. */
  commonShare: number;
  commonWordBoost: number;
  /** …and in any case more than this many passages. */
  commonMax: number;
  /** How many candidates go on to re-ranking: the rest cannot reach the top five. */
  candidates: number;
  associationBoost: number;
  /**
   * How much the paragraph's own words reward a passage for the number of them it holds: its
   * BM25 is multiplied by that number to this power (MiniSearch's search box: 1). A paragraph
   * is not a search-box query: counting its words rewards passages that meet many of its common
   * ones over the passage that shares its one telling word; 0 is the plain Okapi sum.
   */
  coordination: number;
  /** Weight of the general-French synonyms (generated/synonyms.json) of words the library rarely or never uses. */
  synonymBoost: number;
  /** How much of a word the library never uses its synonyms excuse in the gate's « foreign » share (0: none). */
  synonymForeign: number;
  /**
   * Weight of the library's words an everyday word is also read as (translations.ts: learned from the
   * rewordings beside their passages, `generated/translations.json`), and the table; 0: not read.
   */
  translationBoost: number;
  translations: Readonly<Record<string, readonly string[]>>;
  fuzzy: boolean;
  /** Multiplier by author: context (CNCDH, government) ranks after the Collectif's equal match. */
  authorPrior: Record<AuthorId, number>;
  /** Multiplier for a remark on a draft's wording (shown, copied with its citation, never inserted); 0: never offered. */
  draftRemarkPrior: number;
  /** Read a word no one knows as the library's word one letter away (`typo`). */
  typoFix: boolean;
  /**
   * Added to a passage of a measure the paragraph names (« sur la mesure 13 »). 1.5: at 1, « Sur la mesure 13,
   * notre position est la suivante. » had positions on other measures second and third, found through
   * « position » (tuning half MRR 0.876 → 0.894 at 1.5, the other sets equal or up; 3 cost the shared set).
   */
  measureBoost: number;
  /**
   * When the paragraph names measures, a passage about other measures only (nor the same number in another plan)
   * weighs this much (1: as much as any). « Concernant la mesure 4bis, nous maintenons notre demande. » brought
   * passages of measures 3 and 4 for their « demande ».
   */
  otherMeasureFactor: number;
  /** Weight of how much of a passage's concepts are the paragraph's too (`conceptFocus`, weighted Jaccard). */
  conceptFocus: number;
  /**
   * Plain BM25's best passage (words counted as MiniSearch counts them) is kept at `lexicalSafetyRank`
   * at worst when it holds this share of the paragraph's words (0: off), and first from `lexicalFirst`
   * (a paragraph that nearly quotes it).
   */
  lexicalSafety: number;
  lexicalSafetyRank: number;
  lexicalFirst: number;
  useAssociations: boolean;
  useConcepts: boolean;
  collapse: boolean;
  /** Discount a concept found only through one everyday French word (« restaurant », « internet »). */
  useEveryday: boolean;
  /** Search acronyms by their long forms and long forms by their acronyms (« ASE » / « aide sociale à l'enfance »). */
  useAcronyms: boolean;
  /**
   * Read an organisation's name written out as its name (its acronym, or nothing), not as what its words say:
   * « Ensemble contre la traite des êtres humains » in a signature is no paragraph on trafficking (organisations.ts).
   */
  organisationNames: boolean;
  /** Several distinct concepts together are evidence no single one gives (« enfants » + « voler »). */
  breadthBonus: number;
  /** Characters past which a passage's score is discounted, and how steeply. */
  longPassage: number;
  lengthPenalty: number;
  /** Weight of word pairs said in the same order in the paragraph and the passage (« délai de réflexion »), and how many of the best candidates are checked for them. */
  phraseBoost: number;
  phraseDepth: number;
  /** Read how the subject is told in everyday words (phrasing.ts); off: the gate's feature sits at its mean and tells nothing. */
  usePhrasing: boolean;
  /** That reading's table (`generated/phrasing.json`; the ablation reads one learnt without the field's neighbours). */
  phrasing: PhrasingTable;
  /**
   * A paragraph of several sentences is read sentence by sentence too (`focus`): one sentence on
   * topic is enough to answer, and the sentences of office mail around it (« Merci pour votre accueil
   * jeudi. ») are left out of the ranking when they read below `focusDrop`. Off: the paragraph whole.
   */
  sentenceFocus: boolean;
  focusDrop: number;
  /** Probability one sentence needs to answer a paragraph that is quiet read whole. */
  focusOpen: number;
  /**
   * A paragraph of at most `shortWords` words that tell (numbers aside, no measure named) needs `shortGate`:
   * the gate was fitted on sentences of eight to twenty words, and on a letter's formula it says more than it
   * knows (« Je vous prie de recevoir mes salutations respectueuses. » reads 0.83). While one writes, a
   * paragraph on the subject soon says more.
   */
  shortWords: number;
  shortGate: number;
  /**
   * Reviewed concepts' evidence (`thesaurus.evidence`) from which a short paragraph reads the ordinary threshold;
   * `shortTerm`: also when it names a concept by a term of several words (`thesaurus.namesTerm`). Infinity, false:
   * never.
   */
  shortConcept: number;
  shortTerm: boolean;
  /**
   * Probability a paragraph needs when it is nearly the title of one of the library's measures or the label of one of
   * its themes (`namesLabel`: « Sur le pilotage départemental. », « Formation des professionnels »), which is how a
   * letter written measure by measure heads its parts. Infinity: no such reading.
   */
  labelGate: number;
  /**
   * A paragraph of one telling word (« Contexte », « Perspectives », « Incrimination ») tells a subject only when that
   * word is more the library's than ordinary French by this much (the gate's `language` feature, a log ratio);
   * otherwise it stays quiet whatever the gate says. 0: no such rule.
   */
  loneWordLanguage: number;
  /**
   * How many decisions (a sentence's or a paragraph's reading) the matcher remembers. While one writes, the
   * panel reads the paragraph again at each pause, and only the sentence being written has changed: the
   * others are not searched again. Forgotten whenever the library changes. 0: nothing remembered (the bench's
   * one-off queries).
   */
  memo: number;
  /** Typos read by every slip of one letter (`spellings`); off: only two letters swapped. */
  typoWords: boolean;
  /**
   * A typo may also be read as a word the passages' rewordings use (« gamns » → « gamins »): the everyday words people
   * write, which the passages themselves seldom say. Off: only the passages' words.
   */
  typoRewordings: boolean;
  /** A slip on the first letter is read too, when no slip elsewhere explains the word; off: the first letter is kept. */
  firstLetterSlips: boolean;
  /** A word cut by a hyphen at a line's end (« vic-\ntimes ») is read whole when the whole is a word (`rejoined`). */
  rejoinHyphens: boolean;
  /** A word and a stop word typed without the space between them (« lesvictimes ») read as the word (`unspaced`). */
  splitGlued: boolean;
  /** An elision typed without its apostrophe (« ladministration », « cest ») read as the two words (`unglued`). */
  gluedElision: boolean;
  /**
   * Figures of speech (« avec des bouts de ficelle », « pieds et poings liés ») read followed by what they mean
   * (idioms.ts, `thesaurus/idioms.json`); empty: read as written.
   */
  idioms: readonly IdiomEntry[];
  /** An idiom typed with a slip in one of its words (« pieds et poigns liés ») read as the idiom (with `typoFix`). */
  idiomSlips: boolean;
  /**
   * A word the library says almost only after one other (« humains » after « êtres ») is evidence of the subject for
   * the gate only after it: « La responsable des ressources humaines est en congé jusqu'au 12. » read 0.94 on its
   * « humaines », 0.51 now (`boundStems`). Learned from the library's passages as it grows; the ranking reads the word
   * as before.
   */
  boundWords: boolean;
  /**
   * Formulas of correspondence (« Je vous prie d'agréer… », « Merci pour votre accueil », « Madame la Ministre, »)
   * read as form: their words are not read (formulas.ts); empty: read as written.
   */
  formulas: readonly FormulaEntry[];
  /**
   * The gate reads a paragraph without its formulas of correspondence when more than `formlessWords` words that tell
   * remain (numbers aside): « Suite à notre rencontre du 12 mars, nous souhaitons rappeler que les tests osseux… » is
   * read as what follows the formula. A shorter rest (« …pour la prochaine séance. ») is read with its formulas, which
   * say how office mail is told. Off: the gate always reads the formulas' words.
   *
   * When the formulas only open the paragraph (none after its first telling word), more than `formlessLeadWords`
   * suffice (thirty-fourth session): read with an opening, a rest of five to seven telling words took its words as
   * evidence either way, « Je me permets de revenir vers vous car » made a get-well wish read 0.93 and « nous tenons à
   * rappeler que » left « l'exploitation … les employées de maison » quiet (short rests' tuning half: after an
   * opening 0.936 → 0.950, office 5 → 1 answered of 240). A closing thanks still counts: « La campagne de dons … a
   * dépassé nos objectifs, merci à tous. » reads 0.33 with it, 0.77 without.
   */
  gateWithoutForm: boolean;
  formlessWords: number;
  formlessLeadWords: number;
  /** A paragraph with no evidence at all of the library's subject (no telling word, nothing shared, no concept) is quiet. */
  evidenceFloor: boolean;
  /** Weight of the passages' everyday rewordings (rewordings.ts), and the rewordings themselves. */
  rewordingBoost: number;
  /**
   * The rewordings' weight when the paragraph's own words find no passage: the share of them that
   * plain BM25's best passage holds is 0. It falls linearly to `rewordingBoost` when that share reaches
   * `rewordingLexicalAt`, or when the paragraph holds all of that passage's words (a position quoted in
   * a longer email; half of them: half-way), and stays there: a paragraph that says a passage's words
   * is found by them, one that says it in other words by the rewordings. Equal to `rewordingBoost`:
   * one weight for all. 3 with nine voices a passage (tenth session); 6 with thirteen (twelfth session:
   * a plateau from 5 to 8, read without the gate on the tuning half, the second to fourth tuning sets,
   * 600 lines, and the passage paraphrases). 80 % gained a little more there, but a position quoted
   * after « Comme l'a rappelé la CNCDH, » then fell to 3rd: plain BM25's best passage is the CNCDH's.
   */
  rewordingBoostParaphrase: number;
  rewordingLexicalAt: number;
  rewordings: RewordingTable;
  /**
   * A passage without rewordings (imported after the shipped ones were written) has its own words'
   * BM25 counted in the rewordings' channel too, times this: else every reworded passage gets a
   * channel it lacks, and paraphrases of an imported report lose to the shipped library (0: off).
   * 0.5 since the fourteenth session, 1 before: read on the lines about the imported source alone,
   * more was always better (0.63 → 0.69 passage@5 from 0.5 to 1), but with each shipped source
   * imported in turn, its passages, found by a word or two and lifted by the paraphrase weight,
   * pushed the rest of the library out of the first five (the other sources' lines 0.919 / 0.848 at
   * 0.5, 0.885 / 0.714 at 1; all the lines together 0.862 / 0.778 against 0.846 / 0.688).
   */
  rewordingSelf: number;
  /**
   * The same share for a remark on a draft's wording that has no rewordings, times this (not times
   * `rewordingSelf`). Such remarks hold the Collectif's own demands on a measure (« le dispositif AC-Sé
   * est loin d'offrir un nombre suffisant de places »). The shipped ones were left without rewordings
   * until the fourteenth session and then got no share at all: a paragraph saying the same in other
   * words met every reworded passage first, and a remark fell past the 100th even when it held most of
   * the paragraph's words. They have rewordings now; a remark in a report imported later has none.
   * Above 0, such a remark also borrows the rewordings of its closest reworded passages
   * (`borrowBoost`), as an imported passage does: the borrowing finds it, this share puts it ahead of
   * passages that merely share its words (tuning sets 4, 6 and 10, the shipped remarks then without
   * rewordings: 5 more lines in the first five; at 1, the second set's MRR fell 0.913 → 0.884). 0: neither.
   */
  draftRemarkSelf: number;
  /**
   * A passage without rewordings borrows those of its closest reworded passages (borrowed.ts):
   * their weight in retrieval, and the share of a borrowed word in the gate's « reworded »
   * evidence (a passage's own rewordings count fully). 0: off.
   */
  borrowBoost: number;
  borrowGate: number;
  /**
   * A passage that comes up for everything is a weaker answer to any one paragraph: its score is
   * multiplied by ((1 + hub) / 2) to the power −hubPenalty, `hub` being how often it comes up among
   * the first five for the other passages' rewordings, relative to the mean (generated/hubs.json,
   * built by `npm run library -- build`). A passage without a figure (imported) counts as average. 0: off.
   */
  hubPenalty: number;
  hubs: Readonly<Record<string, number>>;
}

/** A word said at least this many times in the library… */
const BOUND_MIN = 20;
/** … this share of them right after one same word is bound to it (`boundWords`). */
const BOUND_SHARE = 0.9;

export const DEFAULT_SETTINGS: EngineSettings = {
  gateModel: gateData as GateModel,
  conceptBoost: 0.75,
  commonShare: 0.2,
  commonWordBoost: 0.05,
  commonMax: 500,
  candidates: 300,
  associationBoost: 0.15,
  coordination: 0,
  synonymBoost: 0.3,
  synonymForeign: 0.5,
  translationBoost: 1,
  translations: (translationData as { translations: Record<string, string[]> }).translations,
  fuzzy: true,
  authorPrior: { collectif: 1, association: 1, cncdh: 0.85, gouvernement: 0.75 },
  draftRemarkPrior: 0.85,
  conceptFocus: 0.45,
  measureBoost: 1.5,
  otherMeasureFactor: 0.6,
  typoFix: true,
  lexicalSafety: 0.5,
  lexicalSafetyRank: 2,
  lexicalFirst: 0.8,
  useAssociations: true,
  useConcepts: true,
  collapse: true,
  useEveryday: true,
  useAcronyms: true,
  organisationNames: true,
  breadthBonus: 0.2,
  longPassage: 350,
  lengthPenalty: 0.3,
  phraseBoost: 0.05,
  phraseDepth: 30,
  usePhrasing: true,
  phrasing: phrasingData as PhrasingTable,
  sentenceFocus: true,
  focusDrop: 0.2,
  focusOpen: 0.95,
  shortWords: 5,
  shortGate: 0.9,
  shortConcept: 1.5,
  shortTerm: true,
  labelGate: 0.2,
  loneWordLanguage: 1.5,
  memo: 64,
  typoWords: true,
  typoRewordings: true,
  firstLetterSlips: true,
  rejoinHyphens: true,
  splitGlued: true,
  gluedElision: true,
  idioms: IDIOMS,
  idiomSlips: true,
  boundWords: true,
  formulas: FORMULAS,
  gateWithoutForm: true,
  formlessWords: 7,
  formlessLeadWords: 4,
  evidenceFloor: true,
  rewordingBoost: 1.2,
  rewordingBoostParaphrase: 6,
  rewordingLexicalAt: 0.6,
  rewordings: rewordingData as RewordingTable,
  rewordingSelf: 0.5,
  draftRemarkSelf: 0.3,
  borrowBoost: 1,
  borrowGate: 0.5,
  hubPenalty: 0.1,
  hubs: (hubData as { hubs: Record<string, number> }).hubs,
};

const everyday = new Everyday((everydayData as { stems: string[] }).stems);
const background = new Background((backgroundData as { stems: string[] }).stems, (backgroundData as { office: OfficeCounts }).office);
const synonymTable = (synonymData as { synonyms: Record<string, string[]> }).synonyms;

/** The idioms' expression, compiled once per list on first use. */
const compiledIdioms = new WeakMap<readonly IdiomEntry[], Idioms>();
function idiomsOf(entries: readonly IdiomEntry[]): Idioms {
  let c = compiledIdioms.get(entries);
  if (!c) compiledIdioms.set(entries, (c = compileIdioms(entries)));
  return c;
}
/** The formulas' reader, compiled once per list on first use. */
const compiledFormulas = new WeakMap<readonly FormulaEntry[], FormulaReader>();
function formulasOf(entries: readonly FormulaEntry[]): FormulaReader {
  let c = compiledFormulas.get(entries);
  if (!c) compiledFormulas.set(entries, (c = compileFormulas(entries)));
  return c;
}
/** The rewordings' search, built once per table on first use. */
const rewordingSearches = new WeakMap<RewordingTable, ExtensibleRewordingSearch>();
function rewordingSearchOf(table: RewordingTable): ExtensibleRewordingSearch {
  let s = rewordingSearches.get(table);
  if (!s) rewordingSearches.set(table, (s = createRewordingSearch(table)));
  return s;
}

const LETTERS = [...'abcdefghijklmnopqrstuvwxyz'];

/**
 * The longest run of letters read as a word that may hold a slip or a forgotten space. No French word is much longer
 * (the library's longest, « interinstitutionnelle », has 21 letters; glued to a stop word, or with a letter too many,
 * it stays under this): a longer run is a link, a code or a key held down, read as written. Reading slips tries some
 * fifty spellings a letter and stems each, so its cost grows with the square of the length: a link of 1,000 letters
 * took 2.5 s, a key held down for 4,000 letters a minute, and the extension's worker answered nothing meanwhile.
 */
export const LONGEST_WORD = 32;

/**
 * An elision typed without its apostrophe (« ladministration », « dexploitation », « quil », « cest »): the
 * elided word, then the word it leans on, which begins with a vowel or an h. Read only when the whole is a word
 * neither the library nor ordinary French knows (« taux », « test », « don » are words): the word behind it when
 * the library uses it (`typo`), nothing when it is a stop word (`isGluedStopWord`).
 */
const GLUED = /^(?:qu|[cdjlmnst])([aeiouyh][a-z]*)$/;
function isGluedStopWord(word: string): boolean {
  const rest = GLUED.exec(word)?.[1];
  return rest !== undefined && !isStopWord(word) && isStopWord(rest);
}

/** Passages a word may be in and still pick candidates, however small the library. */
const COMMON_FLOOR = 10;

export function createMatcher(index: SearchIndex, settings: EngineSettings = DEFAULT_SETTINGS) {
  /**
   * What the matcher derives from the library, renewed when the library changes. `addToIndex` and
   * `removeFromIndex` replace `index.library`, and so does the service when it hands the index the library
   * as stored (with the measures an imported library brings): a new object is the signal.
   */
  let seen: Library | undefined;
  let measureKeys = new Set<string>();
  /** The plans the library's measures belong to (« PAN1 », « PAN2 »), for a measure no plan has (`withoutUnknownMeasures`). */
  let plans: string[] = [];
  /** Two stems in a row of a measure's title or a theme's label (« pilotag departemental ») → the stems of those labels. */
  let labelPairs = new Map<string, Set<string>[]>();
  /** The most stems a title or a label has: a paragraph with more than one telling word beyond it is no heading. */
  let longestLabel = 0;
  let orgNames: OrganisationName[] = [];
  const decisions = new Map<string, Decision>();
  function current(): void {
    if (seen === index.library) return;
    seen = index.library;
    measureKeys = new Set(index.library.measures.map((m) => m.key));
    plans = [...new Set(index.library.measures.map((m) => m.plan))];
    labelPairs = new Map();
    longestLabel = 0;
    for (const label of [...index.library.measures.map((m) => m.title), ...index.library.themes.map((t) => t.label)]) {
      const stems = analyzeWithSurface(label)
        .map((t) => t.stem)
        .filter((x) => !isNumber(x));
      const all = new Set(stems);
      longestLabel = Math.max(longestLabel, all.size);
      for (let i = 0; i + 1 < stems.length; i++) {
        const pair = `${stems[i]} ${stems[i + 1]}`;
        labelPairs.set(pair, [...(labelPairs.get(pair) ?? []), all]);
      }
    }
    // The CNCDH's passages name it as their body: it is one of the library's authors and a subject of its passages
    // (the national rapporteur, measure 23), not a name that signs mail; written out, its name tells the subject.
    orgNames = settings.organisationNames
      ? organisationNames(
          index.library.positions.filter((p) => p.organisation && p.author !== 'cncdh').map((p) => ({ name: p.organisation!, ours: isOurs(p.author) })),
          defaultAcronymExpander(),
          (tokens) => index.thesaurus.detect(tokens).some((h) => !h.generic),
        )
      : [];
    decisions.clear();
    slips.clear();
  }

  /**
   * The paragraph's word pairs (« stem stem ») as the index numbers its stems, one number a pair: what `sharedPairs`
   * looks for in a passage's stems in reading order, as the index keeps them (`sequence`), rather than analysing the
   * passage's text again (a third of a query's time at twenty times the library) or naming its stems pair by pair (a
   * tenth). A pair one of whose words the library never says is in no passage: left out.
   */
  function pairIdsOf(pairs: ReadonlySet<string>): PairIds {
    const base = index.vocab.stems.length;
    const keys = new Set<number>();
    const list: [number, number][] = [];
    for (const pair of pairs) {
      const [x, y] = pair.split(' ').map((w) => index.vocab.ids.get(w));
      if (x === undefined || y === undefined) continue;
      keys.add(x * base + y);
      list.push([x, y]);
    }
    return { keys, base, list };
  }

  /**
   * The weight of the word pairs a passage says in the same order as the paragraph (`pairs`), each pair once: what both
   * the ranking's bonus and the gate's « phrases » read. A passage the index does not hold (none is asked for) reads
   * nothing.
   */
  function sharedPairs(pairs: PairIds, p: Position, weight: (stem: string) => number): number {
    const passage = index.features.get(p.id)?.sequence;
    if (!passage || !pairs.keys.size) return 0;
    const { keys, base } = pairs;
    const stems = index.vocab.stems;
    const seen: number[] = [];
    let sum = 0;
    for (let i = 0; i + 1 < passage.length; i++) {
      const key = passage[i] * base + passage[i + 1];
      if (!keys.has(key) || seen.includes(key)) continue;
      seen.push(key);
      sum += weight(stems[passage[i]]) + weight(stems[passage[i + 1]]);
    }
    return sum;
  }

  // A passage's tokens and concepts, for highlighting: the same passages come back as the user types. The 500 last
  // shown are kept, the least recently shown let go first (emptied whole when full, as it was, the cache analysed again
  // the passages still shown: at twenty times the library, a twelfth of a pasted paragraph's time).
  const passageCache = new Map<string, { tokens: Token[]; hits: ConceptHit[] }>();
  function detailed(p: Position) {
    let a = passageCache.get(p.id);
    if (a) passageCache.delete(p.id);
    else {
      const tokens = analyzeWithSurface(p.text);
      a = { tokens, hits: index.thesaurus.detect(tokens) };
      if (passageCache.size >= 500) passageCache.delete(passageCache.keys().next().value!);
    }
    passageCache.set(p.id, a);
    return a;
  }

  const specificity = createSpecificity(index, background);
  /** Synonyms the library uses of a word it rarely or never uses. */
  const synonymsOf = (stem: string): string[] => (index.df(stem) > 2 ? [] : (synonymTable[stem] ?? []).filter((s) => index.df(s) > 0));
  const threshold = () => settings.gate ?? settings.gateModel.threshold;
  const slotScores = createSlotScores(index);

  /**
   * Snowball leaves verbs in « -ent » whole (« arrivent », « publient », « ignorent »), since
   * the ending is also a noun's (« parent », « agent »), and keeps the « -on » of the first
   * person plural a letter is written in (« demandons » → `demandon`, « regrettons » →
   * `regretton`, where the library's « le Collectif demande, regrette » is `demand`, `regret`).
   * A form the library never uses is read as its root when the library knows the root
   * (« arriv » of « arrivée », « souhait » of « souhaite »).
   */
  function known(t: Token): Token {
    if (index.df(t.stem)) return t;
    const verb = (t.word.endsWith('ent') && t.word.length >= 7) || (t.word.endsWith('ons') && t.word.length >= 6);
    if (!verb) return t;
    // « souhait-ons » → « souhaite »: Snowball reads a bare « souhait » as an imperfect (`souh`).
    const root = stem(`${t.word.slice(0, -3)}e`);
    return root.length >= 4 && index.df(root) ? { ...t, stem: root } : t;
  }

  /**
   * A word neither the library, its rewordings nor ordinary French knows is likely a typo (« ossseux »): read as
   * the library's word one slip away, by concepts and retrieval alike, not only by the gate; a slip on
   * the first letter, which typing gets wrong less often, only when none elsewhere explains the word.
   * `typoWords` off, the earlier reading:
   * the library's stem one letter away, or two neighbouring letters swapped back (not for a verb in
   * « -ent » / « -ons », whose stem Snowball leaves whole).
   */
  function typo(t: Token): Token {
    const s = t.stem;
    if (!settings.typoFix || t.word.length > LONGEST_WORD || isNumber(s) || index.df(s) || background.known(s)) return t;
    if (settings.typoRewordings && rewordingSearchOf(settings.rewordings).df(s)) return t;
    if (settings.typoWords) {
      const fixed = t.word.length >= 5 ? spellings(t.word) : undefined;
      if (fixed !== undefined) return { ...t, stem: fixed };
      return unglued(t) ?? t;
    }
    if (/(?:ent|ons)$/.test(t.word)) return t;
    if (s.length >= 5) {
      const near = index.nearestTerm(s, 1);
      if (near !== undefined && near[0] === s[0]) return { ...t, stem: near };
    }
    const fixed = t.word.length >= 5 ? swaps(t.word) : undefined;
    return fixed === undefined ? t : { ...t, stem: fixed };
  }

  /**
   * A word cut at the end of a line, as text pasted from a page set in columns keeps it (« vic-\ntimes », « traite-
   * ment »): one word when the two halves make a word the library, its rewordings or ordinary French knows. « porte-
   * parole » and « anti- traite » stay as written: « porteparole » and « antitraite » are no words. Read only when the
   * hyphen (or a soft, Unicode or non-breaking one) ends the first half and the second begins in lower case (not
   * « Saint- Denis », not « victimes - et »).
   */
  function rejoined(text: string, surface: Token[]): Token[] {
    if (!settings.rejoinHyphens) return surface;
    const out: Token[] = [];
    for (let i = 0; i < surface.length; i++) {
      const a = surface[i];
      const b = surface[i + 1];
      if (b && /^[-\u00AD\u2010\u2011]\s+$/.test(text.slice(a.end, b.start)) && /^\p{Ll}/u.test(text[b.start] ?? '') && !isNumber(a.stem) && !isNumber(b.stem)) {
        const word = a.word + b.word;
        const s = stem(word);
        if (index.df(s) || background.known(s) || rewordingSearchOf(settings.rewordings).df(s)) {
          out.push({ word, stem: s, start: a.start, end: b.end });
          i++;
          continue;
        }
      }
      out.push(a);
    }
    return out;
  }

  /**
   * A word and a stop word typed without the space between them (« lesvictimes », « titrede »), as on a phone: a word
   * no one knows and no slip explains, read as the word, when it has five letters or more and the library's passages
   * say it, and the stop word two or more. Of several splits, the one whose word the library says most. Two words
   * glued are left as written: read so, « visioconférence » was « visio » and « conférence », and an office formula
   * went on topic. Words the rewordings alone say were split wrongly (« en|courue », « dé|nude »).
   */
  function unspaced(t: Token): Token[] | undefined {
    const w = t.word;
    if (w.length < 6 || w.length > LONGEST_WORD || isNumber(t.stem) || !/^[a-z]+$/.test(w) || index.df(t.stem) || background.known(t.stem)) return undefined;
    const part = (x: string, start: number, end: number): { token?: Token; weight: number } | undefined => {
      if (isStopWord(x)) return x.length >= 2 ? { weight: 0 } : undefined;
      if (x.length < 5) return undefined;
      const token = known({ word: x, stem: stem(x), start, end });
      const df = index.df(token.stem);
      return df ? { token, weight: df } : undefined;
    };
    let best: Token[] | undefined;
    let bestWeight = 0;
    for (let k = 1; k < w.length; k++) {
      const at = Math.min(t.start + k, t.end);
      const a = part(w.slice(0, k), t.start, at);
      const b = a && part(w.slice(k), at, t.end);
      if (!a || !b || !a.token === !b.token) continue;
      if (a.weight + b.weight > bestWeight) [best, bestWeight] = [[a.token, b.token].filter((x): x is Token => x !== undefined), a.weight + b.weight];
    }
    return best;
  }

  /** « ladministration » read as « administration », when the library uses it (`GLUED`). */
  function unglued(t: Token): Token | undefined {
    const rest = settings.gluedElision ? GLUED.exec(t.word)?.[1] : undefined;
    if (rest === undefined || rest.length < 4) return undefined;
    const read = known({ ...t, word: rest, stem: stem(rest) });
    return index.df(read.stem) ? read : undefined;
  }

  /** Two neighbouring letters swapped back: the stem the library uses most, if any. */
  function swaps(word: string): string | undefined {
    let best: string | undefined;
    let bestDf = 0;
    for (let i = 1; i + 1 < word.length; i++) {
      if (word[i] === word[i + 1]) continue;
      const swapped = stem(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
      const df = index.df(swapped);
      if (df > bestDf) [best, bestDf] = [swapped, df];
    }
    return best;
  }

  /**
   * The word one slip away, as typing makes them, the commonest slip first: two neighbouring letters
   * swapped (« réfelxion »), one typed twice or one too many (« prostituttion »), one left out
   * (« démanèlement », « pendat »), one for another (« exploitetion »). The first letter is tried last, when no
   * slip elsewhere gives a word (`firstLetterSlips`: « cictimes »). The
   * misspelled word's stem is no stem's neighbour (« prostitutt » for `prostitu`): the edits are made on
   * the word, and each spelling is read as a word written so would be (`known`: « conaissons » is
   * « connaissons », read by its root). Of the first kind of slip that gives a stem of the library, the
   * stem it uses most, counting the passages that say it and those whose rewordings do (`typoRewordings`:
   * « gamns » is « gamins », a word people write and the passages do not); a stem of three letters or
   * fewer tells nothing (« conissons » stems to `con`).
   * Remembered per word (unless `memo` is 0), and forgotten with the library.
   */
  const slips = new Map<string, string | null>();
  function spellings(word: string): string | undefined {
    const seen = slips.get(word);
    if (seen !== undefined) return seen ?? undefined;
    let best: string | undefined;
    let bestDf = 0;
    const said = settings.typoRewordings ? rewordingSearchOf(settings.rewordings) : undefined;
    const consider = (w: string) => {
      const s = known({ word: w, stem: stemOnce(w), start: 0, end: 0 }).stem;
      const df = s.length >= 4 ? index.df(s) + (said?.df(s) ?? 0) : 0;
      if (df > bestDf) [best, bestDf] = [s, df];
    };
    const slipsOf: ((i: number) => void)[] = [
      (i) => i + 1 < word.length && word[i] !== word[i + 1] && consider(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2)),
      (i) => i < word.length && consider(word.slice(0, i) + word.slice(i + 1)),
      (i) => LETTERS.forEach((c) => consider(word.slice(0, i) + c + word.slice(i))),
      (i) => i < word.length && LETTERS.forEach((c) => c !== word[i] && consider(word.slice(0, i) + c + word.slice(i + 1))),
    ];
    for (const slip of slipsOf) {
      for (let i = 1; i <= word.length; i++) slip(i);
      if (best !== undefined) break;
    }
    // The first letter last: typing gets it wrong less often, and a word no other slip explains may still be one
    // (« cictimes », « xploitation »).
    if (best === undefined && settings.firstLetterSlips)
      for (const slip of slipsOf) {
        slip(0);
        if (best !== undefined) break;
      }
    if (!settings.memo) return best;
    if (slips.size > 2000) slips.clear();
    slips.set(word, best ?? null);
    return best;
  }

  /**
   * `readNames`: an organisation's name reads as its acronym, or as nothing (organisations.ts); off, as written.
   * `readForm`: the words of a formula of correspondence are read; off, left out (formulas.ts). `formFound` says
   * whether the paragraph holds one either way.
   */
  function analyse(typed: string, defaultPlan = 'PAN1', readNames = true, readForm = true) {
    // « la mesure 30 » of no plan the library has tells nothing of what it holds: blanked, at the same length.
    const paragraph = withoutUnknownMeasures(typed, plans, measureKeys);
    const refs = measureRefs(paragraph, defaultPlan, measureKeys);
    // « la 13e mesure » reads as « la mesure 13 », the way the sources name it.
    // An idiom is read followed by what it means (« pieds et poings liés » + « la contrainte, l'emprise, l'impuissance »),
    // typed with a slip too (« poigns »).
    const idioms = idiomsOf(settings.idioms);
    const spelt = refs.length ? spellOrdinalRefs(paragraph, defaultPlan, measureKeys) : paragraph;
    const text = idioms.gloss(spelt, { slips: settings.typoFix && settings.idiomSlips });
    // « cest », « jai », « quil »: a stop word behind an elision typed without its apostrophe tells nothing either;
    // nor do the words of a formula of correspondence (« Je vous prie d'agréer… »), read as form.
    const form = formulasOf(settings.formulas)(text);
    const inForm = (t: Token) => !readForm && form.some(([start, end]) => t.start >= start && t.end <= end);
    const surface = rejoined(
      text,
      analyzeWithSurface(text).filter((t) => !inForm(t) && !(settings.gluedElision && isGluedStopWord(t.word) && !index.df(t.stem) && !background.known(t.stem))),
    );
    const read = surface.map(known);
    const fixed = read.map(typo);
    // A missing space is read after slips: the other way, two and three slips a line lost 0.01.
    const parts = fixed.map((t) => (settings.splitGlued && settings.typoFix ? unspaced(t) : undefined));
    const named = readNamesAsNames(
      fixed.flatMap((t, i) => parts[i] ?? [t]),
      readNames ? orgNames : [],
    );
    const tokens = named.tokens;
    const inName = (t: Token) => named.spans.some(([start, end]) => t.start >= start && t.end <= end);
    const hits = settings.useConcepts ? index.thesaurus.detect(tokens) : [];
    const isEveryday = (s: string) => settings.useEveryday && everyday.isEveryday(s);
    // Breadth counts concepts named by something more than a generic word (« accueil », « annuel »).
    const distinct = new Set(hits.filter((h) => !h.generic).map((h) => h.concept)).size;
    const evidence = index.thesaurus.evidence(hits, tokens, isEveryday) + Math.max(0, distinct - 2) * settings.breadthBonus;
    const expanded = settings.useAcronyms ? expandAcronyms(tokens) : tokens;
    // How the subject is told reads the words as written, a typo as the word it stands for (« gamnis » as « gamins »).
    const told = phrasingScore(
      settings.phrasing,
      phrasingStemsOf(surface.flatMap((t, i) => (inName(t) ? [] : (parts[i]?.map((p) => p.stem) ?? [fixed[i] !== read[i] ? fixed[i].stem : t.stem])))),
    );
    // Word pairs in reading order (« delai reflexion »), for the ranking's bonus and the gate.
    const pairs = new Set<string>();
    for (let i = 0; i + 1 < tokens.length; i++) pairs.add(`${tokens[i].stem} ${tokens[i + 1].stem}`);
    const concepts = new Set(hits.map((h) => h.concept));
    // The words the paragraph says, before acronyms are spelled out: what « how much of it a passage holds » reads.
    // A long form written out counts as its acronym, one word, as the acronym written does (« Commission nationale
    // consultative des droits de l'homme » as « CNCDH », not as five words a passage may or may not hold); the
    // acronym the expander adds for it spans its words.
    const longForms = expanded.filter((t: ExpandedToken) => t.forLongForm);
    const inLongForm = (x: Token) => longForms.some((t) => x.start >= t.start && x.end <= t.end);
    const written = [...new Set([...tokens.filter((x) => !inLongForm(x)), ...longForms].map((t) => t.stem))];
    // The formulas only open the paragraph: none comes after the first word that tells (numbers aside).
    const firstTelling = tokens.find((t) => !isNumber(t.stem))?.start ?? Number.POSITIVE_INFINITY;
    const formLeads = form.length > 0 && form.every(([, end]) => end <= firstTelling);
    return { tokens, hits, concepts, refs, evidence, told, pairs, written, stems: [...new Set(expanded.map((t) => t.stem))], namesRead: named.spans.length > 0, formFound: form.length > 0, formLeads };
  }

  type Analysis = ReturnType<typeof analyse>;

  /**
   * Whether the paragraph is nearly a measure's title or a theme's label: two of its words in a row are two in a row of
   * one, and at most one of its telling words is not in that one (« Quid du parcours de sortie ? »; not « Protection de
   * l'enfance : réunion jeudi. »).
   */
  function namesLabel(a: Analysis): boolean {
    if (!Number.isFinite(settings.labelGate)) return false;
    const telling = a.written.filter((s) => !isNumber(s));
    // Read on every pause in typing, long paragraphs included: those cannot be nearly a label.
    if (telling.length > longestLabel + 1) return false;
    for (const pair of a.pairs) {
      for (const label of labelPairs.get(pair) ?? []) if (telling.filter((s) => !label.has(s)).length <= 1) return true;
    }
    return false;
  }
  /** What `decide` finds for a text: shared by every read of it while remembered, so never changed. */
  /** `a`: the words as written, what the ranking read; `gate`: what the gate read (names as names), often the same. */
  /** `ranking`: the candidates in order, put in order when first asked for (a quiet paragraph, or a sentence read only for its verdict, never is). */
  type Decision = Readonly<{ a: Analysis; gate: Analysis; ranking: () => readonly { id: string; score: number }[]; features: GateFeatures; probability: number; onTopic: boolean }>;

  /** The gate's features for an analysed paragraph and its best candidates (the `GATE_READS` first). */
  function gateFeatures(a: Analysis, ranked: { id: string; score: number }[]): GateFeatures {
    // Numbers (dates, hours, amounts) are in every kind of mail and in no frequency list of
    // ordinary French: left to retrieval, they would make « du 3 au 5 juin » look special.
    // Typos are already read as the library's words (`typo`).
    // « ressources humaines »: a word the library says only in « êtres humains » tells nothing of its subject alone.
    const bound = settings.boundWords ? boundStems() : undefined;
    const unbound = (s: string) => {
      const partner = bound?.get(s);
      return partner !== undefined && !a.pairs.has(`${partner} ${s}`);
    };
    const stems = a.stems.filter((s) => !isNumber(s) && !unbound(s)).slice(0, 60);
    const spec = stems.map(specificity);
    const n = index.library.positions.length;
    const idf = (s: string) => Math.log(1 + n / (1 + index.df(s)));
    const best = ranked.slice(0, 3).map((r) => index.features.get(r.id)).filter((f) => f !== undefined);
    let shared = 0;
    for (const f of best) {
      let sum = 0;
      stems.forEach((s, i) => {
        if (index.hasStem(f, s)) sum += spec[i] * idf(s);
      });
      shared = Math.max(shared, sum);
    }
    // Words the library never uses, weighted by how much they say in ordinary French: office
    // mail talks of « cantine », « mutuelle », « kermesse », which no position does.
    let foreign = 0;
    let covered = 0;
    let reworded = 0;
    const rewordings = settings.rewordingBoost ? rewordingSearchOf(settings.rewordings) : undefined;
    const bestIds = ranked.slice(0, 3).map((r) => r.id);
    const lent = rewordings && settings.borrowGate ? borrowedOf() : undefined;
    let information = 0;
    for (const s of stems) {
      const w = -Math.log(background.p(s));
      information += w;
      if (!index.df(s)) foreign += synonymsOf(s).length ? w * (1 - settings.synonymForeign) : w;
      if (best.some((f) => index.hasStem(f, s))) {
        covered += w;
        reworded += w;
      } else if (rewordings && bestIds.some((id) => rewordings.gateHas(id, s))) reworded += w;
      else if (lent && bestIds.some((id) => lent.search.gateHas(id, s))) reworded += w * settings.borrowGate;
    }
    // Word pairs in the same order in the paragraph and in one of the best passages.
    const specOf = new Map(stems.map((s, i) => [s, spec[i]]));
    const weight = (s: string) => specOf.get(s) ?? (unbound(s) ? 0 : specificity(s));
    let phrases = 0;
    const pairs = pairIdsOf(a.pairs);
    for (const r of ranked.slice(0, 3)) {
      const p = index.byId.get(r.id);
      if (p) phrases = Math.max(phrases, sharedPairs(pairs, p, weight));
    }
    return {
      phrases: Math.log(1 + phrases),
      language: topSum(spec, 3),
      foreign: information ? foreign / information : 0,
      coverage: information ? covered / information : 0,
      reworded: information ? reworded / information : 0,
      coherence: coherence(index, stems),
      separation: ranked.length ? ranked[0].score - (ranked[GATE_READS - 1]?.score ?? 0) : 0,
      languageMean: spec.length ? spec.reduce((x, y) => x + y, 0) / spec.length : 0,
      retrieval: Math.log(1 + shared),
      concepts: a.evidence,
      measure: a.refs.length ? 1 : 0,
      phrasing: settings.usePhrasing ? a.told : settings.gateModel.mean[GATE_FEATURES.indexOf('phrasing')],
    };
  }

  /** Plain BM25's best passage, the share of the words the paragraph writes that it holds, and how many words that is. */
  type LexicalBest = { slot: number; share: number; words: number };

  /** Retrieval's candidates for re-ranking: slots (`vocab.slotIds`) and their scores, side by side, in no order. */
  type Candidates = { slots: number[]; values: number[] };

  /**
   * A paragraph that says a passage's own words must find it, as plain BM25 would: concepts and
   * associations can lift passages that say the same thing in other words above the one that says
   * it in these words (« aux Pays-Bas … une équipe de quatorze personnes » ranked 40th under
   * passages on evaluation). When BM25's best passage, words counted as MiniSearch counts them,
   * holds half the paragraph's words or more, it is kept second at worst; four fifths, first. The words
   * are those the paragraph says: « CNCDH » spelled out as its five words would halve its share. A paragraph that
   * names a measure is not held to it for a passage on another measure (`otherMeasureFactor`): its « mesure » and
   * « notre demande » are a letter's words, not the draft's « décourager la demande ».
   */
  function safety(ranked: { id: string; score: number }[], lexicalBest: LexicalBest | undefined, refs: readonly string[]) {
    if (!settings.lexicalSafety || lexicalBest === undefined) return ranked;
    if (lexicalBest.words < 3) return ranked;
    const id = index.vocab.slotIds[lexicalBest.slot]!;
    if (refs.length && settings.otherMeasureFactor < 1 && !aboutNamed(index.byId.get(id)!.measures, numbersOf(refs))) return ranked;
    const coverage = lexicalBest.share;
    if (coverage < settings.lexicalSafety) return ranked;
    const at = ranked.findIndex((r) => r.id === id);
    const k = settings.lexicalFirst && coverage >= settings.lexicalFirst ? 0 : settings.lexicalSafetyRank - 1;
    if (at >= 0 && at <= k) return ranked;
    const rest = ranked.filter((r) => r.id !== id);
    // Its score sits between its neighbours, so that what reads scores (the gate's separation) stays ordered.
    const above = rest[k - 1]?.score;
    const below = rest[k]?.score ?? 0;
    return [...rest.slice(0, k), { id, score: above === undefined ? below : (above + below) / 2 }, ...rest.slice(k)];
  }

  /**
   * Ranked candidates, the gate's features and its verdict. A named measure of the library is always on topic.
   * Remembered (`memo`), the most recent last: a decision is never changed once made.
   */
  function decide(text: string, opts: MatchOptions): Decision {
    current();
    if (!settings.memo) return decideAfresh(text, opts);
    const key = `${opts.defaultPlan ?? ''}\u0000${text}`;
    let d = decisions.get(key);
    if (d) decisions.delete(key);
    else {
      d = decideAfresh(text, opts);
      if (decisions.size >= settings.memo) decisions.delete(decisions.keys().next().value!);
    }
    decisions.set(key, d);
    return d;
  }

  function decideAfresh(text: string, opts: MatchOptions): Decision {
    // The gate reads an organisation's name as a name (« Ensemble contre la traite des êtres humains » in a
    // signature is no paragraph on trafficking); the ranking reads its words as written, which find the passages
    // that name it. Two readings, two retrievals, only for a paragraph that names one.
    // The ranking also leaves out the formulas of correspondence (formulas.ts): « considération distinguée » would find
    // passages on what must be « distinguished ». The gate reads their words (they are how office mail is told) beside
    // the passages the rest finds, unless the rest says enough by itself (`formlessWords`): then it reads the rest, as
    // the ranking does. A second retrieval only for a name.
    const withForm = analyse(text, opts.defaultPlan);
    const a = withForm.namesRead || withForm.formFound ? analyse(text, opts.defaultPlan, false, false) : withForm;
    // Without its formulas, names read as names (`a` is that reading when the paragraph names no organisation).
    const formless = settings.gateWithoutForm && withForm.formFound ? (withForm.namesRead ? analyse(text, opts.defaultPlan, true, false) : a) : undefined;
    const telling = (x: Analysis) => x.written.filter((s) => !isNumber(s)).length;
    const gate = formless && telling(formless) > (formless.formLeads ? settings.formlessLeadWords : settings.formlessWords) ? formless : withForm;
    const forWords = rankingOf(a);
    const forGate = a === gate || !gate.namesRead ? forWords : rankingOf(gate);
    const features = gateFeatures(gate, forGate.gateRanked);
    // A paragraph none of whose words is more the library's than ordinary French, that shares nothing weighed with the
    // best passages and holds no concept, gives the model nothing but ratios of nearly nothing (« Je fais. »: every word
    // it says is « reworded », 0.98): it is not about the library's subject. No line on topic of any set reads so. Nor
    // is one that says nothing more once its formulas are left out (« Je vous prie de croire… », « Merci pour cet
    // échange très constructif. », « Madame la Déléguée interministérielle, »).
    const evidenceless = (f: GateFeatures) => settings.evidenceFloor && f.language === 0 && f.retrieval === 0 && f.concepts === 0;
    // The gate reading the rest without its formulas is this reading: its features are already there.
    const onlyForm = a.formFound && (!a.stems.length || evidenceless(a === gate ? features : gateFeatures(a, forWords.gateRanked)));
    const p = gate.refs.length ? 1 : onlyForm || evidenceless(features) ? 0 : probability(settings.gateModel, features);
    // A short paragraph that names a term of the field (`shortTerm`, `shortConcept`) reads the ordinary threshold.
    const namesField = () => gate.evidence >= settings.shortConcept || (settings.shortTerm && index.thesaurus.namesTerm(gate.hits));
    const short = !gate.refs.length && telling(gate) <= settings.shortWords;
    // Without the gate (threshold 0), everything is answered, short or not.
    const t = threshold();
    // One word alone tells a subject only when it is the library's word (`loneWordLanguage`).
    const lone = short && telling(gate) === 1 && features.language < settings.loneWordLanguage;
    // A paragraph that is nearly a measure's title or a theme's label is how a letter heads its parts: it reads `labelGate`.
    const bar = t <= 0 ? t : namesLabel(a) ? Math.min(t, settings.labelGate) : lone ? Number.POSITIVE_INFINITY : !short || namesField() ? t : Math.max(t, settings.shortGate);
    return Object.freeze({ a, gate, ranking: forWords.ranking, features, probability: p, onTopic: !!a.stems.length && p >= bar });
  }

  /**
   * The ranking of an analysed paragraph, and the one the gate reads: with the rewordings at their base weight,
   * the one it was fitted on. Weighed more, they pick passages for the words they share with their rewordings,
   * and a removal van's « bras » and « camion » read as covered (blind office mail answered 4 → 5 of 240). Both
   * rankings come from one retrieval. The gate reads its five first (`gateFeatures`): its ranking is put in order only
   * as deep as word pairs reorder it (`phraseDepth`), the same five first as in full. The ranking itself is put in
   * order when first asked for: most are never (a quiet paragraph's, a sentence's read only for its verdict).
   */
  function rankingOf(a: Analysis): { ranking: () => { id: string; score: number }[]; gateRanked: { id: string; score: number }[] } {
    if (!a.stems.length) return { ranking: () => [], gateRanked: [] };
    const found = retrieve(a.stems, a.hits, a.refs, a.written);
    const rank = (scores: Candidates, depth?: number) => safety(byPhrases(a, rerank(scores, a.refs, a.concepts, depth)), found.lexicalBest, a.refs);
    let ranked: { id: string; score: number }[] | undefined;
    return { ranking: () => (ranked ??= rank(found.scores)), gateRanked: rank(found.gateScores ?? found.scores, gateDepth) };
  }
  /** How deep the gate's ranking must be in order for its five first to be those of the full ranking (`safety` included). */
  const gateDepth = Math.max(settings.phraseDepth, settings.lexicalSafetyRank + 1, GATE_READS);

  /**
   * Word pairs said in the same order by the paragraph and a passage are evidence no single
   * word gives: « personnes prostituées … victimes de traite » against passages that only
   * hold the words apart. The best candidates earn a bonus for them, weighted by how rare
   * the words are in the library, then are ordered again.
   */
  function byPhrases(a: Analysis, ranked: { id: string; score: number }[]) {
    if (!settings.phraseBoost || !a.pairs.size) return ranked;
    const pairs = pairIdsOf(a.pairs);
    const n = index.library.positions.length;
    const idf = (s: string) => Math.log(1 + n / (1 + index.df(s)));
    const head = ranked.slice(0, settings.phraseDepth).map((r) => {
      // Reading the passage costs more than asking the index whether it holds both words of a pair.
      const f = index.features.get(r.id);
      if (!f || !pairs.list.some(([x, y]) => sortedHas(f.stems, x) && sortedHas(f.stems, y))) return r;
      const sum = sharedPairs(pairs, index.byId.get(r.id)!, idf);
      return sum ? { id: r.id, score: r.score + settings.phraseBoost * Math.log(1 + sum) } : r;
    });
    head.sort((x, y) => y.score - x.score || compareIds(x.id, y.id));
    return [...head, ...ranked.slice(settings.phraseDepth)];
  }

  /**
   * The paragraph's decision, read sentence by sentence when it has several: an email's paragraph
   * often wraps one sentence on the subject in office mail (« Merci pour votre accueil jeudi. Comme
   * convenu, nous revenons sur le délai de réflexion… »), and read whole it is quiet or ranked by
   * its office words. A paragraph on topic read whole, with a sentence on topic by itself, is ranked on
   * its sentences at or above `focusDrop` only. A paragraph quiet read whole is answered when one of its
   * sentences reads `focusOpen` or more by itself: a short sentence of office mail can read high alone
   * (« Chiffres utiles pour la plaquette de sensibilisation. », 0.98), and blind office mail answered
   * went from 6 to 9 of 240 at 0.95, 12 at 0.85. Otherwise the paragraph whole decides.
   */
  function focus(text: string, opts: MatchOptions): Decision & { sentences: SentenceReading[] } {
    const sentences = settings.sentenceFocus ? splitSentences(text).map((s) => s.text) : [];
    if (sentences.length < 2) return { ...decide(text, opts), sentences: [] };
    const each = sentences.map((s) => decide(s, opts));
    const keep = (i: number) => each[i].probability >= settings.focusDrop;
    const readings = (read: (i: number) => boolean) => sentences.map((s, i) => ({ text: s, probability: each[i].probability, read: read(i) }));
    // The paragraph read whole costs one more search: read only when it decides, or when every sentence is kept.
    let whole: Decision | undefined;
    const wholeOf = () => (whole ??= decide(text, opts));
    const opens = each.some((d) => d.onTopic && d.probability >= settings.focusOpen);
    if (!each.some((d) => d.onTopic) || (!opens && !wholeOf().onTopic)) return { ...wholeOf(), sentences: readings(() => true) };
    // Read as on topic as its most telling sentence.
    const best = Math.max(...each.map((d) => d.probability));
    const kept = sentences.filter((_, i) => keep(i));
    const d = kept.length === sentences.length ? wholeOf() : kept.length === 1 ? each[sentences.indexOf(kept[0])] : decide(kept.join(' '), opts);
    return { ...d, onTopic: true, probability: Math.max(d.probability, best), sentences: readings(keep) };
  }

  function explain(text: string, opts: MatchOptions = {}): MatchExplanation {
    const d = focus(text, opts);
    return {
      onTopic: d.onTopic,
      probability: d.probability,
      threshold: threshold(),
      // Copies: the decision is remembered and shared by the next reads of the same text.
      features: { ...d.features },
      evidence: d.gate.evidence,
      concepts: [...d.gate.concepts],
      measureRefs: [...d.a.refs],
      stems: [...d.a.stems],
      sentences: d.sentences,
    };
  }

  function match(text: string, opts: MatchOptions = {}): MatchResult[] {
    return lookUp(text, opts).results;
  }

  /**
   * The results, whether the gate finds the paragraph on topic, and its probability of being so (with `gate: false`,
   * results either way).
   */
  function lookUp(text: string, opts: MatchOptions = {}): { results: MatchResult[]; onTopic: boolean; probability: number } {
    const k = opts.k ?? 5;
    const d = focus(text, opts);
    if (!d.onTopic && opts.gate !== false) return { results: [], onTopic: false, probability: d.probability };
    // A remark on a draft's wording (« ajouter à la phrase précitée : « … » ») carries the Collectif's
    // proposed words: shown, a little after an equal match, and copied with its citation, never inserted.
    const ranked = settings.draftRemarkPrior ? d.ranking() : d.ranking().filter((r) => !isDraftRemark(index.byId.get(r.id)!));
    const picked = settings.collapse ? collapse(ranked, k) : ranked.slice(0, k).map((r) => ({ ...r, members: [r.id] }));
    return { results: picked.map((r) => toResult(r.id, r.score, r.members, d.a.tokens, d.a.concepts)), onTopic: d.onTopic, probability: d.probability };
  }

  /**
   * Candidates and their evidence, channel by channel, each scaled to [0, 1] by its best
   * candidate so that the weights below mean what they say: the wording's own words (BM25),
   * the library's learned associations, and the share of the paragraph's concepts it holds.
   * Words and concepts too common to pick candidates only re-rank the best ones.
   */
  function retrieve(
    stems: string[],
    hits: ConceptHit[],
    refs: string[],
    written: string[] = stems,
  ): { scores: Candidates; gateScores?: Candidates; lexicalBest?: LexicalBest } {
    const merge = slotScores.start();
    // `keep`: only those hits count, still scaled by the best of all, so that the few passages of a small import do
    // not get a channel's full weight for one word they share with the paragraph.
    // The hits are read where the search keeps them (`FlatHits`); `hits` asks for a copy, for a caller that reads them
    // after the next search.
    const run = (terms: string[], opts: TermSearchOptions, weight: number, keep?: (slot: number) => boolean, hits?: Hits): void => {
      if (!terms.length || !weight) return;
      const all = index.scored(terms, opts);
      let best = 0;
      for (const slot of all.slots) best = Math.max(best, all.score(slot));
      for (const slot of all.slots) {
        if (keep && !keep(slot)) continue;
        const score = all.score(slot);
        merge.add(slot, weight * (best > 0 ? score / best : score));
        if (hits) {
          hits.slots.push(slot);
          hits.scores.push(score);
          hits.matched.push(all.matched(slot));
        }
      }
    };
    // Typo tolerance only for words the library does not know: fuzzy search is the costly part.
    const fuzzy = settings.fuzzy ? (t: string) => (t.length >= 6 && t.length <= LONGEST_WORD && index.df(t) === 0 ? 0.2 : false) : undefined;
    const { rare, common } = splitByRarity(stems);
    // The same pass gives plain BM25's best, words counted as MiniSearch counts them (`safety`).
    let lexicalBest: SlotHit | undefined;
    let lexicalScore = 0;
    // The rewordings' evidence, each candidate's share scaled to [0, 1], added last at this paragraph's weight: slots
    // and values side by side.
    const rewordedSlots: number[] = [];
    const rewordedValues: number[] = [];
    let boost = settings.rewordingBoost;
    const lexical: Hits = { slots: [], scores: [], matched: [] };
    run(rare, { fuzzy, fuzzyWeight: 0.3, coordination: settings.coordination }, 1, undefined, lexical);
    for (let i = 0; i < lexical.slots.length; i++) {
      const asMiniSearch = lexical.scores[i] * lexical.matched[i] ** (1 - settings.coordination);
      if (asMiniSearch > lexicalScore) [lexicalBest, lexicalScore] = [{ slot: lexical.slots[i], score: lexical.scores[i], matched: lexical.matched[i] }, asMiniSearch];
    }
    // The share of the words the paragraph writes (acronyms not spelled out) that this best passage holds:
    // read by `safety` and by the rewordings' weight below.
    const words = written.filter((s) => !isNumber(s));
    const lexicalPassage = lexicalBest && index.features.get(index.vocab.slotIds[lexicalBest.slot]!)!;
    let share = 0;
    if (lexicalPassage && words.length) {
      for (const s of words) if (index.hasStem(lexicalPassage, s)) share++;
      share /= words.length;
    }
    const lexicalFound = lexicalBest && { slot: lexicalBest.slot, share, words: words.length };
    if (settings.synonymBoost) {
      const extra = [...new Set(stems.flatMap(synonymsOf))].filter((s) => !stems.includes(s) && index.df(s) <= commonLimit());
      run(extra, {}, settings.synonymBoost);
    }
    // Everyday words read as the library's words (translations.ts), for the passages without rewordings of their own
    // (imported after the rewordings were written): a reworded passage is found by its rewordings' own words.
    const own = rewordingSearchOf(settings.rewordings);
    if (settings.translationBoost && someUnreworded(own)) {
      const extra = [...new Set(stems.flatMap((s) => settings.translations[s] ?? []))].filter((s) => !stems.includes(s) && index.df(s) <= commonLimit());
      run(extra, {}, settings.translationBoost, (slot) => !own.covers(index.vocab.slotIds[slot]!));
    }
    // Everyday rewordings find the passage they reword (rewordings.ts); passages no longer indexed are skipped.
    // Passages without rewordings are searched with those they borrow (borrowed.ts), on the same scale.
    if (settings.rewordingBoost) {
      // How much of the paragraph the best passage by its own words holds, or how much of that passage the
      // paragraph holds (a position quoted in a longer email), sets how far the rewordings are trusted.
      let said = 0;
      if (lexicalPassage && words.length) {
        const mine = new Set(stems.map((s) => index.vocab.ids.get(s)));
        let quoted = 0;
        for (const id of lexicalPassage.stems) if (mine.has(id)) quoted++;
        said = Math.max(settings.rewordingLexicalAt > 0 ? share / settings.rewordingLexicalAt : 1, lexicalPassage.stems.length ? quoted / lexicalPassage.stems.length : 0);
      }
      // A named measure (« Où en est la mesure 4 bis ? ») says what the paragraph is about in the fewest words:
      // weighed more, the rewordings of other measures' passages that say « bis » went ahead of it.
      if (refs.length) said = 1;
      // (Exactly the base weight once the words are said: the gate's candidates are then the ranking's.)
      if (said < 1) boost = settings.rewordingBoostParaphrase + (settings.rewordingBoost - settings.rewordingBoostParaphrase) * said;
      const lent = settings.borrowBoost ? borrowedOf() : undefined;
      const search = lent?.search ?? own;
      const read = rewordingSlotsOf(search, lent?.weight);
      let best = 0;
      const found = search.scoredSlots(stems.filter((s) => !isNumber(s)));
      for (const at of found.slots) {
        const slot = read.slot[at];
        if (slot < 0) continue;
        // What a passage borrows counts as much as its neighbours are close (borrowed.ts); the best counts as weighed.
        const lentWeight = read.lent[at];
        const score = Number.isNaN(lentWeight) ? found.score(at) : found.score(at) * lentWeight * settings.borrowBoost;
        best = Math.max(best, score);
        rewordedSlots.push(slot);
        rewordedValues.push(score);
      }
      for (let i = 0; i < rewordedValues.length; i++) rewordedValues[i] /= best;
      if (settings.rewordingSelf || settings.draftRemarkSelf) {
        let top = 0;
        for (const score of lexical.scores) top = Math.max(top, score);
        for (let i = 0; i < lexical.slots.length; i++) {
          const standIn = ownWordsStandIn(lexical.slots[i], own);
          if (standIn) {
            rewordedSlots.push(lexical.slots[i]);
            rewordedValues.push((standIn * lexical.scores[i]) / top);
          }
        }
      }
    }
    if (settings.useAssociations) {
      const extra = [...new Set(rare.flatMap((s) => index.associations.get(s) ?? []))].filter((s) => !stems.includes(s));
      run(extra, {}, settings.associationBoost);
    }
    // Concepts: the share of the paragraph's concepts (weighted by strength and rarity) a passage holds.
    // Concepts a large part of the library carries (« traite ») only order the candidates, like common words.
    const conceptWeight = conceptWeights(hits);
    const n = index.library.positions.length;
    const limit = commonLimit();
    let total = 0;
    const w = new Map([...conceptWeight].map(([c, v]) => [c, v * Math.log(1 + n / Math.max(1, index.conceptDf(c)))]));
    for (const v of w.values()) total += v;
    const commonConcepts: { holders: Uint8Array; share: number }[] = [];
    if (w.size && settings.conceptBoost) {
      const shares = slotScores.concepts();
      for (const [c, v] of w) {
        if (index.conceptDf(c) > limit) commonConcepts.push({ holders: conceptHoldersOf(c), share: v / total });
        else for (const slot of index.conceptPostings.get(c) ?? []) shares.add(slot, v / total);
      }
      shares.each((slot, share) => merge.add(slot, settings.conceptBoost * share));
    }
    const idf = (t: string) => Math.log(1 + (n - index.df(t) + 0.5) / (index.df(t) + 0.5));
    const commonTerms = common.map((c) => {
      const id = index.vocab.ids.get(c);
      return { holders: id === undefined ? undefined : holdersOf(id), idf: idf(c) };
    });
    let commonIdf = 0;
    for (const c of commonTerms) commonIdf += c.idf;
    // A candidate's bonus depends on the candidate alone: the second ranking below reuses the first's.
    const bonuses = slotScores.bonuses();
    const finish = (): Candidates => {
      const slots = merge.topSlots(settings.candidates);
      const values: number[] = [];
      for (const slot of slots) {
        if (!bonuses.has(slot)) {
          let bonus = 0;
          if (commonIdf > 0) {
            let got = 0;
            for (const c of commonTerms) if (c.holders?.[slot]) got += c.idf;
            bonus += (settings.commonWordBoost * got) / commonIdf;
          }
          for (const c of commonConcepts) if (c.holders[slot]) bonus += settings.conceptBoost * c.share;
          bonuses.add(slot, bonus);
        }
        values.push(merge.value(slot) + bonuses.value(slot));
      }
      // A named measure brings its positions in even when they share no word with the paragraph.
      if (refs.length) {
        const has = new Set(slots);
        for (const id of positionsOf(refs)) {
          const slot = index.features.get(id)?.slot;
          if (slot !== undefined && !has.has(slot)) {
            slots.push(slot);
            values.push(0);
          }
        }
      }
      return { slots, values };
    };
    // The rewordings at their base weight first: the candidates the gate reads, when this paragraph weighs them more.
    for (let i = 0; i < rewordedSlots.length; i++) merge.add(rewordedSlots[i], settings.rewordingBoost * rewordedValues[i]);
    if (boost === settings.rewordingBoost) return { scores: finish(), lexicalBest: lexicalFound };
    const gateScores = finish();
    for (let i = 0; i < rewordedSlots.length; i++) merge.add(rewordedSlots[i], (boost - settings.rewordingBoost) * rewordedValues[i]);
    return { scores: finish(), gateScores, lexicalBest: lexicalFound };
  }

  /**
   * How much a passage's own words stand in for the rewordings it lacks: `rewordingSelf` for one
   * imported after the rewordings were written, `draftRemarkSelf` for a draft remark without
   * rewordings, 0 for a reworded passage. Read by slot for every lexical hit of every
   * query: cached (slots are never reused; the rewordings are fixed for this matcher).
   */
  const standsIn: (number | undefined)[] = [];
  function ownWordsStandIn(slot: number, search: RewordingSearch): number {
    let v = standsIn[slot];
    if (v === undefined) {
      const id = index.vocab.slotIds[slot]!;
      v = standsIn[slot] = search.covers(id) ? 0 : isDraftRemark(index.byId.get(id)!) ? settings.draftRemarkSelf : settings.rewordingSelf;
    }
    return v;
  }

  /** Does the library hold a passage without rewordings of its own (one imported later)? Once per state of the library. */
  let unreworded: { library: Library; some: boolean } | undefined;
  function someUnreworded(own: RewordingSearch): boolean {
    if (unreworded?.library !== index.library) unreworded = { library: index.library, some: index.library.positions.some((p) => !own.covers(p.id)) };
    return unreworded.some;
  }

  /** Changes whenever the library does (a slot handed out or a passage removed): what the tables below are kept by. */
  /**
   * A table built from the library, kept while the library does not change (a slot handed out or a passage removed):
   * built again once after an import or a removal, not at every read.
   */
  function keptWhileLibrary<T>(build: () => T): () => T {
    let kept: { state: string; value: T } | undefined;
    return () => {
      const state = `${index.vocab.nextSlot}/${index.vocab.count}`;
      if (kept?.state !== state) kept = { state, value: build() };
      return kept.value;
    };
  }

  /**
   * Words the library says almost only right after one other word (`BOUND_SHARE` of at least `BOUND_MIN` times): in the
   * shipped library « humains », after « êtres » 186 times of 201 (« ressources humaines », « droits humains » the
   * others). Read from the passages' words in reading order, per state of the library.
   */
  const boundStems = keptWhileLibrary(() => {
    // A word bound to another has it before it more than half the time: the majority vote (Boyer and Moore) finds that
    // one candidate per word in one pass, a second counts it; typed arrays: 8 ms for the 18,760 passages of twenty
    // times the library (once per state of the library).
    const size = index.vocab.stems.length;
    const count = new Int32Array(size);
    const candidate = new Int32Array(size).fill(-1);
    const votes = new Int32Array(size);
    const sequences = [...index.features.values()].map((f) => f.sequence);
    for (const seq of sequences) {
      for (let i = 0; i < seq.length; i++) {
        const id = seq[i]!;
        count[id]!++;
        if (!i) continue;
        if (candidate[id] === seq[i - 1]) votes[id]!++;
        else if (votes[id] === 0) {
          candidate[id] = seq[i - 1]!;
          votes[id] = 1;
        } else votes[id]!--;
      }
    }
    const after = new Int32Array(size);
    for (const seq of sequences) for (let i = 1; i < seq.length; i++) if (candidate[seq[i]!] === seq[i - 1]) after[seq[i]!]!++;
    const bound = new Map<string, string>();
    const stems = index.vocab.stems;
    for (let id = 0; id < size; id++) if (count[id]! >= BOUND_MIN && after[id]! >= BOUND_SHARE * count[id]!) bound.set(stems[id]!, stems[candidate[id]!]!);
    return bound;
  });


  /**
   * The positions of each measure, in library order, rather than looked for in every position twice a sentence when a
   * paragraph names a measure.
   */
  const measurePositions = keptWhileLibrary(() => {
    const ids = new Map<string, string[]>();
    for (const p of index.library.positions) for (const m of new Set(p.measures)) (ids.get(m) ?? ids.set(m, []).get(m)!).push(p.id);
    return ids;
  });
  function positionsOf(refs: readonly string[]): string[] {
    const ids = measurePositions();
    if (refs.length === 1) return ids.get(refs[0]) ?? [];
    return [...new Set(refs.flatMap((m) => ids.get(m) ?? []))];
  }

  /**
   * Which slots hold a stem, one byte a slot, for the common words (in more than `commonShare` of the library) whose
   * bonus every candidate is checked for: three hundred candidates a ranking, searched for in each passage's stems,
   * were a seventh of a pasted paragraph's time. Built from the stem's postings when first asked; only common words
   * are asked for, a few dozen at most.
   */
  const holding = keptWhileLibrary(() => new Map<number, Uint8Array>());
  const holdersOf = (stemId: number) => slotBytes(holding(), stemId, () => index.vocab.postings[stemId]);

  /**
   * The same for the common concepts (in more than `commonShare` of the library, « traite »): whether a candidate
   * carries one was searched for in its concept list, three hundred candidates a ranking, a thirteenth of a pasted
   * paragraph's time at twenty times the library.
   */
  const conceptHolding = keptWhileLibrary(() => new Map<string, Uint8Array>());
  const conceptHoldersOf = (concept: string) => slotBytes(conceptHolding(), concept, () => index.conceptPostings.get(concept) ?? []);

  /** One byte a slot, 1 for the `slots` given, built when `key` is first asked for and kept in `kept`. */
  function slotBytes<K>(kept: Map<K, Uint8Array>, key: K, slots: () => Iterable<number>): Uint8Array {
    let bytes = kept.get(key);
    if (!bytes) {
      bytes = new Uint8Array(index.vocab.nextSlot);
      for (const slot of slots()) bytes[slot] = 1;
      kept.set(key, bytes);
    }
    return bytes;
  }

  /** What passages without rewordings borrow from their neighbours (borrowed.ts): once per import, not per query. */
  const borrowed = keptWhileLibrary(() => {
    const own = rewordingSearchOf(settings.rewordings);
    const b = borrowRewordings(index, settings.rewordings, (id) => settings.draftRemarkSelf > 0 || !isDraftRemark(index.byId.get(id)!), commonLimit());
    // Nothing borrowed (the shipped library alone): no copy of the rewordings' search is kept.
    return { search: b.weight.size ? own.lend(b.from) : own, weight: b.weight };
  });
  function borrowedOf(): { search: RewordingSearch; weight: Map<string, number> } | undefined {
    const b = borrowed();
    return b.weight.size ? b : undefined;
  }

  /**
   * A rewording search read by its slots: for each, the index slot of the passage it rewords (−1: not indexed, removed
   * since) and, where the passage borrows (`weight`), how much that counts (NaN: its own rewordings). A sentence brings
   * thousands of hits at twenty times the library; read by passage id, each cost a lookup in two maps. Built once per
   * search and state of the library (two arrays of 12 bytes a slot together, about 220 KiB at twenty times).
   */
  const rewordingSlots = keptWhileLibrary(() => new Map<RewordingSearch, { slot: Int32Array; lent: Float64Array }>());
  function rewordingSlotsOf(search: RewordingSearch, weight: ReadonlyMap<string, number> | undefined) {
    const kept = rewordingSlots();
    let read = kept.get(search);
    if (!read) {
      const slot = new Int32Array(search.slots).fill(-1);
      const lent = new Float64Array(search.slots).fill(NaN);
      for (let s = 0; s < search.slots; s++) {
        const id = search.passageAt(s);
        if (id === undefined) continue;
        const f = index.features.get(id);
        if (f) slot[s] = f.slot;
        const w = weight?.get(id);
        if (w !== undefined) lent[s] = w;
      }
      kept.set(search, (read = { slot, lent }));
    }
    return read;
  }

  /**
   * Above this many passages a word or a concept is too common to pick candidates. In a large
   * library a word in hundreds of passages no longer does either: what it costs to score grows
   * with the library, what it tells does not. In a library of a few passages (a test's, a first
   * import read alone) a share means nothing: a word in one passage of two still picks it.
   */
  function commonLimit(): number {
    return Math.min(Math.max(index.library.positions.length * settings.commonShare, COMMON_FLOOR), settings.commonMax);
  }

  function splitByRarity(stems: string[]): { rare: string[]; common: string[] } {
    const limit = commonLimit();
    const rare = stems.filter((s) => index.df(s) <= limit);
    const common = stems.filter((s) => index.df(s) > limit);
    return { rare, common };
  }

  /** A concept found through a strong, specific expression weighs more than one found through a generic word. */
  function conceptWeights(hits: ConceptHit[]): Map<string, number> {
    const w = new Map<string, number>();
    for (const h of hits) {
      const c = index.thesaurus.concepts.get(h.concept);
      if (!c) continue;
      const v = STRENGTH_WEIGHT[c.strength] * (h.generic ? GENERIC_FACTOR : 1);
      w.set(h.concept, Math.max(w.get(h.concept) ?? 0, v));
    }
    return w;
  }

  /**
   * How much of what a passage is about the paragraph is about too: the weighted Jaccard of
   * their concepts, each weighted by its rarity in the library. Of two passages holding the
   * paragraph's concepts, the one that says only that ranks above the one that also says five
   * other things.
   */
  function conceptFocus(inParagraph: Uint8Array, concepts: PassageConcepts, slot: number, paragraphWeight: number): number {
    let shared = 0;
    let union = paragraphWeight;
    const { numbers, weight } = concepts;
    for (let i = concepts.start[slot], end = concepts.start[slot + 1]; i < end; i++) {
      const c = numbers[i];
      if (inParagraph[c]) shared += weight[c];
      else union += weight[c];
    }
    return union ? shared / union : 0;
  }

  /**
   * What re-ranking reads of each passage, by slot: its concepts (by number) and position, and what its score is multiplied by
   * whatever the paragraph (1 where none applies): a long passage's discount, its author's prior, its factor as a hub
   * (((1 + hub) / 2) to the power −hubPenalty), a draft remark's prior. Looked up by id for each of three hundred
   * candidates twice a sentence, they were most of re-ranking's time. The four factors are applied one after the other,
   * so the scores are the same to the last bit (their product would round differently).
   */
  const passagesBySlot = keptWhileLibrary(() => {
    const slots = index.vocab.nextSlot;
    const positions: Position[] = [];
    const [length, author, hub, draft] = [0, 1, 2, 3].map(() => new Float64Array(slots).fill(1));
    // Each passage's concepts by number, one run after the other in slot order, for `conceptFocus` to read three hundred
    // candidates' twice a sentence without hashing their names or leaping across the heap; each concept's rarity in
    // the library (`rarity`), the weight `rerank` gives it.
    const conceptNumbers = new Map<string, number>();
    const weights: number[] = [];
    const bySlot: string[][] = [];
    for (const p of index.library.positions) {
      const f = index.features.get(p.id);
      if (!f) continue;
      positions[f.slot] = p;
      bySlot[f.slot] = f.concepts;
      // A long passage matches many things a little; past a few lines, it must earn its place.
      if (p.text.length > settings.longPassage) length[f.slot] = Math.pow(settings.longPassage / p.text.length, settings.lengthPenalty);
      author[f.slot] = settings.authorPrior[p.author];
      // A passage imported after the table was built counts as average (factor 1), as one that is no hub.
      const h = settings.hubs[p.id];
      if (settings.hubPenalty && h !== undefined) hub[f.slot] = Math.pow((1 + h) / 2, -settings.hubPenalty);
      if (isDraftRemark(p)) draft[f.slot] = settings.draftRemarkPrior || 1;
    }
    const start = new Int32Array(slots + 1);
    const numbers: number[] = [];
    for (let slot = 0; slot < slots; slot++) {
      start[slot] = numbers.length;
      for (const c of bySlot[slot] ?? []) {
        let k = conceptNumbers.get(c);
        if (k === undefined) {
          conceptNumbers.set(c, (k = weights.length));
          weights.push(rarity(c));
        }
        numbers.push(k);
      }
    }
    start[slots] = numbers.length;
    const concepts: PassageConcepts = { start, numbers: Int32Array.from(numbers), weight: Float64Array.from(weights) };
    return { positions, concepts, conceptNumbers, length, author, hub, draft };
  });

  /** How rare a concept is in the library: the weight of its share in `conceptFocus`. */
  const rarity = (c: string) => Math.log(1 + index.library.positions.length / Math.max(1, index.conceptDf(c)));

  /** A measure key's number within its plan: « PAN2-16 » → « 16 ». */
  const numberOf = (key: string) => key.slice(key.indexOf('-') + 1);
  const numbersOf = (refs: readonly string[]) => new Set(refs.map(numberOf));

  /**
   * Whether a passage with these measures may answer a paragraph naming measures of these `numbers`: it has no
   * measure, or one of the same number. The number is what the paragraph says for sure; the plan is read from words a
   * slip can hide (« du deuwième plan »), so a passage on the same number in another plan is not pushed back.
   */
  function aboutNamed(measures: readonly string[], numbers: ReadonlySet<string>): boolean {
    return !measures.length || measures.some((m) => numbers.has(numberOf(m)));
  }

  /** The candidates re-ranked, best first; with `depth`, only that many first (the same as the full ranking's). */
  function rerank(candidates: Candidates, refs: string[], qConcepts: ReadonlySet<string>, depth = Number.POSITIVE_INFINITY): { id: string; score: number }[] {
    const { positions, concepts, conceptNumbers, length, author, hub, draft } = passagesBySlot();
    const focus = settings.conceptFocus && qConcepts.size > 0;
    let paragraphWeight = 0;
    const inParagraph = new Uint8Array(focus ? concepts.weight.length : 0);
    if (focus)
      for (const c of qConcepts) {
        paragraphWeight += rarity(c);
        const k = conceptNumbers.get(c);
        if (k !== undefined) inParagraph[k] = 1;
      }
    const { slots, values } = candidates;
    const numbers = numbersOf(refs);
    // Scores first, side by side with the slots: objects only for those returned.
    const scores = new Float64Array(slots.length);
    for (let i = 0; i < slots.length; i++) {
      const slot = slots[i];
      let score = values[i];
      if (focus) score += settings.conceptFocus * conceptFocus(inParagraph, concepts, slot, paragraphWeight);
      if (refs.length) {
        const measures = positions[slot].measures;
        if (measures.some((m) => refs.includes(m))) score += settings.measureBoost;
        else if (!aboutNamed(measures, numbers)) score *= settings.otherMeasureFactor;
      }
      // Multiplied left to right, one factor after the other as `passagesBySlot` says: the same score to the last bit.
      scores[i] = score * length[slot] * author[slot] * hub[slot] * draft[slot];
    }
    // Those at or above the score of the `depth`-th, ties at its score all kept, then put in order: the same first ones.
    const all = slots.length <= depth;
    const least = all ? 0 : nthSmallest(scores.slice(), slots.length - depth);
    const out: { id: string; score: number }[] = [];
    for (let i = 0; i < slots.length; i++) if (all || scores[i] >= least) out.push({ id: positions[slots[i]].id, score: scores[i] });
    out.sort((x, y) => y.score - x.score || compareIds(x.id, y.id));
    return out.length > depth ? out.slice(0, depth) : out;
  }

  /**
   * One result per cluster of near-identical wordings, keeping the members' citations. It shows the best-placed
   * member's wording, unless that is a member association's and the cluster holds the Collectif's own: the same words
   * given to the Collectif (a report's synthesis) are the ones to put in a letter, not « M. X rappelle que … ».
   */
  function collapse(ranked: readonly { id: string; score: number }[], k: number) {
    const taken = new Set<number>();
    const out: { id: string; score: number; members: string[] }[] = [];
    for (const r of ranked) {
      const c = index.features.get(r.id)!.cluster;
      if (taken.has(c)) continue;
      if (out.length >= k) break;
      const members = index.clusters[c] ?? [r.id];
      taken.add(c);
      out.push({ ...r, id: shownMember(r.id, members, ranked), members });
    }
    return out;
  }

  function shownMember(best: string, members: readonly string[], ranked: readonly { id: string }[]): string {
    if (members.length < 2 || index.byId.get(best)!.author !== 'association') return best;
    const own = members.filter((m) => index.byId.get(m)!.author === 'collectif');
    if (!own.length) return best;
    return ranked.find((r) => own.includes(r.id))?.id ?? own[0];
  }

  function toResult(id: string, score: number, members: string[], qTokens: Token[], qConcepts: ReadonlySet<string>): MatchResult {
    const p = index.byId.get(id)!;
    const qStems = new Set(qTokens.map((t) => t.stem));
    const { tokens, hits } = detailed(p);
    const ranges: [number, number][] = [];
    const words = new Set<string>();
    for (const t of tokens) {
      // « souvent », « faire » match too, but highlighting them tells the reader nothing.
      if (qStems.has(t.stem) && !everyday.isEveryday(t.stem, 1500)) {
        ranges.push([t.start, t.end]);
        words.add(p.text.slice(t.start, t.end));
      }
    }
    const shared: string[] = [];
    if (qConcepts.size) {
      for (const h of hits) {
        if (!qConcepts.has(h.concept)) continue;
        if (!shared.includes(h.concept)) shared.push(h.concept);
        const start = tokens[h.start].start;
        const end = tokens[h.end - 1].end;
        ranges.push([start, end]);
        words.add(p.text.slice(start, end));
      }
    }
    // The library's own citations of this wording first (duplicates merged at build), then those of near-identical
    // wordings; each with the words it has at its place when they are not quite the ones shown.
    const citations = placesOf(p, members.filter((m) => m !== id).map((m) => index.byId.get(m)!));
    return {
      ...p,
      score: Math.round(score * 1000) / 1000,
      matched: [...words],
      concepts: shared,
      highlights: mergeRanges(ranges),
      citations,
    };
  }

  /** Drops what the matcher remembers (readings and typos): the bench's typing row starts each paragraph as new. */
  function forget(): void {
    decisions.clear();
    slips.clear();
  }

  /** The near-identical wordings of a position, itself among them (`[id]` when it has none, `[]` when it is not indexed). */
  function twins(id: string): readonly string[] {
    const f = index.features.get(id);
    if (!f) return [];
    return index.clusters[f.cluster] ?? [id];
  }

  return { match, lookUp, explain, forget, twins };
}

export type Matcher = ReturnType<typeof createMatcher>;

/** How many of the best candidates the gate's features read: the first three, and the fifth's score (`separation`). */
const GATE_READS = 5;

/** A paragraph's word pairs by stem id (`pairIdsOf`). */
interface PairIds {
  /** `first * base + second`, `base` the number of stems the index knew when they were read. */
  keys: Set<number>;
  base: number;
  /** Each pair's two stem ids. */
  list: [number, number][];
}

/** A search's hits copied out, side by side (`retrieve`'s lexical channel, read after the next search). */
interface Hits {
  slots: number[];
  scores: number[];
  matched: number[];
}

/** Each slot's concepts by number: those of slot `s` are `numbers[start[s]]` to `numbers[start[s + 1] - 1]`; `weight` by number. */
interface PassageConcepts {
  start: Int32Array;
  numbers: Int32Array;
  weight: Float64Array;
}

/**
 * Scores added up by slot while retrieval's channels merge: typed arrays reused by every
 * query (a stamp says which slots the current query touched, so nothing is cleared). Of equal
 * scores at the edge of the candidates, the first slots go on, whatever order the channels met
 * them in (they may list their hits unsorted).
 */
export function createSlotScores(index: Pick<SearchIndex, 'vocab'>) {
  let stamp = 0;
  const accumulator = () => {
    let values = new Float64Array(0);
    let seen = new Int32Array(0);
    let query = 0;
    const order: number[] = [];
    // The scores of `order`, copied for the partial sort of `topSlots` (reused from one paragraph to the next).
    let scratch = new Float64Array(0);
    return {
      reset(q: number) {
        const n = index.vocab.nextSlot;
        if (values.length < n) {
          values = new Float64Array(Math.max(n, values.length * 2));
          seen = new Int32Array(values.length);
        }
        query = q;
        order.length = 0;
      },
      add(slot: number, v: number) {
        if (seen[slot] !== query) {
          seen[slot] = query;
          values[slot] = 0 + v;
          order.push(slot);
        } else values[slot] = values[slot] + v;
      },
      each(f: (slot: number, v: number) => void) {
        for (const slot of order) f(slot, values[slot]);
      },
      /** Did this query touch the slot? */
      has(slot: number): boolean {
        return seen[slot] === query;
      },
      /** The score of a slot this query touched. */
      value(slot: number): number {
        return values[slot];
      },
      topSlots,
    };
    /** The slots of the `k` best, in the order first met, without sorting them all. */
    function topSlots(k: number): number[] {
      const out: number[] = [];
      let threshold = -Infinity;
      if (order.length > k) {
        if (scratch.length < order.length) scratch = new Float64Array(Math.max(order.length, scratch.length * 2));
        for (let i = 0; i < order.length; i++) scratch[i] = values[order[i]];
        threshold = nthSmallest(scratch.subarray(0, order.length), order.length - k);
      }
      // Those above the k-th score, then those equal to it by slot (the order the library was indexed in), so that
      // which of equal candidates go on does not depend on the order the channels met them.
      const equal: number[] = [];
      for (const slot of order) {
        if (values[slot] > threshold) out.push(slot);
        else if (values[slot] === threshold) equal.push(slot);
      }
      if (equal.length > k - out.length) equal.sort((x, y) => x - y);
      for (const slot of equal) {
        if (out.length === k) break;
        out.push(slot);
      }
      return out;
    }
  };
  const merged = accumulator();
  const shares = accumulator();
  const bonuses = accumulator();
  return {
    start() {
      merged.reset(++stamp);
      return merged;
    },
    concepts() {
      shares.reset(++stamp);
      return shares;
    },
    /** Each candidate's bonus, for the second ranking of the same paragraph to read back. */
    bonuses() {
      bonuses.reset(++stamp);
      return bonuses;
    },
  };
}

/** `localeCompare` without its per-call cost: the same default collation. */
const compareIds = new Intl.Collator().compare;

/** The value at place `n` (from 0) of the values sorted ascending, found without sorting them all (reorders `a`). */
function nthSmallest(a: Float64Array, n: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (n <= j) hi = j;
    else if (n >= i) lo = i;
    else return a[n];
  }
  return a[n];
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Wording a user may insert as the Collectif's: never CNCDH or government text. */
export function insertable(r: Pick<MatchResult, 'author'>): boolean {
  return isOurs(r.author);
}
