/**
 * Looking a position up, as the side panel's search box and the browse-by-measure view do:
 * - a measure reference (« mesure 5 », « 4 bis ») lists that measure's positions; one no plan holds (« mesure 30 »)
 *   lists nothing and is named (`unknownMeasures`);
 * - a date with nothing but words for a meeting or a document (« réunion du 24 juin 2014 ») lists the positions of the
 *   sources of that day or month (dateRefs.ts), a year those of that year when it has some (« 2022 »); beside other
 *   words, the sources are only named (`sources`) and the other words are the look-up;
 * - a short look-up (a name, an acronym, a few words) matches **whole words**: « ASE » finds the
 *   word ASE and « aide sociale à l'enfance », never « basées » or « phase »; a longer word also
 *   finds the words it begins (« prostitu » → « prostitution ») and its inflections (same stem); a person named in full
 *   (« Geneviève Colas ») also finds the passages naming them by surname (« Mme Colas »); a speaker named beside a
 *   subject (« qu'a dit Mme Sauneron sur la prostitution ? ») gives their words only, the closest first (`speakers`);
 *   only when no word matches does Fuse.js forgive a typo (never in a figure: « 2025 » is not « 2024 »), on a bounded
 *   query and a time budget;
 *   when that finds nothing either, the matching engine reads the look-up for its sense (« examens osseux » finds the
 *   passage on « tests osseux » through the thesaurus, « logement » one on « hébergement »): its best few passages,
 *   `via: 'related'`, and nothing when it finds the look-up off the library's subject;
 * - a longer text is a paragraph and goes through the matching engine; asked for, it is answered
 *   even where the suggestions' gate would stay quiet, with `offTopic` said.
 * Filters (measure, theme, author, source, period) apply to all of them; near-identical wordings the filters keep are one
 * hit, as they are one suggestion; results can be sorted by relevance or by date, and the total is counted before the
 * page is cut (`offset`, `limit`).
 *
 * The fuzzy search is bounded by design (issue 12): Fuse's cost grows with the pattern's length
 * times the library's, so the query that reaches it is cut (`FUZZY_MAX_WORD`, `FUZZY_MAX_CHARS`),
 * the library is searched in slices, and the slices stop once `FUZZY_BUDGET_MS` is spent.
 */
import Fuse from 'fuse.js';
import { defaultAcronymExpander, type AcronymExpander } from './acronyms';
import type { Matcher, MatchResult } from './match';
import { dateRefs, sourcesOn, type DateRef } from './dateRefs';
import { measureRefs } from './measureRefs';
import { oneSlipApart } from './idioms';
import { analyzeWithSurface, fold, foldedWords, isStopWord, type Token } from './normalise';
import { byPlanAndNumber, isAuthorsOwnBody, isOurs, type AuthorId, type CncdhStatus, type Library, type Position } from '../library/schema';
import { mergeTwins } from '../library/twins';
import { sourcesNaming } from '../library/story';
import { createEnglishReader } from './english';
import { SHIPPED_CONCEPTS } from './concepts';

export interface SearchQuery {
  /** What the user typed; empty lists the filtered positions in library order. */
  text?: string;
  measure?: string;
  theme?: string;
  /** `ours`: only the Collectif's and its members' wording. */
  authors?: 'ours' | 'all' | AuthorId;
  /** Only this source's positions. */
  sourceId?: string;
  /** Period, inclusive, as ISO dates or their prefixes (« 2014 », « 2014-06 »). */
  from?: string;
  to?: string;
  /** `relevance` (default) or `date` (most recent first). */
  sort?: 'relevance' | 'date';
  /** The page: `limit` hits from `offset` (« Voir plus » asks for the next ones). */
  offset?: number;
  limit?: number;
  /**
   * Asked again by the user (« Chercher quand même… »): a short look-up's passages related by sense are listed whatever
   * the gate's probability, with `offTopic` said when it is under `RELATED_PROBABILITY`.
   */
  anyway?: boolean;
}

export interface SearchHit {
  position: Position;
  /** Character ranges of the wording that matched the look-up, whole words. */
  highlights: [number, number][];
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many positions answer the query in all (the page shows `hits`). */
  total: number;
  /** The measures the text named (« mesure 4 bis »), for the panel to show their title and status. */
  measures?: string[];
  /** The sources dated on a day or in a month the text named (« réunion du 24 juin 2014 »), for the panel to name them. */
  sources?: string[];
  /**
   * The CNCDH evaluation's status the look-up asked for (« mesures non mises en œuvre »): `measures` are the measures it
   * gave that status, the hits their positions.
   */
  measureStatus?: CncdhStatus;
  /**
   * The look-up was typed in English and read as this French (« housing » → « hébergement »; english.ts): the panel
   * says so.
   */
  readAs?: string;
  /** Those sources were named by their title (« compte rendu réunion Borne »), not by a date. */
  sourcesNamed?: boolean;
  /**
   * Those sources are the meetings with those a question says the Collectif spoke to (« ce que nous avons demandé à
   * Matignon »), found by their title or their « where and with whom » line: the hits are within them.
   */
  sourcesAddressed?: boolean;
  /** When those sources are a year's (« 2022 », « hébergement 2022 »): that year, for the panel to say so. */
  sourcesYear?: string;
  /**
   * The speakers a question names (« ce que Mme Perrée a dit sur les mineurs », « qu'a dit Mme Perrée ? »), as the
   * library writes them (« Mme Vanessa Perrée »): the hits are their words only, the closest to the subject first when
   * the question names one (`via: 'speaker'`).
   */
  speakers?: string[];
  /**
   * The body a question asks for (« qu'a répondu le gouvernement sur les mineurs ? », « que recommande la CNCDH sur
   * l'indemnisation ? »): the hits are its words only, context the panel labels as such.
   */
  author?: 'gouvernement' | 'cncdh';
  /** A question asked for all the Collectif's positions (« quelles sont nos priorités ? »): the hits are those. */
  oursAsked?: boolean;
  /** The organisations a question names (« qu'a dit Hors la rue sur les mineurs ? »): the hits are their words only. */
  organisations?: string[];
  /** The speakers' words are ranked by the subject the look-up names beside them (none: all their words, in order). */
  speakersBySubject?: boolean;
  /**
   * Measures the text named that no plan of the library holds (« mesure 30 », « mesure 5 du deuxième plan »), as keys
   * (`PAN1-30`): the panel says so. A short look-up naming only such measures lists nothing: its « 30 » would have found
   * « 30 jours », passages that are no measure 30.
   */
  unknownMeasures?: string[];
  /**
   * How the look-up was answered: words, a typo-tolerant search, passages related by sense when neither found a word
   * (the panel says so), a paragraph, a measure, a list.
   */
  via: 'words' | 'fuzzy' | 'related' | 'paragraph' | 'measure' | 'source' | 'speaker' | 'list';
  /** What the fuzzy search did, when it ran: to check it stays bounded. */
  fuzzy?: FuzzyWork;
  /**
   * A paragraph the suggestions would stay quiet on (the gate finds it off the library's subject):
   * asked for, it is answered anyway, and the panel says the closest passages may not fit.
   */
  offTopic?: boolean;
  /** A look-up read for its sense (no word of it in the library): the gate's probability that it is on the subject. */
  senseProbability?: number;
  /**
   * Passages related by sense were found but not listed, the look-up being unlikely on the library's subject: the panel
   * offers to list them anyway (`anyway`).
   */
  senseWithheld?: boolean;
}

export interface FuzzyWork {
  /** The pattern given to Fuse.js (after cutting). */
  pattern: string;
  /** Positions Fuse.js looked at, and whether the time budget stopped it before the end. */
  scanned: number;
  stopped: boolean;
}

