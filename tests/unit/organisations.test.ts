/**
 * An organisation's name written out reads as a name, not as what its words say (data/engine/organisations.ts):
 * the Collectif is called « Ensemble contre la traite des êtres humains », and its people sign and open their
 * office mail with that name. The gate must stay quiet on such mail, answer a paragraph on the subject that
 * names the Collectif, and learn a new member's name from an imported source.
 */
import { describe, expect, test } from 'vitest';
import { defaultAcronymExpander } from '../../data/engine/acronyms';
import { createMatcher, DEFAULT_SETTINGS } from '../../data/engine/match';
import { analyzeWithSurface } from '../../data/engine/normalise';
import { organisationNames, readNamesAsNames } from '../../data/engine/organisations';
import { addToIndex, buildIndex, removeFromIndex } from '../../data/engine/searchIndex';
import type { Position } from '../../data/library/schema';
import { shippedLibrary } from '../../data/tools/cli-lib';

// Written for this test: office mail as the Collectif's members write it, their organisations' names in full.
const OFFICE = [
  'Le Collectif « Ensemble contre la traite des êtres humains » vous remercie pour la réunion de mardi et vous transmettra le compte rendu la semaine prochaine.',
  'Bonjour, je vous écris au nom du Collectif Ensemble contre la traite des êtres humains pour fixer la date de notre prochaine assemblée générale.',
  "Le Comité contre l'esclavage moderne vous invite à son assemblée générale le 12 mars à 18 heures.",
  'Nous avons rendez-vous à la Mission interministérielle pour la protection des femmes contre les violences et la lutte contre la traite des êtres humains mardi à 14 heures, salle 3.',
  // A short line with the signature as the paragraph before it.
  'Marie Dupont\nChargée de plaidoyer, Secours Catholique – Caritas France\nCollectif Ensemble contre la traite des êtres humains\n\nMerci.',
];
const ON_TOPIC = 'Le Collectif « Ensemble contre la traite des êtres humains » demande que le délai de réflexion soit porté à trois mois pour toutes les victimes.';

describe('organisation names', () => {
  const index = buildIndex(shippedLibrary());
  const matcher = createMatcher(index);

  test('office mail naming the Collectif or a member in full stays quiet, a signature above a short line too', () => {
    for (const mail of OFFICE) expect(matcher.match(mail, { k: 5 }), mail).toEqual([]);
  });

  test('a paragraph on the subject that names the Collectif is answered, and the passages naming it are still found by its words', () => {
    const results = matcher.match(ON_TOPIC, { k: 5 });
    expect(results.some((r) => r.text.includes('délai de réflexion'))).toBe(true);
    // Searching the name itself (« Chercher ») finds the passages that say it: the ranking reads the words.
    const unguarded = createMatcher(index, { ...DEFAULT_SETTINGS, gate: 0 }).match('Ensemble contre la traite des êtres humains', { k: 5 });
    expect(unguarded.some((r) => /Ensemble contre la traite des êtres humains/i.test(r.text))).toBe(true);
  });

  test('only names whose words would count as evidence are read as names; a name with an acronym reads as the acronym', () => {
    const names = organisationNames(
      [
        ...['Collectif « Ensemble contre la traite des êtres humains »', 'CCEM', 'Secours Catholique', 'Hors la rue'].map((name) => ({ name, ours: true })),
        ...['MIPROF', 'Plan d’action national 2014-2016 (Gouvernement)'].map((name) => ({ name, ours: false })),
      ],
      defaultAcronymExpander(),
      (tokens) => index.thesaurus.detect(tokens).some((h) => !h.generic),
    );
    const read = (text: string) => readNamesAsNames(analyzeWithSurface(text), names).tokens.map((t) => t.word);
    expect(read('Le Comité contre l’esclavage moderne et Hors la rue')).toEqual(['ccem', 'hors', 'rue']);
    expect(read('le collectif Ensemble contre la traite des êtres humains')).toEqual(['collectif']);
    expect(read('la traite des êtres humains')).toEqual(['traite', 'etres', 'humains']);
    // A government body's name is a name too; a government document is not an organisation's name.
    expect(read('Mission interministérielle pour la protection des femmes contre les violences et la lutte contre la traite des êtres humains')).toEqual(['miprof']);
    expect(read('le plan d’action national')).toEqual(['plan', 'action', 'national']);
  });

  test('a member association brought by an imported source is read by its name from then on, and no longer once removed', () => {
    const library = shippedLibrary();
    const own = buildIndex(library);
    const ownMatcher = createMatcher(own);
    const mail = 'Le Réseau contre la prostitution des mineurs vous invite à son assemblée générale le 12 mars à 18 heures.';
    expect(ownMatcher.match(mail, { k: 5 }).length).toBeGreaterThan(0);
    const imported: Position[] = [
      {
        id: 'test-reseau-2026-1',
        sourceId: 'test-reseau-2026',
        date: '2026-11-20',
        author: 'collectif',
        speaker: 'Mme Martin',
        organisation: 'Réseau contre la prostitution des mineurs',
        section: 'Compte rendu',
        text: 'Mme Martin rappelle que les mineurs en situation de prostitution sont des victimes et doivent être protégés comme tels.',
        measures: [],
        themes: [],
        lines: [10, 11],
      },
    ];
    addToIndex(own, imported);
    expect(ownMatcher.match(mail, { k: 5 })).toEqual([]);
    removeFromIndex(own, imported.map((p) => p.id));
    expect(ownMatcher.match(mail, { k: 5 }).length).toBeGreaterThan(0);
  });
});
