/**
 * A passage imported without rewordings borrows those of its closest reworded passages
 * (data/engine/borrowed.ts): a new report on a subject the library holds is found by the everyday
 * words people use for that subject; a report on a subject the library does not hold borrows
 * little; what is offered is the imported wording itself; and the borrowing follows the library.
 */
import { describe, expect, test } from 'vitest';
import { addToIndex, buildIndex, removeFromIndex } from '../../data/engine/searchIndex';
import { createMatcher, DEFAULT_SETTINGS } from '../../data/engine/match';
import { borrowedTable, borrowRewordings } from '../../data/engine/borrowed';
import { createRewordingSearch, withoutRewordings } from '../../data/engine/rewordings';
import { analyze } from '../../data/engine/normalise';
import type { Position } from '../../data/library/schema';
import { shippedLibrary } from '../../data/tools/cli-lib';

// Written for this test: a meeting report of 2026 on subjects the shipped documents hold (age assessment of
// minors, non-punishment, shelter for women with children), in its own words; and one on a subject they do not
// hold (fake football agents).
const report = (sourceId: string, wordings: string[]): Position[] =>
  wordings.map((text, i) => ({
    id: `${sourceId}-${i + 1}`,
    sourceId,
    date: '2026-11-20',
    author: 'collectif',
    speaker: '',
    organisation: '',
    section: 'Compte rendu',
    text,
    measures: [],
    themes: [],
    lines: [10 + 2 * i, 11 + 2 * i] as [number, number],
  }));
const KNOWN = report('test-cr-2026', [
  'Le Collectif rappelle que la minorité d’un jeune isolé doit être présumée tant qu’aucune décision judiciaire définitive n’a été rendue, et que les examens radiologiques osseux ne peuvent fonder à eux seuls un refus de prise en charge.',
  'Les associations demandent que les victimes contraintes de commettre des délits ne soient pas poursuivies pour ces faits, conformément au principe de non-sanction.',
  'Le Collectif regrette que les places d’hébergement sécurisé restent insuffisantes pour les femmes victimes accompagnées de leurs enfants.',
]);
const NEW_SUBJECT = report('test-football-2026', [
  'Le Collectif alerte sur les faux agents sportifs qui font venir en France de jeunes footballeurs d’Afrique de l’Ouest en promettant un essai dans un club professionnel.',
  'La Fédération doit signaler au parquet les recruteurs sans licence, et les académies de football privées doivent être contrôlées.',
]);
// Everyday paragraphs, each about one wording of KNOWN, sharing none of its telling words.
const EVERYDAY: [string, string][] = [
  ['Tant que le juge n’a pas tranché, un gamin qui dit avoir 15 ans doit être traité comme un enfant.', 'test-cr-2026-1'],
  ['Les filles obligées de voler pour le réseau ne devraient pas finir au tribunal.', 'test-cr-2026-2'],
  ['Il manque des places à l’abri pour les mères qui s’échappent avec leurs gamins.', 'test-cr-2026-3'],
  ['Un ado qu’on a obligé à cambrioler reste une victime, pas un coupable.', 'test-cr-2026-2'],
  ['Pas assez de foyers protégés pour les mamans et leurs enfants qui sortent de la prostitution.', 'test-cr-2026-3'],
  ['Les radios du poignet ne suffisent pas à dire qu’un gosse est majeur.', 'test-cr-2026-1'],
];

describe('rewordings borrowed by imported passages', () => {
  const library = shippedLibrary();
  const index = buildIndex(library);
  addToIndex(index, [...KNOWN, ...NEW_SUBJECT]);
  const inTopFive = (borrowBoost: number) => {
    const matcher = createMatcher(index, { ...DEFAULT_SETTINGS, gate: 0, borrowBoost });
    return EVERYDAY.filter(([text, id]) => matcher.match(text, { k: 5 }).some((r) => r.id === id)).length;
  };

  test('everyday paragraphs find the imported wording they are about only when it borrows', () => {
    const without = inTopFive(0);
    const borrowing = inTopFive(DEFAULT_SETTINGS.borrowBoost);
    expect(without).toBe(0);
    expect(borrowing).toBeGreaterThanOrEqual(3);
  });

  test('a passage on a subject the library does not hold borrows less than one on a subject it holds', () => {
    const { weight, from } = borrowRewordings(index, DEFAULT_SETTINGS.rewordings, () => true, 100);
    const known = KNOWN.map((p) => weight.get(p.id)!);
    const unknown = NEW_SUBJECT.map((p) => weight.get(p.id)!);
    expect(Math.max(...unknown)).toBeLessThan(Math.min(...known));
    // Only passages without rewordings borrow: every shipped one, draft remarks included, has its own.
    expect([...from.keys()].sort()).toEqual([...KNOWN, ...NEW_SUBJECT].map((p) => p.id).sort());
  });

  test('what only the lenders’ newer voices hold is borrowed for the ranking and kept apart from the gate, as for the lenders', () => {
    const { from } = borrowRewordings(index, DEFAULT_SETTINGS.rewordings, () => true, 100);
    const table = borrowedTable(from, DEFAULT_SETTINGS.rewordings);
    const id = KNOWN[2].id;
    const later = table.newer?.[id]?.split(' ') ?? [];
    expect(later.length).toBeGreaterThan(0);
    const search = createRewordingSearch(DEFAULT_SETTINGS.rewordings).lend(from);
    for (const s of later) {
      expect(search.has(id, s), s).toBe(true);
      expect(search.gateHas(id, s), s).toBe(false);
    }
    const fitted = table.stems[id].split(' ').filter((s) => !later.includes(s));
    expect(fitted.length).toBeGreaterThan(0);
    for (const s of fitted) expect(search.gateHas(id, s), s).toBe(true);
  });

  test('what is offered is the imported wording, verbatim, with its source', () => {
    const matcher = createMatcher(index, { ...DEFAULT_SETTINGS, gate: 0 });
    const [text, id] = EVERYDAY[2];
    const hit = matcher.match(text, { k: 5 }).find((r) => r.id === id)!;
    expect(hit.text).toBe(KNOWN[2].text);
    expect(hit.sourceId).toBe('test-cr-2026');
  });

  test('the borrowing follows the library: a removed passage is found no more, its place taken by none', () => {
    const matcher = createMatcher(index, { ...DEFAULT_SETTINGS, gate: 0 });
    const [text, id] = EVERYDAY[2];
    expect(matcher.match(text, { k: 5 }).map((r) => r.id)).toContain(id);
    removeFromIndex(index, [id]);
    expect(matcher.match(text, { k: 5 }).map((r) => r.id)).not.toContain(id);
    addToIndex(index, [KNOWN[2]]);
    expect(matcher.match(text, { k: 5 }).map((r) => r.id)).toContain(id);
  });
});