/** Up to this many words, a look-up can be a question (« qu'avons-nous dit sur … », « qu'a dit Mme … sur … »). */
const SPEAKER_QUESTION_WORDS = 14;
/** Up to this many words, a look-up is a look-up; beyond, a paragraph (the engine). */
const SHORT_QUERY_WORDS = 5;
/** At most this many passages related by sense, when no word of a short look-up is in the library. */
export const RELATED_MAX = 8;
/** The gate's probability from which a short look-up gets passages related by sense (the suggestions ask 0.70). */
export const RELATED_PROBABILITY = 0.5;
/** A question asking for one body's words (`author`): its words among this many closest passages… */
const RELATED_POOL = 50;
/** … scored at least this share of the best. */
const RELATED_POOL_SHARE = 0.1;
/** A look-up longer than this is cut: nobody types more, and the selection menu hands up to 2,000. */
export const MAX_QUERY_CHARS = 2_000;
/** Fuse.js is given words of at most 32 characters (its bit-parallel limit)… */
export const FUZZY_MAX_WORD = 32;
/** …and at most this many characters in all. */
export const FUZZY_MAX_CHARS = 64;
/** Fuse.js stops taking new slices of the library once this is spent. */
export const FUZZY_BUDGET_MS = 150;
/** Positions per Fuse.js slice (the unit the time budget is checked at). */
const FUZZY_SLICE = 100;
/** Words this short, or written in capitals, match only as whole words (and their acronym's long form). */
const SHORT_WORD = 3;

interface Options {
  /** The clock the fuzzy budget is read from (tests advance it by hand). */
  now?: () => number;
  budgetMs?: number;
  acronyms?: AcronymExpander;
  /**
   * Analyses kept from one state of the library to the next: a search made for the library after an
   * import analyses only what changed on its first look-up, not every position again (1 s at 18,000 positions).
   */
  analyses?: Analyses;
}

/** A position's words as the look-up reads them, with the strings they were read from. */
interface Analysed {
  from: string;
  namesFrom: string;
  text: Token[];
  names: Token[];
}

/** What `createSearch` may keep of its analyses for the next search over a changed library (start with an empty Map). */
export type Analyses = Map<string, Analysed>;

/** One query word: what to find in a position's words. */
interface Term {
  word: string;
  stem: string;
  /** Only the same word (short words, acronyms), not the words it begins. */
  exact: boolean;
  /** Also the words it begins: it is no word of the library, so it is being typed (« prostitu »). */
  prefix: boolean;
  /** The acronym's long forms (or the acronym of a long form), as stem sequences. */
  phrases: string[][];
}

/** The body a look-up may find a passage by: its organisation, unless that is only the body its badge names. */
function namedBody(p: Position): string | undefined {
  return isAuthorsOwnBody(p) ? undefined : p.organisation;
}

