/**
 * Rewordings a passage borrows from its neighbours when it has none of its own.
 *
 * The shipped passages are found by the everyday words of their rewordings (rewordings.ts); a
 * passage imported later has none, and its paraphrases lose to shipped passages found through
 * theirs. Most imported reports speak of subjects the library already holds, in other words:
 * such a passage borrows the rewordings of the reworded passages closest to it (cosine of
 * idf-weighted stems, `NEIGHBOURS` of them), so « les gamins qu'on renvoie au pays » reaches a
 * new report's sentence on returns the way it reaches the shipped ones. Borrowed words are
 * searched, never shown: what they find is the borrowing passage, offered in its own verbatim
 * wording.
 *
 * A passage on a subject the library does not hold has only distant neighbours: what it borrows
 * counts in proportion to how close they are (full weight from a mean cosine of `SIMILAR`), so
 * it is not pulled into answers about its neighbours' subject. Measured by making each shipped
 * source in turn « imported » (its rewordings removed), on the 720 passage paraphrases:
 * passage@5 0.56 → 0.66 (README, « Reformulations empruntées »).
 */
import type { SearchIndex } from './searchIndex';
import type { RewordingTable } from './rewordings';

/** How many reworded neighbours a passage borrows from. */
export const NEIGHBOURS = 8;
/** Mean cosine of those neighbours from which what it borrows counts fully. */
export const SIMILAR = 0.3;

export interface BorrowedRewordings {
  /** Passage id → the stems it borrows, space-separated, as `RewordingTable` ships them. */
  table: RewordingTable;
  /** Passage id → how much what it borrows counts, in (0, 1]. */
  weight: Map<string, number>;
}

/**
 * What each passage `borrows` selects borrows from the passages that have rewordings of their
 * own in `rewordings`. Words in more than `commonLimit` passages do not decide who is close.
 */
export function borrowRewordings(
  index: SearchIndex,
  rewordings: RewordingTable,
  borrows: (id: string) => boolean,
  commonLimit: number,
): BorrowedRewordings {
  const table: RewordingTable = { stems: {} };
  const weight = new Map<string, number>();
  const { vocab } = index;
  const borrowers = [...index.features].filter(([id]) => !rewordings.stems[id] && borrows(id));
  if (!borrowers.length) return { table, weight };
  const idf2 = (stem: number) => Math.log(1 + vocab.count / Math.max(1, vocab.postings[stem].length)) ** 2;
  const norms = new Map<number, number>();
  const norm = (slot: number) => {
    let v = norms.get(slot);
    if (v === undefined) {
      v = 0;
      for (const s of index.features.get(vocab.slotIds[slot]!)!.stems) v += idf2(s);
      norms.set(slot, (v = Math.sqrt(v) || 1));
    }
    return v;
  };
  const lender = (slot: number) => {
    const id = vocab.slotIds[slot];
    return id !== undefined && rewordings.stems[id] !== undefined;
  };
  for (const [id, f] of borrowers) {
    const dot = new Map<number, number>();
    for (const s of f.stems) {
      const slots = vocab.postings[s];
      if (slots.length > commonLimit) continue;
      const w = idf2(s);
      for (const slot of slots) if (lender(slot)) dot.set(slot, (dot.get(slot) ?? 0) + w);
    }
    const own = norm(f.slot);
    const near = [...dot]
      .map(([slot, d]) => [slot, d / (own * norm(slot))] as const)
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, NEIGHBOURS);
    if (!near.length) continue;
    const stems = new Set<string>();
    // What only the lenders' newer voices hold stays apart, as in the lenders' own table: the gate does not read it.
    const fitted = new Set<string>();
    for (const [slot] of near) {
      const lent = vocab.slotIds[slot]!;
      const later = rewordings.newer?.[lent];
      const newer = later ? new Set(later.split(' ')) : undefined;
      for (const s of rewordings.stems[lent].split(' ')) {
        if (!s) continue;
        stems.add(s);
        if (!newer?.has(s)) fitted.add(s);
      }
    }
    table.stems[id] = [...stems].join(' ');
    const later = [...stems].filter((s) => !fitted.has(s));
    if (later.length) (table.newer ??= {})[id] = later.join(' ');
    const mean = near.reduce((sum, [, c]) => sum + c, 0) / near.length;
    weight.set(id, Math.min(1, mean / SIMILAR));
  }
  return { table, weight };
}
