/**
 * How the subject is told in everyday words (engine/phrasing.ts): a naive Bayes table learned
 * from the gate's training lines, one of the gate's features.
 */
import { describe, expect, test } from 'vitest';
import { buildPhrasing, phrasingScore, phrasingStems } from '../../data/engine/phrasing';
import phrasingData from '../../data/engine/generated/phrasing.json';
import { buildIndex } from '../../data/engine/searchIndex';
import { createMatcher } from '../../data/engine/match';
import { shippedLibrary } from '../../data/tools/cli-lib';

describe('the phrasing table', () => {
  const table = buildPhrasing([
    { on: true, text: 'Son patron lui a confisqué son passeport.' },
    { on: true, text: 'Elle doit rembourser une dette au réseau.' },
    { on: false, text: 'La réunion du bureau est reportée.' },
    { on: false, text: 'Merci de confirmer votre présence à la réunion.' },
  ]);

  test('words of the subject weigh for it, words of office mail against it', () => {
    expect(table.logOdds[phrasingStems('passeport')[0]]).toBeGreaterThan(0);
    expect(table.logOdds[phrasingStems('réunion')[0]]).toBeLessThan(0);
    // Met twice in office mail weighs against more than met once.
    expect(table.logOdds[phrasingStems('réunion')[0]]).toBeLessThan(table.logOdds[phrasingStems('bureau')[0]]);
  });

  test('a paragraph is the sum of its distinct words, numbers left out, unknown words at the table’s prior', () => {
    expect(phrasingStems('le 3 juin, 14 h, juin')).toEqual(phrasingStems('juin'));
    const stems = phrasingStems('passeport inconnuissime');
    expect(phrasingScore(table, stems)).toBeCloseTo(table.logOdds[stems[0]] + table.unseen, 6);
  });
});

describe('the shipped table, read by the gate', () => {
  const matcher = createMatcher(buildIndex(shippedLibrary()));
  // Written for this test: a case told in everyday words, and office mail.
  const told = 'Les jeunes filles nigérianes doivent rembourser une dette de voyage énorme à leur mama.';
  const office = 'Merci de confirmer votre présence au déjeuner des bénévoles samedi.';

  test('reads a case told in everyday words as the subject, and office mail as office mail', () => {
    expect(phrasingScore(phrasingData, phrasingStems(told))).toBeGreaterThan(0);
    expect(phrasingScore(phrasingData, phrasingStems(office))).toBeLessThan(0);
    expect(matcher.explain(told).features.phrasing).toBeGreaterThan(matcher.explain(office).features.phrasing);
  });

  test('the gate answers the case and stays quiet on the office mail', () => {
    expect(matcher.match(told).length).toBeGreaterThan(0);
    expect(matcher.match(office)).toEqual([]);
  });
});