export function createSearch(library: Library, matcher: Matcher, options: Options = {}) {
  const now = options.now ?? (() => Date.now());
  const budgetMs = options.budgetMs ?? FUZZY_BUDGET_MS;
  const acronyms = options.acronyms ?? defaultAcronymExpander();
  const measureKeys = new Set(library.measures.map((m) => m.key));
  const byId = new Map(library.positions.map((p) => [p.id, p]));
  const order = new Map(library.positions.map((p, i) => [p.id, i]));
  const readEnglish = createEnglishReader(SHIPPED_CONCEPTS);
  // Every word the library writes, folded, for telling a look-up in English from one in French (`readEnglish`).
  let written: Set<string> | undefined;
  const writtenWords = () => (written ??= new Set(library.positions.flatMap((p) => foldedWords(p.text))));
  // Given names of the people the sources list as present, by the first word of their surname (`withoutGivenNames`).
  let people: Map<string, Set<string>> | undefined;
  // The speakers of the library by the folded last word of their name (« perree » → « Mme Vanessa Perrée »).
  let speakersBySurname: Map<string, string[]> | undefined;

  /**
   * The speakers a look-up names, and the look-up without their names. A surname counts after a title (« Mme Perrée »),
   * after a given name (« Vanessa Perrée ») or written with its capital (« Perrée »): « ce qui soulage les victimes »
   * names no M. Soulage.
   */
  function speakersNamed(text: string): { speakers: string[]; rest: string } {
    if (!speakersBySurname) {
      speakersBySurname = new Map();
      for (const speaker of new Set(library.positions.flatMap((p) => (p.speaker ? [p.speaker] : [])))) {
        const words = speaker.split(/\s+/);
        const last = words[words.length - 1]!;
        // « les conseillers » is no one's name.
        if (words.length < 2 || !/^\p{Lu}/u.test(last)) continue;
        const key = fold(last);
        speakersBySurname.set(key, [...(speakersBySurname.get(key) ?? []), speaker]);
      }
    }
    const given = (people ??= givenNames(library.sources));
    const words = [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)];
    const found = new Set<string>();
    const cut: [number, number][] = [];
    words.forEach((m, i) => {
      const word = m[0].replace(/[.'’-]+$/, '');
      const speakers = speakersBySurname!.get(fold(word));
      if (!speakers) return;
      const before = words[i - 1] ? fold(words[i - 1]![0]).replace(/\.$/, '') : '';
      const title = TITLES.has(before);
      const givenName = given.get(fold(word).split(/[^\p{L}]+/u)[0]!)?.has(before) ?? false;
      if (!title && !givenName && !/^\p{Lu}/u.test(word)) return;
      for (const speaker of speakers) found.add(speaker);
      cut.push([title || givenName ? words[i - 1]!.index! : m.index!, m.index! + m[0].length]);
    });
    if (!found.size) return { speakers: [], rest: text };
    return { speakers: [...found], rest: withoutSpans(text, cut) };
  }
  // The library's organisations a question may name, as folded words (« hors la rue », « ac se »; « ecpat » too for
  // « ECPAT France »): those of four words at most, not the body the author's badge names (the CNCDH, the Collectif).
  let organisationNames: { organisation: string; words: string[] }[] | undefined;
  /** The organisations a look-up names, and the look-up without their names. */
  function organisationsNamed(text: string): { organisations: string[]; rest: string } {
    organisationNames ??= [...new Set(library.positions.flatMap((p) => (namedBody(p) ? [namedBody(p)!] : [])))].flatMap((organisation) => {
      const words = foldedWords(organisation);
      if (!words.length || words.length > 4) return [];
      const names = [{ organisation, words }];
      // « ECPAT » for « ECPAT France »; « La France » has no such short name (« la »).
      const short = words.slice(0, -1);
      if (words[words.length - 1] === 'france' && short.some((w) => w.length >= 4)) names.push({ organisation, words: short });
      return names;
    });
    const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)];
    const folded = words.map((m) => fold(m[0]));
    const found = new Set<string>();
    const cut: [number, number][] = [];
    for (let i = 0; i < words.length; i++) {
      const name = organisationNames.find((o) => o.words.every((w, j) => folded[i + j] === w));
      if (!name) continue;
      found.add(name.organisation);
      const last = words[i + name.words.length - 1]!;
      cut.push([words[i]!.index!, last.index! + last[0].length]);
      i += name.words.length - 1;
    }
    if (!found.size) return { organisations: [], rest: text };
    return { organisations: [...found], rest: withoutSpans(text, cut) };
  }

  // Analysed once, on the first look-up (the matcher has its own index; this one keeps offsets); what `options.analyses`
  // holds for a position with the same text and names is taken as it is.
  let analysed: Map<string, Analysed> | undefined;
  /** Every stem of the library: a query word that is one is a word (« traite »), not a beginning (« prostitu »). */
  const stems = new Set<string>();
  const analysis = () => {
    if (analysed) return analysed;
    const kept = options.analyses;
    analysed = new Map();
    for (const p of library.positions) {
      const namesFrom = [p.speaker, namedBody(p)].filter(Boolean).join(' ');
      let entry = kept?.get(p.id);
      if (entry?.from !== p.text || entry.namesFrom !== namesFrom) entry = { from: p.text, namesFrom, text: analyzeWithSurface(p.text), names: analyzeWithSurface(namesFrom) };
      for (const t of entry.text) stems.add(t.stem);
      analysed.set(p.id, entry);
    }
    if (kept) {
      kept.clear();
      for (const [id, entry] of analysed) kept.set(id, entry);
    }
    return analysed;
  };
  let slices: Fuse<Position>[] | undefined;
  const fuseSlices = () =>
    (slices ??= chunk(library.positions, FUZZY_SLICE).map(
      (part) =>
        new Fuse(part, {
          keys: [
            { name: 'text', weight: 1 },
            { name: 'speaker', weight: 0.6 },
            { name: 'organisation', weight: 0.6, getFn: (p: Position) => namedBody(p) ?? '' },
          ],
          includeMatches: true,
          includeScore: true,
          ignoreLocation: true,
          ignoreDiacritics: true,
          threshold: 0.3,
          minMatchCharLength: 3,
        }),
    ));

  function keep(q: SearchQuery) {
    return (p: Position) =>
      (!q.measure || p.measures.includes(q.measure)) &&
      (!q.theme || p.themes.includes(q.theme)) &&
      (!q.sourceId || p.sourceId === q.sourceId) &&
      (!q.from || p.date >= q.from) &&
      (!q.to || p.date.slice(0, q.to.length) <= q.to) &&
      (!q.authors || q.authors === 'all' || (q.authors === 'ours' ? isOurs(p.author) : p.author === q.authors));
  }

  function terms(text: string): Term[] {
    const seen = new Set<string>();
    const out: Term[] = [];
    // Typed in capitals (caps lock, a heading copied): « TITRE DE SÉJOUR » is no row of acronyms, each read whole
    // (« titres » missed); the acronyms the library knows still are.
    const words = text.match(/\p{L}{2,}/gu) ?? [];
    const shouted = words.filter((w) => w.length >= 4).length >= 2 && words.every((w) => w === w.toUpperCase());
    for (const token of analyzeWithSurface(text)) {
      const word = token.word.slice(0, FUZZY_MAX_WORD * 2);
      if (seen.has(word)) continue;
      seen.add(word);
      const surface = text.slice(token.start, token.end);
      const entry = acronyms.lookup(surface);
      const capitals = !shouted && surface.length >= 2 && surface === surface.toUpperCase() && /\p{Lu}/u.test(surface);
      const exact = word.length <= SHORT_WORD || capitals || entry !== undefined;
      analysis();
      const phrases = entry ? [entry.acronym, ...entry.expansions].map((form) => analyzeWithSurface(form).map((t) => t.stem)).filter((s) => s.length > 0) : [];
      out.push({ word, stem: token.stem, exact, prefix: !exact && !stems.has(token.stem), phrases });
    }
    return out;
  }

  /** Where `term` is in `tokens`: whole tokens (and whole long forms), as [start, end) ranges. */
  function find(term: Term, tokens: Token[]): [number, number][] {
    const ranges: [number, number][] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.word === term.word || (!term.exact && ((t.stem === term.stem && sameWord(t.word, term.word)) || (term.prefix && t.word.startsWith(term.word))))) {
        ranges.push([t.start, t.end]);
        continue;
      }
      for (const phrase of term.phrases) {
        if (phrase.length && phrase.every((stem, k) => tokens[i + k]?.stem === stem)) {
          ranges.push([t.start, tokens[i + phrase.length - 1].end]);
          break;
        }
      }
    }
    return ranges;
  }

  /** Every position holding every word: score, highlights. */
  function byWords(text: string, filter: (p: Position) => boolean): { position: Position; score: number; highlights: [number, number][] }[] {
    const wanted = terms(text);
    if (!wanted.length) return [];
    const found: { position: Position; score: number; highlights: [number, number][] }[] = [];
    for (const position of library.positions) {
      if (!filter(position)) continue;
      const { text: words, names } = analysis().get(position.id)!;
      let score = 0;
      const highlights: [number, number][] = [];
      for (const term of wanted) {
        const inText = find(term, words);
        if (inText.length) {
          // A word said several times weighs more, but not linearly; a long text must earn it.
          score += 1 + Math.log(inText.length) / 2;
          highlights.push(...inText);
        } else if (find(term, names).length) score += 0.8;
        else {
          score = 0;
          break;
        }
      }
      if (score > 0) found.push({ position, score: score / (1 + words.length / 200), highlights: merge(highlights) });
    }
    return found;
  }

  /** Typo-tolerant, bounded: a cut pattern, slices of the library, a time budget. */
  function fuzzy(text: string, filter: (p: Position) => boolean): { hits: { position: Position; score: number; highlights: [number, number][] }[]; work: FuzzyWork } {
    // The words that say something: « les gamins » looked for « les » too, and found 80 passages holding it.
    const telling = analyzeWithSurface(text.slice(0, FUZZY_MAX_CHARS * 4)).map((t) => text.slice(t.start, t.end));
    const pattern = (telling.length ? telling : text.split(/\s+/))
      .filter(Boolean)
      .slice(0, SHORT_QUERY_WORDS)
      .map((w) => w.slice(0, FUZZY_MAX_WORD))
      .join(' ')
      .slice(0, FUZZY_MAX_CHARS)
      .trim();
    const work: FuzzyWork = { pattern, scanned: 0, stopped: false };
    const typed = pattern.split(' ').map(fold);
    const hits: { position: Position; score: number; highlights: [number, number][] }[] = [];
    if (pattern.replace(/\s/g, '').length < SHORT_WORD + 1) return { hits, work };
    const all = fuseSlices(); // built once, before the clock starts: the budget is for searching
    const started = now();
    for (const slice of all) {
      if (now() - started > budgetMs) {
        work.stopped = true;
        break;
      }
      for (const r of slice.search(pattern)) {
        if (!filter(r.item)) continue;
        const ranges = (r.matches ?? []).filter((m) => m.key === 'text').flatMap((m) => m.indices.map(([a, b]) => [a, b + 1] as [number, number]));
        // Fuse matches letters anywhere: « facture » met « préfectures », « mutuelle » half a word. Only the words one
        // slip from a typed one count (`slipsApart`), and a passage needs one (or a speaker's or body's name).
        const words = wholeWords(r.item.text, ranges).filter(([a, b]) => {
          // A whole word runs over an elision or a hyphen (« d'hébergement », « peut-être »): each part is a word.
          const parts = fold(r.item.text.slice(a, b)).split(/['-]/);
          return parts.some((part) => typed.some((w) => slipsApart(part, w)));
        });
        // A speaker's or a body's name counts on the same terms: « 2022 » met « Dépêche du 8 février 2021 ».
        const named = (r.matches ?? []).some(
          (m) => m.key !== 'text' && fold(m.value ?? '').split(/[^\p{L}\p{N}]+/u).some((part) => part && typed.some((w) => slipsApart(part, w))),
        );
        if (words.length || named) hits.push({ position: r.item, score: 1 - (r.score ?? 1), highlights: words });
      }
      work.scanned += slice.getIndex().size();
    }
    return { hits, work };
  }

  /**
   * The engine's results the filters keep. A result stands for its near-identical wordings (its citations): when the
   * one shown is filtered out, the first of the others the filters keep is listed instead (« Mouvement du Nid »
   * asked for, the member's account of a sentence the synthesis gives the Collectif), without the highlights,
   * which are those of the other wording.
   */
  function kept(results: readonly MatchResult[], filter: (p: Position) => boolean): SearchHit[] {
    const out: SearchHit[] = [];
    for (const r of results) {
      const shown = byId.get(r.id);
      if (shown && filter(shown)) {
        out.push({ position: shown, highlights: r.highlights });
        continue;
      }
      const other = r.citations.map((c) => byId.get(c.positionId)).find((p) => p !== undefined && filter(p));
      if (other) out.push({ position: other, highlights: [] });
    }
    return out;
  }

  // Each source's title words (folded, three letters or more, not a word for a document), for `sourcesTitled`.
  let titleWords: Map<string, Set<string>> | undefined;
  /**
   * The sources a look-up names by their title: at least one word for a document (« compte rendu », « réunion »,
   * « rencontre », « plaidoyer », « évaluation »…), and every other word of three letters or more in the title (« Borne »,
   * « Vallaud-Belkacem », « CNCDH »); a word in the titles of more than half the sources names none (« plan »).
   */
  function sourcesTitled(text: string): string[] {
    const words = foldedWords(text);
    if (words.length > SHORT_QUERY_WORDS + 2 || !words.some((w) => DOCUMENT_NOUNS.has(w))) return [];
    const named = words.filter((w) => !DOCUMENT_WORDS.has(w) && !DOCUMENT_NOUNS.has(w));
    if (!named.length || named.some((w) => w.length < 3)) return [];
    titleWords ??= new Map(library.sources.map((source) => [source.id, new Set(foldedWords(source.title).filter((w) => w.length >= 3 && !DOCUMENT_WORDS.has(w)))]));
    const common = (w: string) => [...titleWords!.values()].filter((set) => set.has(w)).length > library.sources.length / 2;
    if (named.some(common)) return [];
    return library.sources.filter((source) => named.every((w) => titleWords!.get(source.id)!.has(w))).map((source) => source.id);
  }

  /**
   * The meetings whose title or « where and with whom » line names whom a question says the Collectif spoke to (« à
   * Matignon »: the Prime Minister's office, 2014 and 2022; « à Mme Borne », « au cabinet de la Première ministre »: the
   * 2022 one), as the letter outline's interlocutor (`sourcesNaming`). Not the lists of those present: the Collectif's
   * own people are in every one, and « au gouvernement » would name the meeting whose minister was its spokeswoman.
   */
  function sourcesAddressed(addressee: Addressee): string[] {
    return sourcesNaming(library, addressee.words.join(' '), { meetingsOnly: true }).map((source) => source.id);
  }

  /**
   * A question asking what the Collectif said to someone its meetings name is answered within those meetings
   * (`sourcesAddressed`); when nothing there answers its subject, as if it named no one.
   */
  function search(q: SearchQuery): SearchResult {
    const within = answer(q, true);
    return within.sourcesAddressed && !within.total ? answer(q, false) : within;
  }

  function answer(q: SearchQuery, addressing: boolean): SearchResult {
    const offset = Math.max(0, Math.floor(q.offset ?? 0));
    const limit = Math.max(1, Math.floor(q.limit ?? 50));
    const text = (q.text ?? '').trim().slice(0, MAX_QUERY_CHARS);
    const chosen = keep(q);
    const words = text.split(/\s+/).length;
    // A date names the meetings and documents of that day or month (« réunion du 24 juin 2014 »), and no measure:
    // « 3 février 2014 » was read as « mesure 3 ».
    const dates = text ? dateRefs(text) : [];
    // A year (« 2022 », « réunions de 2022 », « hébergement 2022 ») names that year's documents, as a date does, when
    // it has some; « 2016 », the year of no document, is a word (« la loi du 13 avril 2016 »). Two years are a span
    // (« le plan 2014-2016 »).
    const year = dates.length ? undefined : yearOf(text);
    const ofYear = year ? library.sources.filter((source) => source.date.startsWith(year.year)) : [];
    const dated = (ofYear.length ? ofYear : sourcesOn(dates, library.sources)).map((source) => source.id);
    const undated = year && ofYear.length ? withoutDates(text, [year]) : withoutDates(text, dates);
    // Beside a date that names documents, the other words are the look-up (« indemnisation 24 juin 2014 »: the date's
    // « 24 », « juin », « 2014 » are in no passage on compensation, and nothing was found). A date that names none
    // (« loi du 13 avril 2016 ») is words of the passages.
    // « qu'avons-nous dit sur les mineurs ? », « notre position sur les tests osseux »: the question's words are no
    // words of the passages (« mineurs » alone finds 94, the question found 9 by the typo-tolerant search); « nous »,
    // « notre » ask for the Collectif's, listed first. A paragraph pasted (over a question's length) is read whole.
    const question = words <= SPEAKER_QUESTION_WORDS ? askedAbout(dated.length ? undated : text) : undefined;
    // « ce que nous avons demandé à Matignon », « qu'avons-nous dit à Mme Borne sur l'hébergement ? »: the documents of
    // those meetings, found by their title or meeting line. Until the forty-sixth session « Matignon » was the subject:
    // the one government passage saying it was listed.
    // Their words are no subject (« … à Manuel Valls sur le numérique »), also when those meetings did not speak of it
    // and the question is answered over the whole library.
    const addressees = question?.addressee && !dated.length ? sourcesAddressed(question.addressee) : [];
    const addressed = addressing ? addressees : [];
    const subject = addressees.length ? question!.addressee!.subject : '';
    const lookedUp = addressed.length || subject ? subject : (question?.rest ?? (dated.length ? undated : text));
    const oursFirst = question?.ours ?? false;
    // « qu'a répondu le gouvernement sur les mineurs ? », « que recommande la CNCDH sur l'indemnisation ? »: that body's
    // words only, whichever way the rest is answered (words, a measure, a document, by sense).
    const askedAuthor = question?.author;
    const byAuthor = askedAuthor ? (p: Position) => chosen(p) && p.author === askedAuthor : chosen;
    const filter = addressed.length ? (p: Position) => byAuthor(p) && addressed.includes(p.sourceId) : byAuthor;
    const refs = undated ? measureRefs(asMeasure(undated), 'PAN1', measureKeys) : [];
    // Every key a text names, whether a plan holds it or not; the « bis » measures a range holds only when a plan has
    // them (« mesures 5 à 7 » names no « 5 bis »), unless the look-up says « bis ».
    const anyKey = { has: (key: string) => measureKeys.has(key) || !key.endsWith('bis') || /\bbis\b/i.test(undated) };
    const unknown = undated ? measureRefs(asMeasure(undated), 'PAN1', anyKey).filter((key) => !measureKeys.has(key)) : [];
    // Nothing but measures (« mesure 16 du deuxième plan », « la mesure 4 bis du PAN ») or a few words around them.
    const aboutMeasures = words <= 4 || onlyMeasureWords(undated) || (question !== undefined && onlyMeasureWords(question.rest));
    // « mesure 30 » names a measure no plan holds: nothing listed, its « 30 » would find « 30 jours ». « 30 » alone may
    // be those thirty days: looked up by its words, the panel saying there is no measure 30.
    const noSuchMeasure = unknown.length > 0 && !refs.length && aboutMeasures && !NUMBERS_ONLY.test(undated);
    // A look-up longer than a measure's name may still name one (« qu'avons-nous dit sur la mesure 5 ? »): it is
    // answered by its words, and the measure named is given too, for the panel to show its title, status and story.
    const named = {
      ...(refs.length ? { measures: refs } : {}),
      ...(dated.length ? { sources: dated } : {}),
      ...(year && ofYear.length ? { sourcesYear: year.year } : {}),
      ...(unknown.length ? { unknownMeasures: unknown } : {}),
      ...(askedAuthor ? { author: askedAuthor } : {}),
      ...(addressed.length ? { sources: addressed, sourcesAddressed: true } : {}),
    };
    // Near-identical wordings are one hit, as they are one suggestion: the synthesis's sentence and the member's words
    // it sums up, the same demand said again (`mergeTwins`: the Collectif's own wording shown, every place cited).
    function page(found: SearchHit[], rest: Omit<SearchResult, 'hits' | 'total'>): SearchResult {
      const hits = mergeTwins(found, (h) => h.position, matcher.twins, (h, position) => ({ ...h, position }));
      const byDate = q.sort === 'date' ? [...hits].sort((a, b) => b.position.date.localeCompare(a.position.date)) : hits;
      const sorted = oursFirst ? [...byDate].sort((a, b) => Number(isOurs(b.position.author)) - Number(isOurs(a.position.author))) : byDate;
      return { hits: sorted.slice(offset, offset + limit), total: hits.length, ...named, ...rest };
    }
    /** The positions that answer `about` and the filters, without highlights, the Collectif's first (a stable sort). */
    const oursFirstOf = (about: (p: Position) => boolean): SearchHit[] =>
      library.positions
        .filter((p) => about(p) && filter(p))
        .sort((a, b) => Number(isOurs(b.author)) - Number(isOurs(a.author)))
        .map((position) => ({ position, highlights: [] }));
    if (!text) return page(library.positions.filter(filter).map((position) => ({ position, highlights: [] })), { via: 'list' });
    // A document named by words of its title beside a word for a document (« compte rendu réunion Borne », « rencontre
    // Vallaud-Belkacem », « évaluation CNCDH »): its positions, the Collectif's first, the document named. Found by
    // their words until the forty-fifth session, the first found nothing (the report writes « Mme Borne » nowhere).
    const titled = dated.length ? [] : sourcesTitled(text);
    if (titled.length) {
      return page(oursFirstOf((p) => titled.includes(p.sourceId)), { via: 'source', sources: titled, sourcesNamed: true });
    }
    // Nothing but a date and words for a meeting or a document: that source's positions, the Collectif's first.
    if (dated.length && onlyDocumentWords(undated)) {
      return page(oursFirstOf((p) => dated.includes(p.sourceId)), { via: 'source' });
    }
    if (refs.length && aboutMeasures) {
      return page(oursFirstOf((p) => p.measures.some((m) => refs.includes(m))), { via: 'measure', measures: refs });
    }
    if (noSuchMeasure) return page([], { via: 'measure' });
    // « mesures non mises en œuvre », « partiellement mises en œuvre selon la CNCDH »: the measures the CNCDH's evaluation
    // gave that status, and their positions, the Collectif's first. Found by their words until the forty-fifth session
    // (one passage saying « la non mise en œuvre »).
    const status = words <= SPEAKER_QUESTION_WORDS ? statusAsked(text) : undefined;
    // In the plans' order (a library read back from the browser's store lists its measures by key: 1, 10, 11, 14, 9).
    const ofStatus = status
      ? library.measures
          .filter((m) => m.cncdhStatus === status)
          .sort(byPlanAndNumber)
          .map((m) => m.key)
      : [];
    if (ofStatus.length) {
      return page(oursFirstOf((p) => p.measures.some((m) => ofStatus.includes(m))), { via: 'measure', measures: ofStatus, measureStatus: status });
    }
    // « qu'a dit la CNCDH ? »: all its words, in the library's order; « quelles sont nos priorités ? », the Collectif's.
    if (question && (askedAuthor || oursFirst) && !analyzeWithSurface(lookedUp).some((t) => !isStopWord(t.stem))) {
      const theirs = askedAuthor ? filter : (p: Position) => filter(p) && isOurs(p.author);
      return page(library.positions.filter(theirs).map((position) => ({ position, highlights: [] as [number, number][] })), {
        via: addressed.length ? 'source' : 'list',
        ...(askedAuthor ? {} : { oursAsked: true }),
      });
    }
    // « Qu'a dit Mme Perrée sur les mineurs ? »: her words only, the closest to the rest of the look-up first, then the
    // others. A name alone (« Mme Perrée ») is looked up by its words, as before; a paragraph pasted that names someone
    // (over a question's length) is about its subject.
    // An association or body of the library named so (« qu'a dit Hors la rue sur les mineurs ? », « position de
    // l'Amicale du Nid »): its words, the same way.
    const bySpeaker = words <= SPEAKER_QUESTION_WORDS ? speakersNamed(lookedUp) : { speakers: [], rest: lookedUp };
    const { speakers } = bySpeaker;
    // Only in a question: « la France condamnée par la CEDH » is about France, not the words of « La France », a body of
    // the library; asked of the Collectif (« qu'avons-nous dit sur la France ? »), an organisation named is the subject.
    const { organisations, rest } =
      words <= SPEAKER_QUESTION_WORDS && question !== undefined && !oursFirst ? organisationsNamed(bySpeaker.rest) : { organisations: [], rest: bySpeaker.rest };
    // « ce que Mme Perrée a dit », « qu'a dit Mme Perrée ? »: a question with no subject lists all their words.
    if ((speakers.length || organisations.length) && (rest || question !== undefined)) {
      const subject = analyzeWithSurface(rest).some((t) => !isStopWord(t.stem) && !DOCUMENT_WORDS.has(t.word));
      const theirs = (p: Position) =>
        filter(p) && ((p.speaker !== undefined && speakers.includes(p.speaker)) || (p.organisation !== undefined && organisations.includes(p.organisation)));
      const closest = subject ? kept(matcher.lookUp(rest, { k: library.positions.length, gate: false }).results, theirs) : [];
      const listed = new Set(closest.map((h) => h.position.id));
      const others = library.positions.filter((p) => theirs(p) && !listed.has(p.id)).map((position) => ({ position, highlights: [] as [number, number][] }));
      return page([...closest, ...others], {
        via: 'speaker',
        ...(speakers.length ? { speakers } : {}),
        ...(organisations.length ? { organisations } : {}),
        ...(subject ? { speakersBySubject: true } : {}),
      });
    }
    if ((question ? lookedUp.split(/\s+/).length : words) <= SHORT_QUERY_WORDS) {
      // Typed in English (« housing », « residence permit », « what did the government say about minors »): read as the
      // library's French (english.ts), the panel saying how, when every word that says something is English of the
      // field. First when in an expression of several words (« residence permit »: « résidence » and « permis » found one
      // passage one slip away) or none a word the library writes (« minors » found « minorité » by its stem, 4 passages
      // where « mineurs » finds 94; « associations » is French); otherwise only when the French readings find nothing.
      // A look-up partly read (« réserver train vacances », French: its « train » is no « formation ») is not.
      const reading = readEnglish(lookedUp);
      const english = reading?.whole ? reading : undefined;
      const foreign =
        english !== undefined && (english.read.some((r) => r.english.includes(' ')) || english.words.every((w) => !writtenWords().has(fold(w))));
      const inFrench = () => {
        if (!english) return undefined;
        const found = byWords(english.french, filter);
        return found.length ? page(ranked(found, order), { via: 'words', readAs: english.french }) : undefined;
      };
      const read = foreign ? inFrench() : undefined;
      if (read) return read;
      let exact = byWords(lookedUp, filter);
      // A person named in full (« Geneviève Colas », « Najat Vallaud-Belkacem ») is mostly named by surname in the
      // passages (« Mme Colas rappelle… »): the given names the sources' lists of those present give are let go too,
      // and what either reading finds is listed.
      const bySurname = withoutGivenNames(lookedUp, (people ??= givenNames(library.sources)));
      if (bySurname !== lookedUp) {
        const seen = new Set(exact.map((h) => h.position.id));
        exact = [...exact, ...byWords(bySurname, filter).filter((h) => !seen.has(h.position.id))];
      }
      if (exact.length) return page(ranked(exact, order), { via: 'words' });
      const { hits, work } = fuzzy(lookedUp, filter);
      if (hits.length) return page(ranked(hits, order), { via: 'fuzzy', fuzzy: work });
      const readAfter = foreign ? undefined : inFrench();
      if (readAfter) return readAfter;
      // No word of the look-up is in the library, even one slip away: what it means may be. Only the best few, and
      // only when the look-up is more likely on the library's subject than not: asked for on purpose, it need not clear
      // the suggestions' bar (a few words carry little evidence), but « cotisation mutuelle » must not list passages
      // unless the user asks again (`anyway`), and then under a note that they may not fit.
      // Asked of one body, its words among the library's closest fifty (the closest eight may hold none of its), scored
      // a tenth of the best at least: « que pense le gouvernement des tests osseux ? » must not list its words on other
      // subjects (found at 0.06 where the best, the Collectif's on bone tests, scores 3.5).
      const { results, probability } = matcher.lookUp(english?.french ?? lookedUp, { k: askedAuthor ? RELATED_POOL : RELATED_MAX, gate: false });
      const readAs = english ? { readAs: english.french } : {};
      const best = results[0]?.score ?? 0;
      const related = kept(askedAuthor ? results.filter((r) => r.score >= RELATED_POOL_SHARE * best) : results, filter).slice(0, RELATED_MAX);
      const likely = probability >= RELATED_PROBABILITY;
      // Asked of one body (« position du ministère sur les titres de séjour »), its closest words are what was asked for.
      if (!related.length || likely || q.anyway || askedAuthor)
        return page(related, { via: related.length ? 'related' : 'fuzzy', fuzzy: work, senseProbability: probability, ...readAs, ...(related.length && !likely ? { offTopic: true } : {}) });
      return page([], { via: 'fuzzy', fuzzy: work, senseProbability: probability, senseWithheld: true, ...readAs });
    }
    // Looked up on purpose: the gate does not silence it, it only says so (`offTopic`). A look-up of a few words (a
    // question's length) carries little evidence, as in the short path: it is said off the subject only when more
    // likely off than on it. « titre de séjour de plein droit » (0.68, under the suggestions' 0.70) was said to be off
    // the library's subject.
    const { results, onTopic, probability } = matcher.lookUp((addressed.length || subject ? lookedUp : question?.rest) || undated || text, { k: Math.max(limit + offset, 50), gate: false });
    const hits = kept(results, filter);
    const off = words <= SPEAKER_QUESTION_WORDS ? probability < RELATED_PROBABILITY : !onTopic;
    return page(hits, off ? { via: 'paragraph', offTopic: true } : { via: 'paragraph' });
  }

  /**
   * Reads the positions for look-ups now rather than at the first one (the panel's search box asks when it is focused:
   * the reading, 50 ms on the shipped library, a third of a second at 4,000 imported positions, is done while the user
   * types). Answers nothing and changes no answer; a second call costs nothing.
   */
  function prepare(): void {
    analysis();
  }

  return Object.assign(search, { prepare });
}

export type Search = ReturnType<typeof createSearch>;

/** Words that, around measure numbers, only say which measure of which plan (« la mesure 16 du deuxième plan d'action »). */
const MEASURE_WORDS = new Set(
  (
    'mesure mesures m n no numero la le les l du de des d et ou a au aux plan plans pan action national nationale bis ' +
    'premier premiere 1er 1re deuxieme second seconde 2e 2eme 2nd troisieme 3e 3eme dernier nouveau ' +
    // « statut de la mesure 7 », « où en est la mesure 5 ? », « bilan de la mesure 11 »: its header says its status.
    'statut etat avancement bilan evaluation en est ' +
    'measure measures of the and or to first third status'
  ).split(' '),
);

function onlyMeasureWords(text: string): boolean {
  return foldedWords(text).every((word) => /^\d{1,2}(?:bis|e|eme|er|ere|re)?$/.test(word) || MEASURE_WORDS.has(word));
}

/** The look-up with the dates it names taken out. */
function withoutDates(text: string, dates: readonly Pick<DateRef, 'start' | 'end'>[]): string {
  return dates.length ? withoutSpans(text, dates.map((d) => [d.start, d.end] as const)) : text;
}

/** The text without those spans (in reading order), a space where each was: a date, a speaker's or a body's name. */
function withoutSpans(text: string, spans: readonly (readonly [number, number])[]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += `${text.slice(at, start)} `;
    at = end;
  }
  return `${out}${text.slice(at)}`.replace(/\s+/g, ' ').trim();
}

