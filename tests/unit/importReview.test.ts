/** The review screen's operations: the wording is never rewritten, boundaries may move. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { proposeImport, type ImportProposal } from '../../data/library/import/propose';
import { readDocument } from '../../data/library/import/readDocument';
import { isVerbatim, mergeWithNext, relabel, sameVoice, sentencesOf, splitAt, uniqueIds, withAuthor } from '../../data/library/import/review';
import { shippedLibrary } from '../../data/tools/cli-lib';

// The PDF: its lines are hard-wrapped, so a position spans several lines and a split moves a boundary inside them.
let source: ImportProposal['source'];
let proposals: ImportProposal['proposals'];
beforeAll(async () => {
  const pdf = new Uint8Array(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'reports', 'cr-2026-11-18-non-sanction.pdf')));
  ({ source, proposals } = proposeImport((await readDocument('cr.pdf', pdf)).text, { title: 'Rencontre au ministère de la Justice', date: '2026-11-18' }));
});
const at = (starts: string) => proposals.findIndex((p) => p.text.startsWith(starts));

describe('review operations', () => {
  test('merge with the next: both texts, lines from the first to the last, measures of both', () => {
    const i = at('Le Collectif rappelle');
    const merged = mergeWithNext(proposals, i, source.text)!;
    expect(merged).toHaveLength(proposals.length - 1);
    expect(merged[i]!.text).toBe(`${proposals[i]!.text} ${proposals[i + 1]!.text}`);
    expect(merged[i]!.lines).toEqual([proposals[i]!.lines[0], proposals[i + 1]!.lines[1]]);
    expect(isVerbatim(source.text, merged[i]!.text)).toBe(true);
  });

  test('no merge across a turn: the source never had those words together', () => {
    expect(mergeWithNext(proposals, at('Les poursuites engagées'), source.text)).toBeUndefined();
  });

  test('split at a sentence: two proposals, words unchanged, each with its own lines', () => {
    const i = at('M. Lardanchet');
    expect(sentencesOf(proposals[i]!)).toHaveLength(2);
    const split = splitAt(proposals, i, 1, source.text)!;
    expect(split[i]!.text + ' ' + split[i + 1]!.text).toBe(proposals[i]!.text);
    expect(split[i + 1]!.text).toMatch(/^Il demande qu'une circulaire/);
    expect(split[i]!.lines[0]).toBe(proposals[i]!.lines[0]);
    expect(split[i + 1]!.lines[1]).toBe(proposals[i]!.lines[1]);
    expect(split[i]!.lines[1]).toBeLessThanOrEqual(split[i + 1]!.lines[0]);
    expect(new Set(uniqueIds(split).map((p) => p.id)).size).toBe(split.length);
    expect(splitAt(proposals, i, 2, source.text)).toBeUndefined();
  });

  test('relabel changes labels, never the text', () => {
    const p = relabel(proposals[0]!, { author: 'association', speaker: 'Mme Colas', measures: ['PAN1-2'] });
    expect(p).toMatchObject({ text: proposals[0]!.text, author: 'association', speaker: 'Mme Colas', measures: ['PAN1-2'] });
  });
});

describe('one correction offered for the speaker’s other proposals', () => {
  // The 3 February 2014 report, imported as new: the members of the delegation speak for the Collectif before the
  // minister, and the reader, which cannot know it, gives their words to their associations.
  const library = shippedLibrary();
  const shipped = library.sources.find((s) => s.id === 'cr-2014-02-03')!;
  const text = readFileSync(join(import.meta.dirname, '..', '..', 'data', 'library', 'seeds', shipped.file), 'utf8');
  const list = proposeImport(text, { title: shipped.title, date: shipped.date }).proposals;
  const soulage = list.flatMap((p, k) => (p.speaker === 'M. Soulage' && p.author === 'association' ? [k] : []));

  test('the others are those of the same speaker with the same author, never another speaker’s', () => {
    expect(soulage.length).toBeGreaterThan(3);
    const [first, ...others] = soulage;
    expect(sameVoice(list, first!, 'M. Soulage', 'association')).toEqual(others);
    // The Collectif unnamed is no speaker: nothing is offered from it.
    const unnamed = list.findIndex((p) => !p.speaker);
    expect(unnamed).toBeGreaterThanOrEqual(0);
    expect(sameVoice(list, unnamed, undefined, list[unnamed]!.author)).toEqual([]);
    // Another author for the same speaker (a corrected one) is left as it is.
    const corrected = withAuthor(list, [others[0]!], 'collectif');
    expect(sameVoice(corrected, first!, 'M. Soulage', 'association')).toEqual(others.slice(1));
  });

  test('applied, only those proposals change, and only their author: words, lines and the others untouched', () => {
    const applied = withAuthor(list, soulage, 'collectif');
    applied.forEach((p, k) => {
      const before = list[k]!;
      expect(p.text).toBe(before.text);
      expect(p.lines).toEqual(before.lines);
      expect(p.author).toBe(soulage.includes(k) ? 'collectif' : before.author);
    });
    // What the 3 February report's own reading says these sentences are: the Collectif's.
    const authors = new Set(library.positions.filter((p) => p.sourceId === 'cr-2014-02-03' && p.speaker === 'M. Soulage').map((p) => p.author));
    expect([...authors]).toEqual(['collectif']);
  });
});
