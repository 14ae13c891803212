/**
 * The index follows the library: a source imported on a subject the shipped library never
 * speaks of is answered at once, through the library's own statistics, with no list edited;
 * office mail stays quiet; removing the source takes it away; and the index updated in place
 * answers as a fresh build of the same library would.
 */
import { describe, expect, test } from 'vitest';
import { addToIndex, buildIndex, loadIndex, removeFromIndex, serialiseIndex } from '../../data/engine/searchIndex';
import { createMatcher, DEFAULT_SETTINGS } from '../../data/engine/match';
import type { Position } from '../../data/library/schema';
import { shippedLibrary } from '../../data/tools/cli-lib';

// A meeting report on a subject the five shipped documents never mention: young footballers
// brought to Europe by fake agents. Written for this test.
const SOURCE_ID = 'test-football-2026';
const wordings = [
  'Le Collectif alerte sur les faux agents sportifs qui font venir en France de jeunes footballeurs d’Afrique de l’Ouest en promettant un essai dans un club professionnel.',
  'Après un essai manqué, ces adolescents sont abandonnés sans papiers ni billet de retour, et certains sont alors contraints de travailler pour rembourser le voyage.',
  'Nous demandons que les clubs et les centres de formation vérifient l’identité et la licence de tout intermédiaire qui leur présente un joueur mineur étranger.',
  'La Fédération doit signaler au parquet les recruteurs sans licence, et les académies de football privées doivent être contrôlées.',
  'Les joueurs victimes de ces réseaux doivent pouvoir bénéficier du délai de réflexion et d’un hébergement, même lorsqu’ils ont dépassé l’âge de la minorité.',
  'Un fonds de rapatriement, financé par les transferts du football professionnel, permettrait de raccompagner dignement ceux qui veulent rentrer.',
];
const added: Position[] = wordings.map((text, i) => ({
  id: `${SOURCE_ID}-${i + 1}`,
  sourceId: SOURCE_ID,
  date: '2026-11-20',
  author: 'collectif',
  speaker: '',
  organisation: '',
  section: 'Le recrutement de jeunes footballeurs',
  text,
  measures: [],
  themes: [],
  lines: [10 + 2 * i, 11 + 2 * i] as [number, number],
}));

const ABOUT_IT = [
  // Not « … de jeunes footballeurs …, puis les abandonnent sans papiers », the first wording here: young people left
  // without papers is the shipped library's subject too (minors, residence), and the gate refitted in the eighth
  // session rightly answers it with the Collectif's positions on minors before any import. Nor « De faux agents
  // sportifs font venir des footballeurs …, puis disparaissent »: people brought over, then gone, is recruitment as
  // the shipped library tells it, and the gate refitted in the twelfth session answers it (0.80) before any import.
  'De faux agents sportifs promettent aux footballeurs un essai dans un club professionnel.',
  'Nous voulons que les centres de formation des clubs contrôlent les intermédiaires qui leur amènent de jeunes joueurs étrangers.',
];
const OFFICE_MAIL = [
  'Merci de régler votre cotisation annuelle avant la fin du mois.',
  'La réunion de bureau est reportée à mardi 14h, même salle.',
  'Le tournoi de pétanque des bénévoles aura lieu samedi au parc, apportez vos boules.',
  // Office mail in the new subject's words: the gate must not answer it once football is the library's.
  'Le club de foot du quartier cherche des bénévoles pour le tournoi de samedi.',
];