/** Words that, beside a date, ask for a meeting or a document rather than a subject (« le compte-rendu du … »). */
const DOCUMENT_WORDS = new Set(
  (
    'reunion rencontre compte rendu cr plaidoyer evaluation rapport entretien seance rendez vous rdv audience note ' +
    'courrier lettre document documents position positions collectif cabinet ministere ministre ' +
    'du de des d le la les l au aux a en avec ce qu que quoi qui avons nous dit dite dites sur dans pendant lors depuis ' +
    'annee reunions rencontres comptes rendus courriers notes ' +
    'meeting minutes report letter of the on at from with what did we say said in year meetings reports letters'
  ).split(' '),
);

/**
 * The CNCDH status a look-up asks for, when it says nothing else (« mesures non mises en œuvre », « les mesures
 * partiellement mises en oeuvre selon la CNCDH », « not implemented »): « non » or « pas » before « mis(e)(s) en
 * œuvre » asks for the measures not implemented, « partiellement » for those in part, neither for those implemented.
 */
function statusAsked(text: string): CncdhStatus | undefined {
  const folded = fold(text).replace(/œ/g, 'oe');
  const words = folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const implemented = /\bmis(?:e|es)?\s+en\s+oeuvre\b|\bimplemented\b/.test(folded);
  if (!implemented || !words.every((w) => STATUS_WORDS.has(w))) return undefined;
  // « la mise en œuvre du plan » is a subject: a status is asked of measures, or said with its « non », « partiellement ».
  if (!words.some((w) => /^measures?$|^mesures?$|^non$|^pas$|^not$|^partiellement$|^partly$|^partially$/.test(w))) return undefined;
  if (words.some((w) => w === 'non' || w === 'pas' || w === 'not')) return words.includes('partiellement') ? undefined : 'non mise en oeuvre';
  if (words.some((w) => w === 'partiellement' || w === 'partly' || w === 'partially' || w === 'part')) return 'partiellement mise en oeuvre';
  return 'mise en oeuvre';
}
/** Words a look-up for a status may hold besides it (« quelles mesures n'ont pas été mises en œuvre selon la CNCDH ? »). */
const STATUS_WORDS = new Set(
  (
    'mesure mesures mis mise mises en oeuvre non pas partiellement selon la le les l du de des d cncdh plan pan ' +
    'quelles quels qui n ont ete sont est a totalement entierement completement evaluation 2017 2014 2016 premier ' +
    'measure measures implemented not partly partially in part fully the of plan according to which were are'
  ).split(' '),
);

