/**
 * Figures of speech read for what they mean. A paragraph written to avoid the sources' words often says it with an
 * idiom: « avec des bouts de ficelle » (insufficient means), « pieds et poings liés » (at an exploiter's mercy),
 * « rester lettre morte » (not applied). Their words are in no passage, and stemmed one by one they mean something
 * else (« ficelle », « poing »). The engine reads each idiom followed by its plain meaning
 * (`thesaurus/idioms.json`, reviewed, general French), and keeps the idiom as written: a passage's rewordings
 * that use the idiom still find it.
 */
import { fold, foldTracked, type Folded } from './normalise';
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
  /**
   * The text with each idiom followed by its meaning (« …avec des bouts de ficelle des moyens dérisoires, insuffisants… »);
   * with `slips`, read after `mend`.
   */
  gloss(text: string, opts?: { slips?: boolean }): string;
  /**
   * The text with an idiom typed with a slip made whole (« pieds et poigns liés » → « pieds et poings liés »): each
   * word one slip away from a word of an idiom as usually written becomes that word, when one more idiom then reads;
   * otherwise the text as it is. Whether the word is known tells nothing here: « ficele » and « ficelle » share their
   * stem, « points » is a word.
   */
  mend(text: string): string;
}

/** Words of five letters or more: shorter ones are one slip from too many others. */
const MEND_MIN = 5;
const MENDABLE = new RegExp(`[a-z]{${MEND_MIN},}`, 'g');

/**
 * One slip apart, as typing makes them: two neighbouring letters swapped, one left out, one too many, one for another;
 * the first letter as written (typing gets it wrong less often, and « pierre » is not « lierre »).
 */
export function oneSlipApart(a: string, b: string): boolean {
  if (a === b || a[0] !== b[0] || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length)
    return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Compiles a list once; `gloss` is then one pass of one regular expression over the folded text. */
export function compileIdioms(entries: readonly IdiomEntry[]): Idioms {
  if (!entries.length) return { gloss: (text) => text, mend: (text) => text };
  // One alternation, a group per entry: the idiom that starts first wins; two starting at the same place, the first listed.
  const all = new RegExp(`(?<![a-z0-9])(?:${entries.map((e) => `(${e.pattern.replace(/\((?!\?)/g, '(?:')})`).join('|')})(?![a-z0-9])`, 'g');
  const count = (text: string) => [...fold(text).matchAll(all)].length;
  // The idioms' words as usually written, folded, by first letter.
  const words = new Map<string, string[]>();
  for (const w of new Set(entries.flatMap((e) => fold(e.idiom).match(/[a-z]+/g) ?? []))) if (w.length >= MEND_MIN) (words.get(w[0]) ?? words.set(w[0], []).get(w[0])!).push(w);
  /** `mend` on a text already folded (the fold is most of the cost, and `gloss` reads the same one). */
  function mendFolded(text: string, { text: folded, from, to }: Folded): string {
    // Each word that may be a slip, tried alone from the last (so the places before it stay where they are): kept when
    // it makes one more idiom read. « On travaille avec des bouts de ficele »: « ficele » is mended, « travaille »
    // (one slip from « travailler ») is not.
    const slips: { start: number; end: number; word: string }[] = [];
    for (const m of folded.matchAll(MENDABLE)) {
      const w = m[0];
      const near = words.get(w[0])?.find((v) => oneSlipApart(w, v));
      if (near !== undefined) slips.push({ start: from[m.index!], end: to[m.index! + w.length - 1], word: near });
    }
    let mended = text;
    let read = slips.length ? count(text) : 0;
    for (const { start, end, word } of slips.reverse()) {
      const trial = mended.slice(0, start) + word + mended.slice(end);
      const n = count(trial);
      if (n > read) [mended, read] = [trial, n];
    }
    return mended;
  }

  return {
    mend: (text) => mendFolded(text, foldTracked(text, true)),
    gloss(text, opts = {}) {
      let folded = foldTracked(text, true);
      if (opts.slips) {
        const mended = mendFolded(text, folded);
        if (mended !== text) [text, folded] = [mended, foldTracked(mended, true)];
      }
      const { text: f, to } = folded;
      let out = '';
      let at = 0;
      for (const m of f.matchAll(all)) {
        const which = m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
        const end = to[m.index! + m[0].length - 1];
        out += `${text.slice(at, end)} ${entries[which].means}`;
        at = end;
      }
      return at ? out + text.slice(at) : text;
    },
  };
}
