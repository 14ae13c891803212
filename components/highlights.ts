/**
 * Which words of a card to mark: only those that tell why it matched. The engine marks every
 * occurrence of every shared word (15 to 25 in a long quote); a card marks each word once, whole,
 * at most `max` of them, the rarer (longer) words first, in reading order. Pure, unit-tested.
 */
import { wholeWords } from '../data/engine/search';

export const MAX_MARKED_WORDS = 6;

export function sparseHighlights(text: string, ranges: readonly (readonly [number, number])[], max = MAX_MARKED_WORDS): [number, number][] {
  const seen = new Set<string>();
  const firsts: [number, number][] = [];
  for (const range of wholeWords(text, ranges)) {
    const key = text
      .slice(range[0], range[1])
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '');
    if (seen.has(key)) continue;
    seen.add(key);
    firsts.push(range);
  }
  return firsts
    .map((range, order) => ({ range, order }))
    .sort((a, b) => b.range[1] - b.range[0] - (a.range[1] - a.range[0]) || a.order - b.order)
    .slice(0, max)
    .sort((a, b) => a.order - b.order)
    .map(({ range }) => range);
}