/** Words for a document: one of them beside words of a source's title names that source (`sourcesTitled`). */
const DOCUMENT_NOUNS = new Set(
  (
    'reunion rencontre compte rendu cr plaidoyer evaluation rapport entretien audience courrier lettre note document ' +
    'reunions rencontres comptes rendus courriers notes meeting minutes report letter meetings reports letters'
  ).split(' '),
);

/** Words before a name that are no given name (« Mme Geneviève Colas », « Colonel Guillaume Poumeau de Lafforest »). */
const TITLES = new Set('m mme mlle madame monsieur mr mrs ms colonel general commandant dr docteur me maitre pere soeur'.split(' '));

/**
 * The given names of the people listed as present in the sources (« Secours Catholique : Geneviève Colas, coordinatrice
 * du Collectif »), by the folded first word of the surname that follows each: « colas » → { « genevieve » }. A pair
 * of capitalised words is read as a person; « Secours Catholique » is read so too, harmless: the given name is only let
 * go in a look-up that finds nothing whole.
 */
function givenNames(sources: readonly { participants: readonly string[] }[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const line of sources.flatMap((source) => source.participants)) {
    const words = line.split(/[\s,;:()«»"]+/).filter(Boolean);
    for (let i = 0; i + 1 < words.length; i++) {
      const [given, next] = [words[i]!, words[i + 1]!];
      if (!/^\p{Lu}\p{Ll}/u.test(given) || TITLES.has(fold(given).replace(/\.$/, ''))) continue;
      if (!/^\p{Lu}\p{Ll}/u.test(next)) continue;
      const surname = fold(next).split(/[^\p{L}]+/u)[0]!;
      let names = out.get(surname);
      if (!names) out.set(surname, (names = new Set()));
      names.add(fold(given));
    }
  }
  return out;
}

/** The look-up without the given names that come just before their surname (« Geneviève Colas » → « Colas »). */
function withoutGivenNames(text: string, people: ReadonlyMap<string, ReadonlySet<string>>): string {
  const words = text.split(/\s+/).filter(Boolean);
  const kept = words.filter((word, i) => {
    const next = words[i + 1];
    if (next === undefined) return true;
    return !people.get(fold(next).split(/[^\p{L}]+/u)[0]!)?.has(fold(word));
  });
  return kept.length === words.length ? text : kept.join(' ');
}

/** Words that ask what was said rather than say what about (« qu'avons-nous dit sur », « notre position sur »). */
const QUESTION_WORDS = new Set(
  (
    'qu que quoi quel quelle quels quelles avons avez ont a t on nous vous notre nos dit dite dites disons disions ' +
    'sur au aux sujet propos concernant position positions avis ce c est deja pense pensons repondu collectif ' +
    'what did do we our say said about on'
  ).split(' '),
);
/** One of them, and the look-up asks what was said: « dit », « position », « avis ». */
const ASKING = /\b(?:avons|dit|dites|disons|disions|positions?|avis|pensons|repondu|said|say)\b/;

/**
 * The bodies whose words a question may ask for (« qu'a répondu le gouvernement… », « que recommande la CNCDH… »): the
 * government (ministers, their cabinets, the administrations, the plans' own wording) and the CNCDH. Their
 * words are context, never the Collectif's; asked for, they are what the user wants to read.
 */
const AUTHOR_WORDS = new Map<string, 'gouvernement' | 'cncdh'>([
  ...'gouvernement gouvernements gouvernemental gouvernementale ministre ministres ministere ministeres cabinet cabinets administration administrations matignon elysee government minister ministers ministry'
    .split(' ')
    .map((word) => [word, 'gouvernement'] as const),
  ['cncdh', 'cncdh'],
]);
/** Names of those bodies in several words, read as the one word that names them (folded, as split into words). */
const AUTHOR_PHRASES: readonly (readonly string[])[] = [
  'commission nationale consultative des droits de l homme',
  'premier ministre',
  'premiere ministre',
  'secretaire d etat',
  'pouvoirs publics',
].map((phrase) => phrase.split(' '));
/**
 * Words that ask what a body said only beside its name: « réponse » alone is the field's (« la réponse pénale »), « la
 * réponse du gouvernement sur… » asks; « recommandations » alone is a subject, « les recommandations de la CNCDH » asks.
 */
const AUTHOR_ASKING = new Set(
  (
    'repond repondent reponse reponses recommande recommandent recommandation recommandations annonce annonces ' +
    'propose proposent engagement engagements explique estime observe observations dire pense pensent prevoit prevoient ' +
    'answer answered recommend recommends recommended recommendation recommendations'
  ).split(' '),
);
/**
 * Small words let go in a question asking for someone's words, the Collectif's or a body's (« quelles sont nos
 * priorités ? », « ce que la CNCDH a dit de l'hébergement » → « hébergement »).
 */
const SMALL_WORDS = new Set('le la les l du de des d un une quelles sont etaient ete en pour par selon the are were for by from according to'.split(' '));
/** Words that ask for the Collectif's: listed first. */
const OURS = new Set(['nous', 'notre', 'nos', 'collectif', 'we', 'our']);
/**
 * Nouns that, after « nos », « notre » or before « du Collectif », ask for its positions (« nos demandes sur
 * l'hébergement », « quelles sont nos priorités ? », « les recommandations du Collectif »); alone they are the field's
 * words (« décourager la demande »), and a sentence saying « nous demandons que… » is a sentence.
 */
const OURS_ASKING = new Set(
  (
    'demande demandes recommandation recommandations proposition propositions priorite priorites revendication ' +
    'revendications attentes messages plaidoyer demands requests recommendations proposals priorities'
  ).split(' '),
);
/** Verbs let go in a question asking for the Collectif's (« qu'avons-nous demandé sur l'hébergement ? »). */
const OURS_SAYING = new Set('demande demandee demandees demandes demandons demandions recommande recommandons propose proposons ask asked tell told'.split(' '));

/**
 * A question about what was said (« qu'avons-nous dit sur l'indemnisation ? »): its subject alone, whether it asks for
 * the Collectif's (« nous », « notre », « le Collectif », « we »), and the body whose words it asks for, if any (« qu'a
 * répondu le gouvernement sur les mineurs ? », « les recommandations de la CNCDH sur l'indemnisation »: their words
 * only; the subject may then be empty, « qu'a dit la CNCDH ? »). Nothing when the look-up asks nothing, or is nothing
 * but the question.
 */
function askedAbout(text: string): { rest: string; ours: boolean; author?: 'gouvernement' | 'cncdh'; addressee?: Addressee } | undefined {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)].map((m) => m[0]);
  const folded = words.map(fold);
  // The body named, and the words that name it.
  const naming = new Set<number>();
  let author: 'gouvernement' | 'cncdh' | undefined;
  for (const [i, word] of folded.entries()) {
    for (const phrase of AUTHOR_PHRASES) {
      if (phrase.every((w, j) => folded[i + j] === w)) {
        author ??= phrase[0] === 'commission' ? 'cncdh' : 'gouvernement';
        phrase.forEach((_, j) => naming.add(i + j));
      }
    }
    const body = AUTHOR_WORDS.get(word);
    if (body) {
      author ??= body;
      naming.add(i);
    }
  }
  // « ce qu'on a dit à l'Élysée », « ce qu'on a demandé au ministère »: the « on » of speech is « nous ».
  const weSaid = folded.some((w, i) => w === 'on' && folded[i - 1] === 'qu' && ['a', 'avait'].includes(folded[i + 1] ?? ''));
  const ours = weSaid || folded.some((w) => OURS.has(w));
  const asksOurs = folded.some(
    (w, i) => OURS_ASKING.has(w) && (['nos', 'notre', 'our'].includes(folded[i - 1] ?? '') || (folded[i + 1] === 'du' && folded[i + 2] === 'collectif')),
  );
  // « que demande le Collectif ? », « que proposons-nous pour les mineurs ? »: a question from its first word; « nous
  // demandons que les victimes… » is a sentence.
  const asksWhat = ours && ['qu', 'que', 'quoi', 'quel', 'quelle', 'quels', 'quelles', 'what'].includes(folded[0] ?? '') && folded.some((w) => OURS_SAYING.has(w));
  const asks = folded.some((w) => ASKING.test(w)) || asksOurs || asksWhat || (weSaid && folded.some((w) => OURS_SAYING.has(w))) || (author !== undefined && !ours && folded.some((w) => AUTHOR_ASKING.has(w)));
  if (!asks) return undefined;
  const asking = (w: string) =>
    QUESTION_WORDS.has(w) || (ours && (OURS_ASKING.has(w) || OURS_SAYING.has(w) || SMALL_WORDS.has(w))) || (author !== undefined && (AUTHOR_ASKING.has(w) || SMALL_WORDS.has(w)));
  const kept = words.filter((_, i) => !asking(folded[i]!) && !(author !== undefined && naming.has(i)));
  // « ce que nous avons demandé à Matignon », « qu'avons-nous dit à Mme Borne sur l'hébergement ? »: whom it spoke to.
  const span = ours ? addresseeSpan(folded) : undefined;
  const addressee = span && {
    words: folded.slice(span.start, span.end).filter((w) => !SMALL_WORDS.has(w) && !TITLES.has(w) && !QUESTION_WORDS.has(w) && !DOCUMENT_NOUNS.has(w) && w !== 'avec'),
    subject: words.filter((_, i) => (i < span.from || i >= span.end) && !asking(folded[i]!) && !(author !== undefined && naming.has(i))).join(' '),
  };
  const to = addressee?.words.length ? { addressee } : {};
  if (ours && author) {
    // Asked of the Collectif, a body named is whom it spoke to (« qu'avons-nous dit au cabinet sur l'hébergement ? »:
    // the subject is the housing), or the subject itself when nothing else is (« notre position sur la MIPROF »).
    const withBody = words.filter((_, i) => !asking(folded[i]!)).join(' ');
    return { rest: kept.join(' ') || withBody, ours, ...to };
  }
  const rest = kept.join(' ');
  // « quelles sont nos priorités ? »: the Collectif's positions, all of them.
  if (!author && !ours && (!rest || rest === words.join(' '))) return undefined;
  return { rest, ours, ...(author ? { author } : {}), ...to };
}

