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
  /**
   * Passage id → the passages it borrows from, closest first: it holds the stems of all their rewordings
   * (`RewordingSearch.lend` searches them so, `borrowedTable` writes them out).
   */
  from: Map<string, string[]>;
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
  const from = new Map<string, string[]>();
  const weight = new Map<string, number>();
  const { vocab } = index;
  const borrowers = [...index.features].filter(([id]) => !rewordings.stems[id] && borrows(id));
  if (!borrowers.length) return { from, weight };
  // Each stem's squared idf, computed once: the norms read every stem of every passage met.
  const idf2s = new Float64Array(vocab.postings.length);
  const idf2 = (stem: number) => idf2s[stem] || (idf2s[stem] = Math.log(1 + vocab.count / Math.max(1, vocab.postings[stem].length)) ** 2);
  // By slot, read once per call rather than once per posting met: whether the passage lends (it has rewordings
  // of its own), its norm (0 until needed), and the dot product with the borrower at hand (with the slots it
  // touched, set back to 0 after each borrower). At twenty times the library, fifty borrowers met some 500,000
  // postings; with a Map per borrower and a lookup of the lender's rewordings by id for each, the first answer
  // after an import spent 105 to 155 ms here.
  const slots = vocab.slotIds.length;
  const lends = new Uint8Array(slots);
  for (let slot = 0; slot < slots; slot++) {
    const id = vocab.slotIds[slot];
    if (id !== undefined && rewordings.stems[id] !== undefined) lends[slot] = 1;
  }
  const norms = new Float64Array(slots);
  const norm = (slot: number) => {
    let v = norms[slot];
    if (!v) {
      for (const s of index.features.get(vocab.slotIds[slot]!)!.stems) v += idf2(s);
      norms[slot] = v = Math.sqrt(v) || 1;
    }
    return v;
  };
  // Each stem's lending slots, in the postings' order, gathered when first met: in a library grown by imports most
  // postings are borrowers, and skipping them one by one for each borrower was half of this function's time.
  const lenders: (Int32Array | undefined)[] = [];
  const lendersOf = (stem: number) => {
    let list = lenders[stem];
    if (!list) {
      const kept: number[] = [];
      for (const slot of vocab.postings[stem]) if (lends[slot]) kept.push(slot);
      lenders[stem] = list = Int32Array.from(kept);
    }
    return list;
  };
  const dot = new Float64Array(slots);
  const touched: number[] = [];
  for (const [id, f] of borrowers) {
    for (const s of f.stems) {
      if (vocab.postings[s].length > commonLimit) continue;
      const w = idf2(s);
      for (const slot of lendersOf(s)) {
        if (dot[slot] === 0) touched.push(slot);
        dot[slot] += w;
      }
    }
    const own = norm(f.slot);
    // The NEIGHBOURS closest, closest first (ties: the earlier slot first), kept in order as they are met.
    const near: (readonly [number, number])[] = [];
    for (const slot of touched) {
      const c = dot[slot] / (own * norm(slot));
      dot[slot] = 0;
      if (near.length === NEIGHBOURS && !closer(c, slot, near[NEIGHBOURS - 1])) continue;
      let at = near.length;
      while (at > 0 && closer(c, slot, near[at - 1])) at--;
      near.splice(at, 0, [slot, c]);
      if (near.length > NEIGHBOURS) near.pop();
    }
    touched.length = 0;
    if (!near.length) continue;
    from.set(id, near.map(([slot]) => vocab.slotIds[slot]!));
    const mean = near.reduce((sum, [, c]) => sum + c, 0) / near.length;
    weight.set(id, Math.min(1, mean / SIMILAR));
  }
  return { from, weight };
}

/**
 * What the borrowers hold, written out as a table of rewordings: each the union of its lenders' stems, and apart
 * (`newer`) those only the lenders' newer voices hold, which the gate does not read, as in the lenders' own table.
 * The search reads the same without the copy (`RewordingSearch.lend`); this says what it reads, for the tests.
 */
export function borrowedTable(from: ReadonlyMap<string, readonly string[]>, rewordings: RewordingTable): RewordingTable {
  const table: RewordingTable = { stems: {} };
  for (const [id, lenders] of from) {
    const stems = new Set<string>();
    const fitted = new Set<string>();
    for (const lent of lenders) {
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
  }
  return table;
}

/** Is (cosine `c`, `slot`) before `than` in the order of neighbours: closer, or as close and an earlier slot? */
function closer(c: number, slot: number, than: readonly [number, number]): boolean {
  return c > than[1] || (c === than[1] && slot < than[0]);
}
