/**
 * `npm run eval -- --fingerprint`: one hash of everything the engine answers on every line of the evaluation sets,
 * for work meant to change nothing (speed, memory, a clearer structure): the same hash before and after says that no
 * answer moved. It covers each decision (on topic, probability), each top five as the panel shows it (ids, scores,
 * highlights, matched words, concepts, citations) and the look-up the panel's search box makes without the gate (forty
 * results). Scores and probabilities count to 1e-9, below which a change of the order of additions may move them.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildIndex } from '../engine/searchIndex';
import { createMatcher, DEFAULT_SETTINGS, type EngineSettings, type MatchResult } from '../engine/match';
import type { Library } from '../library/schema';

/** The text (or look-up) of every line of the `.jsonl` files of `dir`, files in name order, lines in file order. */
export function evaluationTexts(dir: string): string[] {
  const texts: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { text, query } = JSON.parse(line) as { text?: unknown; query?: unknown };
      if (typeof query === 'string') texts.push(query);
      if (typeof text === 'string') texts.push(text);
    }
  }
  return texts;
}

export function fingerprint(library: Library, texts: readonly string[], settings: EngineSettings = DEFAULT_SETTINGS): string {
  const matcher = createMatcher(buildIndex(library), settings);
  const hash = createHash('sha256');
  const fixed = (x: number) => x.toFixed(9);
  const shown = (results: MatchResult[]) => results.map((r) => [r.id, fixed(r.score), r.highlights, r.matched, r.concepts, r.citations.length]);
  for (const text of texts) {
    const explained = matcher.explain(text);
    const offered = matcher.match(text, { k: 5 });
    const looked = matcher.lookUp(text, { k: 40, gate: false });
    hash.update(JSON.stringify([explained.onTopic, fixed(explained.probability), shown(offered), looked.onTopic, shown(looked.results)]));
    hash.update('\n');
  }
  return hash.digest('hex').slice(0, 16);
}
