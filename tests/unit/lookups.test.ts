import { describe, expect, test } from 'vitest';
import { lookupTable, splitLookups, type Lookup, type ReadLookup } from '../../data/tools/lookups';

const line = (id: string, kind: 'on' | 'off'): Lookup => ({ id, kind, query: id, expect: kind === 'on' ? ['x'] : [] });

describe('the search box’s look-ups, read in two halves', () => {
  test('the halves are fixed by the file alone: every other line of each kind, whatever the order of kinds', () => {
    const lines = [line('a', 'on'), line('b', 'off'), line('c', 'on'), line('d', 'on'), line('e', 'off')];
    const { tuning, heldOut } = splitLookups(lines);
    expect(tuning.map((l) => l.id)).toEqual(['a', 'd', 'b']);
    expect(heldOut.map((l) => l.id)).toEqual(['c', 'e']);
    expect(splitLookups([...lines])).toEqual({ tuning, heldOut });
  });

  test('the table counts each path, and the look-ups read for their sense at each threshold', () => {
    const read: ReadLookup[] = [
      { line: line('a', 'on'), via: 'words', answered: true, right: true, rightAnyway: true },
      { line: line('b', 'on'), via: 'sense', answered: true, right: true, sense: { probability: 0.65, right: true }, rightAnyway: true },
      { line: line('c', 'on'), via: 'sense', answered: false, right: false, sense: { probability: 0.35, right: false }, rightAnyway: false },
      { line: line('e', 'on'), via: 'sense', answered: false, right: false, sense: { probability: 0.2, right: true }, rightAnyway: true },
      { line: line('d', 'off'), via: 'sense', answered: false, right: false, sense: { probability: 0.45, right: false }, rightAnyway: false },
    ];
    const table = lookupTable([{ name: 'réglage', read }]);
    // A right answer withheld under the threshold counts after « Chercher quand même » only.
    expect(table).toContain('| réglage | 4 | 1 / 0 / 1 | 2 | 3 | 1 | 0 / 0 / 0 |');
    expect(table).toContain('| réglage | 0.3 | 2 (1) sur 3 | 1 sur 1 |');
    expect(table).toContain('| réglage | 0.4 | 1 (1) sur 3 | 1 sur 1 |');
    expect(table).toContain('| réglage | 0.5 (livré) | 1 (1) sur 3 | 0 sur 1 |');
    expect(table).toContain('| réglage | 0.7 | 0 (0) sur 3 | 0 sur 1 |');
  });
});