describe('an imported source on a new subject', () => {
  const library = shippedLibrary();
  const index = buildIndex(library);
  const matcher = createMatcher(index);
  const fromNewSource = (text: string) => matcher.match(text, { k: 5 }).filter((r) => r.sourceId === SOURCE_ID);

  const before: number[] = [];

  test('before the import, the panel stays quiet on paragraphs about it: the gate doubts the subject', () => {
    for (const text of ABOUT_IT) {
      expect(matcher.match(text), text).toEqual([]);
      before.push(matcher.explain(text).probability);
    }
    expect(Math.max(...before)).toBeLessThan(DEFAULT_SETTINGS.gateModel.threshold);
  });

  test('after the import, paragraphs about it are answered with its wording, office mail stays quiet', () => {
    addToIndex(index, added);
    expect(index.library.positions).toHaveLength(library.positions.length + added.length);
    ABOUT_IT.forEach((text, i) => {
      // The library's own statistics now say these words are its subject: no list was edited.
      expect(matcher.explain(text).probability, text).toBeGreaterThan(before[i] + 0.2);
      // Ranked without the gate, the new source's wording comes first.
      expect(createMatcher(index, { ...DEFAULT_SETTINGS, gate: 0 }).match(text, { k: 1 })[0].sourceId, text).toBe(SOURCE_ID);
    });
    // Both paragraphs are answered, the new source's wording first.
    for (const text of ABOUT_IT) expect(matcher.match(text, { k: 3 })[0]?.sourceId, text).toBe(SOURCE_ID);
    for (const text of OFFICE_MAIL) expect(matcher.match(text), text).toEqual([]);
  });

  test('a matcher that read before an import answers after it as one created after it: what it keeps follows the library', () => {
    // The tables a matcher keeps by passage (re-ranking's factors, which passages hold each common word, a measure's
    // positions, what imported passages borrow) are built as it reads: read before the import, they must follow it.
    const own = buildIndex(library);
    const early = createMatcher(own);
    const texts = [
      ...ABOUT_IT,
      'Les joueurs victimes de ces réseaux ont droit au délai de réflexion, comme toutes les victimes de traite.',
      'Sur la mesure 5, notre position est la suivante.',
    ];
    for (const text of texts) early.match(text);
    addToIndex(own, added);
    const scored = (m: typeof matcher, text: string) => m.match(text, { k: 10, gate: false }).map((r) => [r.id, r.score]);
    const late = createMatcher(own);
    for (const text of texts) expect(scored(early, text), text).toEqual(scored(late, text));
    // The imported wording that says « victimes » is among them, with the common word's bonus.
    expect(scored(early, texts[2]).map(([id]) => id)).toContain(`${SOURCE_ID}-5`);
    removeFromIndex(own, added.map((p) => p.id));
    const afterRemoval = createMatcher(own);
    for (const text of texts) expect(scored(early, text), text).toEqual(scored(afterRemoval, text));
  });

  test('an imported wording, which has no rewordings, is not outranked by shipped passages that have some', () => {
    // The shipped passages are found through their everyday rewordings too; an imported one counts its own words
    // in their stead (`rewordingSelf`). Everyday words here (« majeurs », « un toit », « un jeune ») are in many
    // shipped rewordings.
    const paragraphs = [
      'Même devenus majeurs, ces joueurs exploités doivent avoir droit au délai de réflexion et à un toit.',
      'Il faut que les clubs vérifient qui est vraiment l’intermédiaire qui leur amène un jeune joueur étranger.',
    ];
    const ranks = (over: Partial<typeof DEFAULT_SETTINGS>) =>
      paragraphs.map((text) => createMatcher(index, { ...DEFAULT_SETTINGS, gate: 0, ...over }).match(text, { k: 5 }).findIndex((r) => r.sourceId === SOURCE_ID) + 1);
    expect(ranks({})).toEqual([1, 1]);
    // Without its own words' share, shipped passages found through their rewordings pass it, borrowing or not.
    expect(ranks({ rewordingSelf: 0 })).not.toEqual([1, 1]);
    // That share alone (borrowed rewordings, borrowed.ts, turned off) keeps it in the first five; with neither, it is
    // not there for the first paragraph. The share is half the rewordings' weight since the fourteenth session: at
    // its full weight it was first here even alone, but imported passages found only by a word or two then pushed
    // shipped ones out of the first five for paragraphs about something else (README).
    expect(ranks({ borrowBoost: 0 }).every((r) => r >= 1)).toBe(true);
    expect(ranks({ rewordingSelf: 0, borrowBoost: 0 })[0]).toBe(0);
  });

  test('the index updated in place answers as a fresh build of the same library', () => {
    // Learned associations alone wait for the next full build (searchIndex.ts): compare without them.
    const settings = { ...DEFAULT_SETTINGS, useAssociations: false };
    const inPlace = createMatcher(index, settings);
    const fresh = createMatcher(buildIndex({ ...library, positions: [...library.positions, ...added] }), settings);
    for (const text of [...ABOUT_IT, 'Le délai de réflexion doit être porté à trois mois.']) {
      expect(inPlace.match(text).map((r) => r.id)).toEqual(fresh.match(text).map((r) => r.id));
    }
  });

  test('serialised after the import, it loads with the same answers', () => {
    const reloaded = createMatcher(loadIndex(JSON.parse(JSON.stringify(serialiseIndex(index))), index.library));
    for (const text of ABOUT_IT) expect(reloaded.match(text).map((r) => r.id)).toEqual(matcher.match(text).map((r) => r.id));
  });

  test('an id already in the index is refused, saying which', () => {
    expect(() => addToIndex(index, [added[0]])).toThrow(added[0].id);
  });

  test('after removing the source, its wording is gone and the statistics are back', () => {
    removeFromIndex(index, added.map((p) => p.id));
    expect(index.library.positions).toHaveLength(library.positions.length);
    expect(index.df('footbal')).toBe(0);
    for (const text of ABOUT_IT) expect(fromNewSource(text)).toEqual([]);
    const fresh = buildIndex(library);
    expect(index.counts).toEqual(fresh.counts);
  });
});
