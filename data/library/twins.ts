/**
 * Twins: near-identical wordings of one side, as the engine groups them (`Matcher.twins`). A report's synthesis gives
 * the Collectif the sentence its full account gives « M. Albert (Mouvement du Nid) »; a demand is said again at the
 * next meeting. The suggestions already show one card for them; the lists a user reads through (a measure's story, the
 * browse list, a look-up's words) show one entry too, citing every place.
 *
 * Pure: the story, the search and the tests share it.
 */
import { placesOf } from './citation';
import type { Position } from './schema';

/** The near-identical wordings of a position, itself among them (`[id]` when it has none). */
export type TwinsOf = (id: string) => readonly string[];

/**
 * One item per group of twins among `items`, in the order of each group's first item. A group shows the Collectif's own
 * wording when it holds it (the words to put in a letter, not « M. X rappelle que … »), otherwise its first; the item
 * shown cites every place of its group (« + 1 autre source »). `together(a, b)` says which twins may merge (the story
 * keeps a demand said again at a later meeting as its own entry); an item with no twin among `items`, or no position,
 * comes back as is.
 */
export function mergeTwins<T>(
  items: readonly T[],
  positionOf: (item: T) => Position | undefined,
  twinsOf: TwinsOf,
  withPosition: (item: T, position: Position) => T,
  together: (a: Position, b: Position) => boolean = () => true,
): T[] {
  const groups: T[][] = [];
  const groupOf = new Map<string, number>();
  for (const item of items) {
    const p = positionOf(item);
    let joined: number | undefined;
    // Most positions have no twin: `twinsOf` is then `[id]`, which no group holds yet.
    if (p) {
      for (const id of twinsOf(p.id)) {
        const g = groupOf.get(id);
        if (g !== undefined && together(positionOf(groups[g]![0]!)!, p)) {
          joined = g;
          break;
        }
      }
    }
    const g = joined ?? groups.push([]) - 1;
    groups[g]!.push(item);
    if (p) groupOf.set(p.id, g);
  }
  if (groups.length === items.length) return [...items];
  return groups.map((group) => {
    if (group.length === 1) return group[0];
    const shown = group.find((item) => positionOf(item)!.author === 'collectif') ?? group[0];
    const position = positionOf(shown)!;
    const others = group.filter((item) => item !== shown).map((item) => positionOf(item)!);
    return withPosition(shown, { ...position, citations: placesOf(position, others) });
  });
}
