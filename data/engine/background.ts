/**
 * Ordinary French, as a word-frequency model: what a paragraph would look like if it were
 * not about the library's subject. Built at library build time from two frequency lists of
 * the zxcvbn-ts French package (MIT; data ODC-BY): film and TV subtitles (spoken French:
 * « merci », « réunion », « demain ») and French Wikipedia (written French: « préfecture »,
 * « assemblée », « janvier »), merged into one ranking of stems. Each list alone is lopsided:
 * subtitles make every written word look special, Wikipedia misses office talk.
 *
 * Only the order is shipped (`generated/background.json`); a stem's probability follows
 * Zipf's law from its rank, which is how both lists were made in the first place.
 */
import { analyzeWithSurface, isNumber } from './normalise';

/** Stems kept: past this rank a word is rare in ordinary French, and the floor applies. */
export const BACKGROUND_STEMS = 40000;

/**
 * Stems of the words of several frequency lists (most frequent first), merged into one
 * ranking: each list is a Zipf distribution, the lists are mixed in equal parts.
 */
export function backgroundStems(lists: readonly (readonly string[])[], limit = BACKGROUND_STEMS): string[] {
  const p = new Map<string, number>();
  for (const words of lists) {
    const h = harmonic(words.length + 3);
    words.forEach((w, r) => {
      if (w.includes("'")) return;
      for (const t of analyzeWithSurface(w)) {
        if (isNumber(t.stem)) continue;
        p.set(t.stem, (p.get(t.stem) ?? 0) + 1 / ((r + 3) * h * lists.length));
      }
    });
  }
  return [...p].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit).map(([s]) => s);
}

function harmonic(n: number): number {
  return Math.log(n) + 0.5772;
}

/**
 * Counts of stems in office and association mail (`corpus/gate-*.jsonl`, off-topic lines):
 * the French the library's own subject is to be told apart from. Subtitles and Wikipedia
 * know « réunion » and « cotisation » as ordinary words far less than an association's inbox.
 */
export interface OfficeCounts {
  counts: Record<string, number>;
  total: number;
}

/** Stem counts of a set of texts. */
export function officeCounts(texts: readonly string[]): OfficeCounts {
  const counts: Record<string, number> = {};
  let total = 0;
  for (const text of texts)
    for (const t of analyzeWithSurface(text)) {
      if (isNumber(t.stem)) continue;
      counts[t.stem] = (counts[t.stem] ?? 0) + 1;
      total++;
    }
  return { counts: Object.fromEntries(Object.entries(counts).sort((a, b) => (a[0] < b[0] ? -1 : 1))), total };
}

export class Background {
  private readonly rank = new Map<string, number>();
  private readonly norm: number;
  /** Probability of any stem past the list: a rare word of ordinary French. */
  readonly floor: number;

  /** `officeShare`: the part of ordinary French that is office mail. */
  constructor(stems: readonly string[], private readonly office: OfficeCounts = { counts: {}, total: 0 }, private readonly officeShare = 0.5) {
    stems.forEach((s, i) => this.rank.set(s, i));
    this.norm = harmonic(stems.length + 3);
    this.floor = 1 / ((stems.length * 2 + 3) * this.norm);
    if (!office.total) this.officeShare = 0;
  }

  /** Probability of the stem in ordinary French: general French mixed with office mail. */
  p(stem: string): number {
    const r = this.rank.get(stem);
    const general = r === undefined ? this.floor : 1 / ((r + 3) * this.norm);
    if (!this.officeShare) return general;
    const office = (this.office.counts[stem] ?? 0) / this.office.total;
    return (1 - this.officeShare) * general + this.officeShare * office;
  }

  known(stem: string): boolean {
    return this.rank.has(stem) || (this.office.counts[stem] ?? 0) > 0;
  }
}
