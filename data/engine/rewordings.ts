/**
 * Everyday rewordings of the shipped passages, searched as a channel of their own.
 *
 * People rarely write a passage's own words: « les gamins qu'on renvoie au pays » for « le
 * retour des mineurs dans leur pays d'origine ». For each shipped passage, writers who saw
 * neither the engine nor any evaluation set wrote seventeen rewordings in other voices: nine first
 * (a close one, one sharing almost no content word, a jotted note, a question, the situation as a
 * field worker tells it, a formal sentence, a mail subject line, the administration's words, the
 * point said aloud in a meeting), four in the eleventh session (the case of one person, the point
 * for someone who knows no name or acronym of the field, what goes wrong when it is ignored, the
 * colloquial line), four in the thirteenth (a sentence of a letter to a minister's office, a line of
 * minutes in reported speech, the problem as it stands today, the argument that convinces):
 * `corpus/rewordings.jsonl`. The library build analyses them as passages are analysed and ships each
 * passage's stems (`generated/rewordings.json`), with apart those only the eight later voices hold:
 * the gate was fitted on the first nine and reads only them (`gateHas`).
 *
 * They are searched like passages (BM25 over their own postings, all of a passage's rewordings
 * read as one text) and what they find is the passage they reword, never themselves: a rewording
 * is never shown, offered or inserted; only the passage's verbatim wording is. A passage imported
 * later has none and is found by its own words, concepts and synonyms; a removed passage's
 * rewordings find nothing (the caller keeps only passages the index holds).
 */
import SearchableMap from 'minisearch/SearchableMap';
import { addLength, createTermSearch, sortedIndex, type FlatHits, type Postings } from './termSearch';

/** What `generated/rewordings.json` ships: passage id → the stems of its rewordings, space-separated. */
export interface RewordingTable {
  stems: Record<string, string>;
  /**
   * Of those, the stems that only the voices written after the gate was fitted hold (voices 10 to 13,
   * eleventh session), space-separated. The ranking searches every stem; the gate's « reworded »
   * feature (`gateHas`) reads the nine voices it was fitted on, so that its threshold keeps its meaning.
   */
  newer?: Record<string, string>;
}

export interface RewordingSearch {
  /**
   * Passages whose rewordings hold the stems, by BM25 over the rewordings, best first; with `sorted`
   * false, in the order first met (for a caller that reads them all).
   */
  rank(stems: readonly string[], opts?: { sorted?: boolean }): { id: string; score: number }[];
  /**
   * The same hits by this search's own slots, in the order first met: for a caller that reads them all and keeps its
   * own table from these slots to its passages (`passageAt`, `slots`), rather than a passage id per hit; valid until
   * this search is asked again (`FlatHits`).
   */
  scoredSlots(stems: readonly string[]): FlatHits;
  /** The passage a slot of this search rewords (undefined: none), for slots below `slots`. */
  passageAt(slot: number): string | undefined;
  /** How many slots this search has handed out. */
  readonly slots: number;
  /** Does one of the passage's rewordings hold the stem? */
  has(passage: string, stem: string): boolean;
  /** …one of the voices the gate was fitted on (all of a table without `newer`, such as what a passage borrows)? */
  gateHas(passage: string, stem: string): boolean;
  /** Has the passage rewordings at all? */
  covers(passage: string): boolean;
  /** How many passages' rewordings hold the stem. */
  df(stem: string): number;
}

/** A search built from tables, which more passages can join. */
export interface ExtensibleRewordingSearch extends RewordingSearch {
  /**
   * This search with more passages' rewordings added: scored with the statistics of all, so a
   * passage added here ranks on the same scale as the others. This one is unchanged.
   */
  extend(more: RewordingTable): ExtensibleRewordingSearch;
  /**
   * This search with more passages that each hold the rewordings of passages it already has
   * (`from`: passage → the passages it borrows from, borrowed.ts), answering exactly as `extend`
   * with the union of those rewordings would (`borrowedTable`), without copying them: a passage
   * imported later borrows from eight neighbours some five hundred stems, and at twenty times the
   * library in imported reports the copies took 49 MiB and eight seconds to make at each start of
   * the extension's worker. A stem's postings are gathered when it is first searched; a passage's
   * length (its distinct stems) is counted once. Lenders this search does not have are skipped.
   */
  lend(from: ReadonlyMap<string, readonly string[]>): RewordingSearch;
}

/**
 * Stems in more than half the rewordings (« traite », « exploitation ») tell nothing about which
 * passage is meant and cost the most to score: they are not searched. (A fifth, as the index
 * does with the passages' own words, moved the tuning half up and the shared set down a line.)
 */
const COMMON_SHARE = 0.5;
/** …and in any case more than this many (the passages' own words stop at the same count: `commonMax`). */
const COMMON_MAX = 500;

/**
 * The table without the rewordings of the passages `drop` picks: what the engine has for passages
 * imported after the rewordings were written (the evaluation's « imported source », the ablation).
 */
