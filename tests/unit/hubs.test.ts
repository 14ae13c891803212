/**
 * A passage that comes up for everything is a weaker answer to any one paragraph (match.ts,
 * `hubPenalty`; generated/hubs.json): its figure is how often it comes up among the first five for
 * the other passages' rewordings, relative to the mean. The shipped table is current and covers
 * every reworded passage; a high figure lowers a passage, an imported one counts as average.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildIndex } from '../../data/engine/searchIndex';
import { createMatcher, DEFAULT_SETTINGS } from '../../data/engine/match';
import type { RewordingTable } from '../../data/engine/rewordings';
import { shippedLibrary } from '../../data/tools/cli-lib';
import { HUBS, REWORDINGS, serialiseHubs } from '../../data/tools/engineData';

const library = shippedLibrary();
const index = buildIndex(library);
const shippedHubs = (JSON.parse(readFileSync(HUBS, 'utf8')) as { hubs: Record<string, number> }).hubs;
// Written for this test.
const PARAGRAPH = 'Les jeunes qui arrivent seuls en France doivent être protégés comme des enfants, pas contrôlés comme des fraudeurs.';

describe('passages that come up for everything', () => {
  test('the shipped table is current and has a figure for every reworded passage, about 1 on average', () => {
    const rewordings = JSON.parse(readFileSync(REWORDINGS, 'utf8')) as RewordingTable;
    expect(readFileSync(HUBS, 'utf8')).toBe(serialiseHubs(library, rewordings, DEFAULT_SETTINGS.translations));
    // Draft remarks, which have no rewordings, get a figure too when they come up.
    for (const id of Object.keys(rewordings.stems)) expect(shippedHubs[id], id).toBeGreaterThanOrEqual(0);
    const values = Object.values(shippedHubs);
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeCloseTo(1, 1);
    expect(Math.max(...values)).toBeGreaterThan(3);
  }, 60_000);

  test('a high figure moves a passage down; without the discount, or as an average passage, it stays', () => {
    const ranked = (hubs: Record<string, number>, hubPenalty = DEFAULT_SETTINGS.hubPenalty) =>
      createMatcher(index, { ...DEFAULT_SETTINGS, gate: 0, hubs, hubPenalty })
        .match(PARAGRAPH, { k: 5 })
        .map((r) => r.id);
    const asAverage = ranked({});
    const first = asAverage[0];
    // A passage with no figure (as an imported one) counts as average: the order is the one of a table of 1s.
    expect(ranked(Object.fromEntries(asAverage.map((id) => [id, 1])))).toEqual(asAverage);
    // The same passage coming up fifty times as often as the mean is no longer first.
    expect(ranked({ [first]: 50 })[0]).not.toBe(first);
    expect(ranked({ [first]: 50 }, 0)[0]).toBe(first);
  });
});
