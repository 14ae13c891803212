/**
 * Everyday words read as the library's words, learned from the rewordings.
 *
 * The shipped passages' rewordings (rewordings.ts) say each passage in everyday words: side by
 * side with the passages, they are a parallel text of the field, everyday French on one side, the
 * Collectif's and the administration's words on the other. A word of the rewordings that keeps
 * coming with a word of their passages, far more often than chance (« flic » with `polic`,
 * `gendarmer`), is read as that word too, in a channel of its own, at the weight of the paragraph's
 * own words (`translationBoost` in match.ts), and only for passages without rewordings of their own:
 * a reworded passage is found by its rewordings, and the shipped library answers as without the table.
 *
 * What it is for: a passage imported later has no rewordings of its own, and a paraphrase of it
 * shares few of its words; read through this table, the paraphrase's everyday words reach the
 * library's words the imported passage uses. Measured on the passage paraphrases, each shipped source
 * in turn taken as imported (README, « Mots courants lus comme ceux de la bibliothèque »).
 *
 * Learned at `npm run library -- build` (`generated/translations.json`), checked by `check`.
 */
import type { SearchIndex } from './searchIndex';
import type { RewordingTable } from './rewordings';

/** Words of the library each everyday word is read as, at most this many. */
export const PER_WORD = 3;
/** Passages whose rewordings and wording must hold the pair, at least. */
export const MIN_TOGETHER = 3;
/** Pointwise mutual information a pair needs, in nats (about 4.5 times chance). */
export const MIN_PMI = 1.5;
/** A library word in more than this share of the reworded passages says too little to be read for another. */
export const LIBRARY_SHARE = 0.05;
/** An everyday word in more than this share of the rewordings is read as itself only. */
export const EVERYDAY_SHARE = 0.2;

/**
 * Everyday stem → the library stems it is read as, best first. A pair counts in a passage when the
 * everyday stem is in its rewordings but not in its own wording, and the library stem in its wording;
 * its strength is its PMI over the reworded passages, damped while it rests on fewer than five.
 */
export function buildTranslations(index: SearchIndex, rewordings: RewordingTable): Record<string, string[]> {
  const everydayDf = new Map<string, number>();
  const libraryDf = new Map<string, number>();
  const together = new Map<string, Map<string, number>>();
  let n = 0;
  for (const id of Object.keys(rewordings.stems).sort()) {
    const f = index.features.get(id);
    if (!f) continue;
    n++;
    const own = new Set(Array.from(f.stems, (s) => index.vocab.stems[s]));
    const everyday = new Set(rewordings.stems[id].split(' ').filter(Boolean));
    for (const a of everyday) everydayDf.set(a, (everydayDf.get(a) ?? 0) + 1);
    for (const b of own) libraryDf.set(b, (libraryDf.get(b) ?? 0) + 1);
    for (const a of everyday) {
      if (own.has(a)) continue;
      let pairs = together.get(a);
      if (!pairs) together.set(a, (pairs = new Map()));
      for (const b of own) pairs.set(b, (pairs.get(b) ?? 0) + 1);
    }
  }
  const table: Record<string, string[]> = {};
  for (const a of [...together.keys()].sort()) {
    if (everydayDf.get(a)! > n * EVERYDAY_SHARE) continue;
    const best = [...together.get(a)!]
      .filter(([b, j]) => j >= MIN_TOGETHER && libraryDf.get(b)! <= n * LIBRARY_SHARE)
      .map(([b, j]) => [b, Math.log((j * n) / (everydayDf.get(a)! * libraryDf.get(b)!)) * Math.min(1, j / 5)] as const)
      .filter(([, strength]) => strength > MIN_PMI)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, PER_WORD);
    if (best.length) table[a] = best.map(([b]) => b);
  }
  return table;
}