/** Whom a question asks the Collectif spoke to: the words naming them (folded), and the question's subject without them. */
interface Addressee {
  words: string[];
  subject: string;
}

/**
 * Words after which « à », « au », « auprès de », « avec » name whom the Collectif spoke to (« ce que nous avons demandé
 * à Matignon », « nos demandes au cabinet », « notre position auprès de la ministre »); in English, « ask », « tell »
 * name them directly (« what did we ask the Prime Minister »).
 */
const ADDRESSING = new Set(
  (
    'dit dire demande demandee demandees demandes demandons propose proposees propositions recommande recommandations ' +
    'ecrit ecrite repondu parle explique defendu presente position positions priorites messages plaidoyer ' +
    'said say asked ask told tell wrote proposed'
  ).split(' '),
);
const ADDRESS = new Set('a au aux aupres avec to with'.split(' '));
/** English verbs naming whom they address without a preposition. */
const ADDRESS_DIRECT = new Set('asked ask told tell'.split(' '));
/** A word that ends whom it was said to and starts what about (« … au cabinet sur l'hébergement »). */
const SUBJECT_START = new Set('sur concernant quant about on regarding'.split(' '));

/** Where, in a question's folded words, the one it addresses is named (`start` to `end`), from its preposition (`from`). */
function addresseeSpan(folded: readonly string[]): { from: number; start: number; end: number } | undefined {
  for (let i = 0; i < folded.length - 1; i++) {
    if (!ADDRESSING.has(folded[i]!)) continue;
    let start = ADDRESS.has(folded[i + 1]!) ? i + 2 : ADDRESS_DIRECT.has(folded[i]!) ? i + 1 : -1;
    if (start < 0) continue;
    // « auprès de la ministre », « auprès du cabinet »
    if (folded[i + 1] === 'aupres' && ['de', 'du', 'des', 'd'].includes(folded[start] ?? '')) start++;
    let end = start;
    while (end < folded.length && !SUBJECT_START.has(folded[end]!)) end++;
    if (end > start) return { from: i + 1, start, end };
  }
  return undefined;
}

