/**
 * The baseline the issue and the README compare the engine with: MiniSearch over the same
 * French analysis, BM25 on the paragraph as the query, and nothing else (no gate, no concept,
 * no re-ranking). `npm run bench` times it, `npm run eval -- --ablation` scores it.
 */
import MiniSearch from 'minisearch';
import { analyze } from '../engine/normalise';
import type { Position } from '../library/schema';

export interface PlainDoc {
  id: string;
  text: string;
}

export const PLAIN_OPTIONS = { fields: ['text'], storeFields: [] as string[], tokenize: (s: string) => analyze(s), processTerm: (t: string) => t };

/** A plain index of the positions' wordings. */
export function plainIndex(positions: readonly Position[]): MiniSearch<PlainDoc> {
  const mini = new MiniSearch<PlainDoc>(PLAIN_OPTIONS);
  mini.addAll(positions.map((p) => ({ id: p.id, text: p.text })));
  return mini;
}
