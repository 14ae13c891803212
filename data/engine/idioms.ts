/**
 * Figures of speech read for what they mean. A paragraph written to avoid the sources' words often says it with an
 * idiom: « avec des bouts de ficelle » (insufficient means), « pieds et poings liés » (at an exploiter's mercy),
 * « rester lettre morte » (not applied). Their words are in no passage, and stemmed one by one they mean something
 * else (« ficelle », « poing »). The engine reads each idiom followed by its plain meaning
 * (`thesaurus/idioms.json`, reviewed, general French), and keeps the idiom as written: a passage's rewordings
 * that use the idiom still find it.
 */
import { foldTracked } from './normalise';
import data from './thesaurus/idioms.json';

/** One idiom of `thesaurus/idioms.json`. */
export interface IdiomEntry {
  /** As usually written; the pattern must match it. */
  idiom: string;
  /** A regular expression over folded text (lower case, no accents, straight apostrophes), matched as whole words. */
  pattern: string;
  /** What it means in plain words; never an idiom of the list. */
  means: string;
}

/** The reviewed idioms. */
export const IDIOMS: readonly IdiomEntry[] = (data as { idioms: IdiomEntry[] }).idioms;

export interface Idioms {
  /** The text with each idiom followed by its meaning (« …avec des bouts de ficelle des moyens dérisoires, insuffisants… »). */
  gloss(text: string): string;
}

/** Compiles a list once; `gloss` is then one pass of one regular expression over the folded text. */
export function compileIdioms(entries: readonly IdiomEntry[]): Idioms {
  if (!entries.length) return { gloss: (text) => text };
  // One alternation, a group per entry: the idiom that starts first wins; two starting at the same place, the first listed.
  const all = new RegExp(`(?<![a-z0-9])(?:${entries.map((e) => `(${e.pattern.replace(/\((?!\?)/g, '(?:')})`).join('|')})(?![a-z0-9])`, 'g');
  return {
    gloss(text) {
      const { text: folded, from, to } = foldTracked(text, true);
      let out = '';
      let at = 0;
      for (const m of folded.matchAll(all)) {
        const which = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
        const end = to[m.index! + m[0].length - 1];
        out += `${text.slice(at, end)} ${entries[which].means}`;
        at = end;
      }
      return at ? out + text.slice(at) : text;
    },
  };
}
