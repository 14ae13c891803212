/**
 * Everyday French: how common a word is in ordinary French (film and TV subtitles,
 * OpenSubtitles 2024 via the zxcvbn-ts French list, ODC-BY). The library's words that are
 * NOT everyday French are the field's own (« préfecture », « hébergement », « exploités »):
 * a paragraph that uses several of them is about the field, while office mail that shares
 * « réunion » or « formation » with the library is not. The list of stems is generated at
 * library build time (`data/generated/everyday.json`) so the extension needs no word list.
 */
import { analyzeWithSurface, isNumber } from './normalise';

/** Words of the frequency list kept: the most common ones, where « everyday » has a meaning. */
export const EVERYDAY_WORDS = 12000;

/** Stems of the most common French words, most common first (each stem once, at its best rank). */
export function everydayStems(words: readonly string[], limit = EVERYDAY_WORDS): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of words.slice(0, limit)) {
    if (w.includes("'") || w.includes('-')) continue;
    for (const t of analyzeWithSurface(w)) {
      if (!seen.has(t.stem) && !isNumber(t.stem)) {
        seen.add(t.stem);
        out.push(t.stem);
      }
    }
  }
  return out;
}

/** Rank of each stem in everyday French (0 = most common); absent stems are not everyday. */
export class Everyday {
  private readonly rank = new Map<string, number>();

  constructor(stems: readonly string[]) {
    stems.forEach((s, i) => this.rank.set(s, i));
  }

  rankOf(stem: string): number {
    return this.rank.get(stem) ?? Number.POSITIVE_INFINITY;
  }

  /** Among the few thousand stems anybody uses every day. */
  isEveryday(stem: string, within = 3000): boolean {
    return this.rankOf(stem) < within;
  }
}