export function withoutRewordings(table: RewordingTable, drop: (passage: string) => boolean): RewordingTable {
  const keep = (stems: Record<string, string>) => Object.fromEntries(Object.entries(stems).filter(([id]) => !drop(id)));
  return table.newer ? { stems: keep(table.stems), newer: keep(table.newer) } : { stems: keep(table.stems) };
}

export function createRewordingSearch(table: RewordingTable): ExtensibleRewordingSearch {
  const v: Postings = { ids: new Map(), postings: [], terms: new SearchableMap<number>(), nextSlot: 0, slotIds: [], lengths: [], count: 0, avgLength: 0 };
  return searchOver(v, new Map(), [], table);
}

/** In how many of a search's `slots` passages a stem may be and still be searched (`COMMON_SHARE`, `COMMON_MAX`). */
function commonLimit(slots: number): number {
  return Math.min(Math.max(10, slots * COMMON_SHARE), COMMON_MAX);
}

/**
 * Per stem, one bit for each of its postings: set where only the newer voices hold the stem for that
 * passage. A bit rather than a second list of slots: with seventeen voices, eight of them newer, more
 * than half of a passage's stems are newer-only, and lists of slots cost 4 MiB at twenty times the
 * shipped library (over the 40 MiB the index may take); bits cost an eighth of a byte each.
 */
type LaterBits = (Uint8Array | undefined)[];

/**
 * The search over `base` (left untouched, its arrays shared where nothing is added) with the
 * rewordings of `table` added, each passage at a slot of its own.
 */
function searchOver(base: Postings, baseSlots: ReadonlyMap<string, number>, baseLater: LaterBits, table: RewordingTable): ExtensibleRewordingSearch {
  const ids = new Map(base.ids);
  const v: Postings = { ...base, ids, postings: [...base.postings], slotIds: [...base.slotIds], lengths: [...base.lengths] };
  const slotOf = new Map(baseSlots);
  // Postings kept as typed arrays: at twenty times the shipped library, arrays of numbers and a set
  // of strings per passage took 30 MiB; `has` reads the stem's postings (sorted by slot).
  const added = new Map<number, number[]>();
  // Per stem, where in its added slots only the newer voices hold it (indexes into `added`'s list).
  const addedLater = new Map<number, number[]>();
  // `holder[id]` is the slot (plus one) of the last passage holding the stem: each stem counted once a passage.
  const holder: number[] = [];
  for (const [passage, joined] of Object.entries(table.stems)) {
    const slot = v.nextSlot++;
    let size = 0;
    for (const s of joined.split(' ')) {
      if (!s) continue;
      let id = ids.get(s);
      if (id === undefined) {
        id = v.postings.length;
        ids.set(s, id);
        v.postings.push(new Int32Array(0));
      }
      if (holder[id] === slot + 1) continue;
      holder[id] = slot + 1;
      size++;
      (added.get(id) ?? added.set(id, []).get(id)!).push(slot);
    }
    slotOf.set(passage, slot);
    v.slotIds[slot] = passage;
    addLength(v, slot, size);
    for (const s of table.newer?.[passage]?.split(' ') ?? []) {
      const id = ids.get(s);
      // This passage's slot is the last one added for the stem.
      if (id !== undefined && holder[id] === slot + 1) (addedLater.get(id) ?? addedLater.set(id, []).get(id)!).push(added.get(id)!.length - 1);
    }
  }
  const later: LaterBits = [...baseLater];
  for (const [id, slots] of added) {
    const old = v.postings[id];
    const list = new Int32Array(old.length + slots.length);
    list.set(old);
    list.set(slots, old.length);
    v.postings[id] = list;
    const newer = addedLater.get(id);
    if (!newer) continue;
    // Slots only grow, so the added postings follow the old ones: the old bits keep their places.
    const bits = new Uint8Array((list.length + 7) >> 3);
    if (later[id]) bits.set(later[id]!);
    for (const i of newer) bits[(old.length + i) >> 3] |= 1 << ((old.length + i) & 7);
    later[id] = bits;
  }
  const common = commonLimit(v.nextSlot);
  const df = (stem: string) => {
    const id = ids.get(stem);
    return id === undefined ? 0 : v.postings[id].length;
  };
  /** The stems searched: not those too common to tell passages apart. */
  const searched = (stems: readonly string[]) => stems.filter((s) => df(s) <= common);
  // No typo-tolerant lookup here (`terms` stays empty): the paragraph's typos are read as the library's words before.
  const search = createTermSearch(v);
  /** The passage's slot and the stem's id when one of the passage's rewordings holds the stem. */
  const held = (passage: string, stem: string) => {
    const slot = slotOf.get(passage);
    const id = ids.get(stem);
    if (slot === undefined || id === undefined) return undefined;
    const at = sortedIndex(v.postings[id], slot);
    return at < 0 ? undefined : { at, id };
  };
  const self: ExtensibleRewordingSearch = {
    rank: (stems, opts) => search.search(searched(stems), { coordination: 0, sorted: opts?.sorted }),
    scoredSlots: (stems) => search.scored(searched(stems), { coordination: 0 }),
    passageAt: (slot) => v.slotIds[slot],
    slots: v.nextSlot,
    covers: (passage) => slotOf.has(passage),
    df,
    has: (passage, stem) => held(passage, stem) !== undefined,
    gateHas(passage, stem) {
      const h = held(passage, stem);
      const bits = h && later[h.id];
      return h !== undefined && !(bits && bits[h.at >> 3] & (1 << (h.at & 7)));
    },
    extend: (more) => searchOver(v, slotOf, later, more),
    lend: (from) => lentOver(self, v, slotOf, from),
  };
  return self;
}

