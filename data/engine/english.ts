/**
 * A look-up typed in English, read as the French of the library (the search box only).
 *
 * The positions are French; the panel is in French and in English. A user of the English panel who looks up
 * « housing » or « residence permit » found nothing: no word of the library, nor one slip away. The reviewed table
 * `thesaurus/english.json` names the concepts of `concepts.json` in the English of the field (the Palermo Protocol,
 * the Council of Europe Convention, GRETA, the EU directive): a look-up is read expression by expression, the longest
 * first, each concept as its first French term (« housing » → « hébergement », « reflection period » → « délai de
 * réflexion »), a few words of the field as the French word (« women » → « femmes »). The panel says how it read it.
 * The suggestions never read it: a paragraph written in a letter is French.
 */
import table from './thesaurus/english.json';

/** English words that say nothing of the subject in a look-up (« what did we say about housing », « housing for minors »). */
const SMALL = new Set(
  'a an the of for and or in on at to with about from by what did do does we our us say said ask asked tell told is are was were how which who this that their its'.split(' '),
);

/** The longest expression of the table, in words. */
const LONGEST = 6;

export interface EnglishReading {
  /** The look-up in the library's French, one expression after another (« hébergement mineurs »). */
  french: string;
  /** Each English expression read, with the French it was read as, in the look-up's order. */
  read: { english: string; french: string }[];
  /** Every word of the look-up that says something was read (none left over, « housing of xyzzy » is not). */
  whole: boolean;
  /** The words of the look-up that say something (lower case), read or not. */
  words: string[];
}

/** The concept's first term as written, without the table's marks (« ~identification » → « identification »). */
function firstTerm(terms: readonly string[]): string {
  return terms[0]!.replace(/^[~=!]+/, '');
}

/**
 * The reader over a set of concepts (the shipped thesaurus; a test reads it over fewer): English expression (lower case,
 * words split on anything but letters, digits, « - », « . » and apostrophes) → French.
 */
export function createEnglishReader(concepts: readonly { id: string; terms: readonly string[] }[], english: { concepts: Record<string, string[]>; words: Record<string, string> } = table) {
  const byId = new Map(concepts.map((c) => [c.id, c]));
  const french = new Map<string, string>();
  for (const [id, expressions] of Object.entries(english.concepts)) {
    const concept = byId.get(id);
    if (!concept) continue;
    for (const e of expressions) french.set(key(e), firstTerm(concept.terms));
  }
  for (const [e, f] of Object.entries(english.words)) if (!french.has(key(e))) french.set(key(e), f);

  /** The look-up read in French, or nothing when no expression of it is in the table. */
  return function readEnglish(text: string): EnglishReading | undefined {
    const words = text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}.'’-]*/gu)?.map((w) => w.replace(/[.'’-]+$/, '').replace(/’/g, "'")) ?? [];
    const read: { english: string; french: string }[] = [];
    const telling = words.filter((w) => !SMALL.has(w));
    let left = 0;
    for (let i = 0; i < words.length; ) {
      let found = 0;
      for (let n = Math.min(LONGEST, words.length - i); n >= 1 && !found; n--) {
        const phrase = words.slice(i, i + n);
        const f = french.get(phrase.join(' ')) ?? french.get([...phrase.slice(0, -1), singular(phrase[n - 1]!)].join(' '));
        if (f !== undefined) {
          // The same French twice (« housing and shelter ») is read once.
          if (!read.some((r) => r.french === f)) read.push({ english: phrase.join(' '), french: f });
          found = n;
        }
      }
      if (!found && !SMALL.has(words[i]!)) left++;
      i += found || 1;
    }
    if (!read.length) return undefined;
    return { french: read.map((r) => r.french).join(' '), read, whole: left === 0, words: telling };
  };
}

function key(expression: string): string {
  return expression.toLowerCase().replace(/’/g, "'").trim().split(/\s+/).join(' ');
}

/** « minors » → « minor », « bodies » → « body »; other words as they are. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}
