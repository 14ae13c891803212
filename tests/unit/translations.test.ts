/**
 * Everyday words read as the library's words (engine/translations.ts): learned from the shipped
 * rewordings beside their passages, read for passages that have no rewordings of their own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildIndex } from '../../data/engine/searchIndex';
import { createMatcher, DEFAULT_SETTINGS } from '../../data/engine/match';
import { stem } from '../../data/engine/normalise';
import { withoutRewordings, type RewordingTable } from '../../data/engine/rewordings';
import { shippedLibrary } from '../../data/tools/cli-lib';
import { REWORDINGS, serialiseTranslations, TRANSLATIONS } from '../../data/tools/engineData';
import { asImported } from '../../data/tools/evalSets';
import { buildTranslations } from '../../data/engine/translations';

const library = shippedLibrary();
const index = buildIndex(library);

describe('everyday words read as the library’s words', () => {
  test('the shipped table is current: learned from the shipped rewordings at build', () => {
    const rewordings = JSON.parse(readFileSync(REWORDINGS, 'utf8')) as RewordingTable;
    expect(readFileSync(TRANSLATIONS, 'utf8')).toBe(serialiseTranslations(library, rewordings));
    // Learned, not listed: « flic » comes with the police in the passages its rewordings say.
    expect(DEFAULT_SETTINGS.translations[stem('flic')]).toContain(stem('police'));
  }, 60_000);

  // Written for this test: a paraphrase of the 2022 advocacy paper's « L’identification des victimes, en France, est de la
  // responsabilité des forces de gendarmerie et de police, mais elles sont trop peu nombreuses sur ce sujet et pas
  // toujours formées. », in words it does not use.
  const paraphrase = 'Il n’y a pas assez de flics formés pour repérer les personnes exploitées, et c’est à eux seuls de le faire.';
  const target = library.positions.find((p) => p.text.startsWith('L’identification des victimes, en France, est de la responsabilité'))!;

  test('a passage imported without rewordings is found by an everyday paraphrase through them', () => {
    // The source as if imported after the rewordings were written: its passages have none, and the table is learned
    // without them, as it would have been.
    const imported = asImported(index, DEFAULT_SETTINGS, target.sourceId);
    const rank = (translationBoost: number) =>
      createMatcher(index, { ...imported, translationBoost, gate: 0 })
        .match(paraphrase, { k: 20 })
        .findIndex((r) => r.id === target.id);
    expect(rank(0)).toBeGreaterThanOrEqual(5);
    expect(rank(DEFAULT_SETTINGS.translationBoost)).toBeGreaterThanOrEqual(0);
    expect(rank(DEFAULT_SETTINGS.translationBoost)).toBeLessThan(5);
  });

  test('a passage with rewordings of its own is found by them: the table changes nothing for the shipped library', () => {
    const ids = (translationBoost: number) => createMatcher(index, { ...DEFAULT_SETTINGS, translationBoost, gate: 0 }).match(paraphrase, { k: 10 }).map((r) => [r.id, r.score]);
    expect(ids(DEFAULT_SETTINGS.translationBoost)).toEqual(ids(0));
  });
});

describe('a source taken as imported, in the evaluation', () => {
  test('learns nothing from its own rewordings: neither the everyday words nor the hubs', () => {
    const source = 'plaidoyer-2022-12-15';
    const ofSource = (id: string) => id.startsWith(`${source}:`);
    const imported = asImported(index, DEFAULT_SETTINGS, source);
    expect(Object.keys(imported.rewordings.stems).filter(ofSource)).toEqual([]);
    expect(Object.keys(imported.hubs).filter(ofSource)).toEqual([]);
    expect(Object.keys(DEFAULT_SETTINGS.hubs).filter(ofSource).length).toBeGreaterThan(100);
    // The table a report imported later meets: learned from the other sources' rewordings alone. It is not the
    // shipped one, which learned from this source's rewordings too (until the 28th session, the evaluation read that).
    expect(imported.translations).toEqual(buildTranslations(index, withoutRewordings(DEFAULT_SETTINGS.rewordings, ofSource)));
    expect(imported.translations).not.toEqual(DEFAULT_SETTINGS.translations);
    expect(imported.translations[stem('flic')]).toContain(stem('police'));
  }, 60_000);
});