/** The one year a look-up names (« 2022 », « hébergement en 2014 »), where it is; none when it names two (a span). */
function yearOf(text: string): { year: string; start: number; end: number } | undefined {
  const found = [...text.matchAll(/(?<![\p{L}\p{N}])(?:19|20)\d{2}(?![\p{L}\p{N}])/gu)];
  if (found.length !== 1) return undefined;
  const [m] = found;
  return { year: m![0], start: m!.index!, end: m!.index! + m![0].length };
}

function onlyDocumentWords(text: string): boolean {
  return foldedWords(text).every((word) => DOCUMENT_WORDS.has(word));
}

/** A look-up made of measure numbers only: « 13 », « 4 bis », « 13e », « 13ème mesure », « 3 et 4 ». */
const NUMBERS_ONLY = /^\d{1,2}(?:\s*bis)?(?:\s?(?:e|ème|eme|er|ère|ere|re)\b)?(?:\s+mesures?)?(?:\s*(?:,|&|\/|-|\bet\b|\bou\b)\s*\d{1,2}(?:\s*bis)?)*\s*$/i;

/**
 * A look-up made of numbers only names a measure: « 13 », « 4 bis », « 13e », « 13e mesure » read as « mesure 13 »; one
 * that starts with an ordinal in words, « treizième mesure », as « la treizième mesure ». A number followed by other
 * words is not one: « 3 mois », « 18 ans », « 15 victimes » were read as measures 3, 18 and 15.
 */