describe('a rewording search extended with more passages', () => {
  test('ranks the added passages on the same scale and leaves the first search unchanged', () => {
    const base = createRewordingSearch({ stems: { a: 'gamin bled famill', b: 'cantin foyer aout' } });
    const extended = base.extend({ stems: { c: 'gamin bled famill' } });
    expect(extended.rank(['gamin', 'bled']).map((r) => r.id).sort()).toEqual(['a', 'c']);
    const [first, second] = extended.rank(['gamin', 'bled']);
    expect(first.score).toBeCloseTo(second.score);
    expect(extended.has('c', 'bled')).toBe(true);
    // A table without « newer » is read whole by the gate too.
    expect(extended.gateHas('c', 'bled')).toBe(true);
    expect(base.covers('c')).toBe(false);
    expect(base.rank(['gamin']).map((r) => r.id)).toEqual(['a']);
  });

  test('lent passages answer exactly as the union of their lenders’ rewordings written out would', () => {
    // A shipped source taken as imported (its rewordings dropped) and a report of each kind above: every answer of
    // the search the matcher uses (`lend`, nothing copied) against the same search with the borrowed table written out.
    const dropped = 'cr-2014-06-24';
    const rewordings = withoutRewordings(DEFAULT_SETTINGS.rewordings, (id) => id.startsWith(`${dropped}:`));
    const index = buildIndex(shippedLibrary());
    addToIndex(index, [...KNOWN, ...NEW_SUBJECT]);
    const { from } = borrowRewordings(index, rewordings, () => true, 100);
    expect(from.size).toBeGreaterThan(100);
    const base = createRewordingSearch(rewordings);
    const lent = base.lend(from);
    const written = base.extend(borrowedTable(from, rewordings));
    expect(lent.slots).toBe(written.slots);
    for (let slot = 0; slot < written.slots; slot++) expect(lent.passageAt(slot)).toBe(written.passageAt(slot));
    const stems = [...new Set(Object.values(rewordings.stems).flatMap((s) => s.split(' ')))];
    expect(stems.map(lent.df)).toEqual(stems.map(written.df));
    const borrowers = [...from.keys()];
    for (const passage of [...borrowers.filter((_, i) => i % 10 === 0), KNOWN[0].id, NEW_SUBJECT[1].id, Object.keys(rewordings.stems)[0]]) {
      expect(lent.covers(passage)).toBe(true);
      const sample = stems.filter((_, i) => i % 5 === 0);
      expect(sample.map((s) => lent.has(passage, s)), passage).toEqual(sample.map((s) => written.has(passage, s)));
      expect(sample.map((s) => lent.gateHas(passage, s)), passage).toEqual(sample.map((s) => written.gateHas(passage, s)));
    }
    for (const [text] of EVERYDAY) {
      const query = analyze(text);
      expect(lent.rank(query)).toEqual(written.rank(query));
      const a = lent.scoredSlots(query);
      const bySlot = a.slots.map((slot) => [slot, a.score(slot), a.matched(slot)]);
      const b = written.scoredSlots(query);
      expect(bySlot).toEqual(b.slots.map((slot) => [slot, b.score(slot), b.matched(slot)]));
    }
  });

  test('answers by its own slots what it answers by passage (what the matcher reads), the added passages after the first', () => {
    const base = createRewordingSearch({ stems: { a: 'gamin bled famill', b: 'cantin foyer aout' } });
    const extended = base.extend({ stems: { c: 'gamin bled' } });
    expect(extended.slots).toBe(3);
    expect(base.slots).toBe(2);
    const found = extended.scoredSlots(['bled', 'gamin', 'famill']);
    const bySlot = found.slots.map((slot) => [extended.passageAt(slot), found.score(slot)]);
    expect(bySlot).toEqual(extended.rank(['bled', 'gamin', 'famill'], { sorted: false }).map((r) => [r.id, r.score]));
    expect(bySlot.map(([id]) => id)).toEqual(['a', 'c']);
    expect(extended.passageAt(2)).toBe('c');
    expect(base.passageAt(2)).toBeUndefined();
  });
});