/**
 * `base` (left untouched) with the passages of `from` added, each holding the union of the stems of the passages it
 * borrows from (`lend`). Slots, lengths and the running mean are those `extend` would give, in the same order; a
 * stem's postings are the base's followed by the borrowers holding it, ascending, as `extend` appends them.
 */
function lentOver(
  base: RewordingSearch,
  baseV: Postings,
  baseSlots: ReadonlyMap<string, number>,
  from: ReadonlyMap<string, readonly string[]>,
): RewordingSearch {
  const v: Postings = { ...baseV, postings: [...baseV.postings], slotIds: [...baseV.slotIds], lengths: [...baseV.lengths] };
  const first = baseV.nextSlot;
  const slotOf = new Map<string, number>();
  // Per borrower (by its slot less `first`), the base slots it borrows from, end to end (`lenderStart`: where each
  // borrower's begin; one small array each cost 3 MiB at twenty times the library); per base slot, the borrowers'
  // slots, ascending.
  const lenderSlots: number[] = [];
  const lenderStart = new Int32Array(from.size + 1);
  const borrowers: number[][] = [];
  for (const ids of from.values()) {
    for (const id of ids) {
      const lender = baseSlots.get(id);
      if (lender !== undefined) borrowers[lender] ??= [];
    }
  }
  // The lenders' stems, read back from the postings (kept by the search only as postings: one list per passage was
  // 10 MiB at twenty times the library).
  const stemsOf: number[][] = [];
  baseV.postings.forEach((postings, stem) => {
    for (const slot of postings) if (borrowers[slot]) (stemsOf[slot] ??= []).push(stem);
  });
  const holder = new Int32Array(baseV.postings.length);
  for (const [passage, ids] of from) {
    const slot = v.nextSlot++;
    let size = 0;
    for (const id of ids) {
      const lender = baseSlots.get(id);
      if (lender === undefined) continue;
      lenderSlots.push(lender);
      borrowers[lender].push(slot);
      for (const s of stemsOf[lender] ?? []) {
        if (holder[s] === slot + 1) continue;
        holder[s] = slot + 1;
        size++;
      }
    }
    lenderStart[slot - first + 1] = lenderSlots.length;
    slotOf.set(passage, slot);
    v.slotIds[slot] = passage;
    addLength(v, slot, size);
  }
  const lenders = Int32Array.from(lenderSlots);
  const lentBy = borrowers.map((slots) => Int32Array.from(slots));
  const common = commonLimit(v.nextSlot);
  // Each stem's number of holders once counted (−1: not yet); its postings are kept only when it is searched.
  const counted = new Int32Array(baseV.postings.length).fill(-1);
  const seen = new Int32Array(v.nextSlot - first);
  let stamp = 0;
  const dfOf = (id: number): number => {
    if (counted[id] >= 0) return counted[id];
    const own = baseV.postings[id];
    const met: number[] = [];
    stamp++;
    for (const lender of own) {
      for (const slot of lentBy[lender] ?? []) {
        if (seen[slot - first] === stamp) continue;
        seen[slot - first] = stamp;
        met.push(slot);
      }
    }
    const df = own.length + met.length;
    if (df <= common) {
      const list = new Int32Array(df);
      list.set(own);
      list.set(Int32Array.from(met).sort(), own.length);
      v.postings[id] = list;
    }
    return (counted[id] = df);
  };
  const df = (stem: string) => {
    const id = v.ids.get(stem);
    return id === undefined ? 0 : dfOf(id);
  };
  const searched = (stems: readonly string[]) => stems.filter((s) => df(s) <= common);
  const search = createTermSearch(v);
  /** Does any of the passages a borrower borrows from hold the stem (`ask`: `has` or `gateHas`)? */
  const lent = (passage: string, stem: string, ask: (lender: string, stem: string) => boolean) => {
    const slot = slotOf.get(passage);
    if (slot === undefined) return ask(passage, stem);
    for (let at = lenderStart[slot - first]; at < lenderStart[slot - first + 1]; at++) if (ask(baseV.slotIds[lenders[at]]!, stem)) return true;
    return false;
  };
  return {
    rank: (stems, opts) => search.search(searched(stems), { coordination: 0, sorted: opts?.sorted }),
    scoredSlots: (stems) => search.scored(searched(stems), { coordination: 0 }),
    passageAt: (slot) => v.slotIds[slot],
    slots: v.nextSlot,
    covers: (passage) => slotOf.has(passage) || base.covers(passage),
    df,
    has: (passage, stem) => lent(passage, stem, base.has),
    gateHas: (passage, stem) => lent(passage, stem, base.gateHas),
  };
}