function asMeasure(text: string): string {
  if (NUMBERS_ONLY.test(text)) return `mesure ${text.replace(/^(\d{1,2})\s?(?:e|ème|eme|er|ère|ere|re)\b(?:\s+mesure\b)?/i, '$1')}`;
  return /^\p{L}+(?:[- ]\p{L}+){0,2}\s+mesure\b/iu.test(text) ? `la ${text}` : text;
}

/**
 * A word of a passage that a typed word may stand for: the same, its beginning being typed (« prostitu »), or one slip
 * apart (`oneSlipApart`: a letter left out, one too many, one for another, two swapped), endings aside (« vicitmes »
 * is « victime »).
 */
function slipsApart(found: string, typed: string): boolean {
  // A figure is what it says: « 2022 » is not « 2021 », « 30 jours » not « 3 jours ».
  if (/\d/.test(typed) || /\d/.test(found)) return found === typed;
  if (found === typed || (typed.length >= 4 && found.startsWith(typed)) || oneSlipApart(found, typed)) return true;
  const bare = (w: string) => w.replace(/(?:e?s|x|e)$/, '');
  const [f, t] = [bare(found), bare(typed)];
  return f.length >= 4 && (f === t || oneSlipApart(f, t));
}

/** Best score first; at equal score the Collectif's wording, then the library's order. */
function ranked(found: { position: Position; score: number; highlights: [number, number][] }[], order: Map<string, number>): SearchHit[] {
  return found
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(isOurs(b.position.author)) - Number(isOurs(a.position.author)) ||
        (order.get(a.position.id) ?? 0) - (order.get(b.position.id) ?? 0),
    )
    .map(({ position, highlights }) => ({ position, highlights }));
}

/**
 * Two words with the same stem are the same word when their endings differ by a few letters
 * (« traite », « traites », « traités »), not when one is a longer word (« traitement »).
 */
function sameWord(a: string, b: string): boolean {
  return Math.abs(a.length - b.length) <= 2;
}

const LETTER = /[\p{L}\p{N}]/u;

/**
 * Ranges widened to the whole words they touch (« c[réat]ion » → « [création] »), sorted and
 * merged. A word runs over letters, digits, and an apostrophe or hyphen between two letters.
 */
export function wholeWords(text: string, ranges: readonly (readonly [number, number])[]): [number, number][] {
  const inWord = (i: number) => {
    const c = text[i];
    if (c === undefined) return false;
    if (LETTER.test(c)) return true;
    return (c === '-' || c === '’' || c === "'") && LETTER.test(text[i - 1] ?? '') && LETTER.test(text[i + 1] ?? '');
  };
  const widened = ranges.map(([a, b]): [number, number] => {
    let start = Math.max(0, Math.min(a, text.length));
    let end = Math.max(start, Math.min(b, text.length));
    while (start > 0 && inWord(start - 1) && inWord(start)) start--;
    while (end < text.length && inWord(end) && inWord(end - 1)) end++;
    return [start, end];
  });
  return merge(widened);
}

function merge(ranges: [number, number][]): [number, number][] {
  const sorted = ranges.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
