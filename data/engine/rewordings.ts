/**
 * Everyday rewordings of the shipped passages, searched as a channel of their own.
 *
 * People rarely write a passage's own words: « les gamins qu'on renvoie au pays » for « le
 * retour des mineurs dans leur pays d'origine ». For each shipped passage, writers who saw
 * neither the engine nor any evaluation set wrote six rewordings in other voices (a close one,
 * one sharing almost no content word, a jotted note, a question, the situation as a field worker
 * tells it, a formal sentence): `corpus/rewordings.jsonl`. The library build analyses them as
 * passages are analysed and ships each passage's stems (`generated/rewordings.json`).
 *
 * They are searched like passages (BM25 over their own postings, all of a passage's rewordings
 * read as one text) and what they find is the passage they reword, never themselves: a rewording
 * is never shown, offered or inserted; only the passage's verbatim wording is. A passage imported
 * later has none and is found by its own words, concepts and synonyms; a removed passage's
 * rewordings find nothing (the caller keeps only passages the index holds).
 */
import SearchableMap from 'minisearch/SearchableMap';
import { addLength, createTermSearch, type Postings } from './termSearch';

/** What `generated/rewordings.json` ships: passage id → the stems of its rewordings, space-separated. */
export interface RewordingTable {
  stems: Record<string, string>;
}

export interface RewordingSearch {
  /** Passages whose rewordings hold the stems, by BM25 over the rewordings, best first. */
  rank(stems: readonly string[]): { id: string; score: number }[];
  /** Does one of the passage's rewordings hold the stem? */
  has(passage: string, stem: string): boolean;
}

export function createRewordingSearch(table: RewordingTable): RewordingSearch {
  const v: Postings = { ids: new Map(), postings: [], terms: new SearchableMap<number>(), nextSlot: 0, slotIds: [], lengths: [], count: 0, avgLength: 0 };
  const byPassage = new Map<string, Set<string>>();
  for (const [passage, joined] of Object.entries(table.stems)) {
    const stems = new Set(joined.split(' ').filter(Boolean));
    byPassage.set(passage, stems);
    const slot = v.nextSlot++;
    for (const s of stems) {
      let id = v.ids.get(s);
      if (id === undefined) {
        id = v.postings.length;
        v.ids.set(s, id);
        v.postings.push([]);
        v.terms.set(s, id);
      }
      v.postings[id].push(slot);
    }
    v.slotIds[slot] = passage;
    addLength(v, slot, stems.size);
  }
  const search = createTermSearch(v);
  return {
    rank: (stems) => search.search(stems, { coordination: 0 }),
    has: (passage, stem) => byPassage.get(passage)?.has(stem) ?? false,
  };
}
