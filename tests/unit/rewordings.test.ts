/**
 * Everyday rewordings find the passage they reword (data/engine/rewordings.ts): a paragraph
 * sharing no telling word with a passage finds it through a rewording, the panel shows the
 * passage's own wording, never the rewording, and a passage taken out of the library is not
 * brought back by its rewordings. The shipped table covers the shipped passages and is current.
 * They weigh more where the paragraph's own words find no passage, never for the gate, and a
 * position quoted whole keeps its rank. The gate reads only the voices it was fitted on.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildIndex, removeFromIndex } from '../../data/engine/searchIndex';
import { createMatcher, DEFAULT_SETTINGS, type EngineSettings } from '../../data/engine/match';
import { PASSAGE_PARAPHRASES, scorePassages, type PassageParaphrase } from '../../data/tools/evalSets';
import { readJsonl } from '../../data/tools/fitGate';
import { createRewordingSearch, type RewordingTable } from '../../data/engine/rewordings';
import { isDraftRemark } from '../../data/library/schema';
import { shippedLibrary } from '../../data/tools/cli-lib';
import { GATE_VOICES, REWORDINGS, orphanRewordings, readRewordings, serialiseRewordings } from '../../data/tools/engineData';

const library = shippedLibrary();
// « En ce qui concerne le retour des victimes mineures et étrangères, les procédures doivent tenir compte de
// l'intérêt supérieur de l'enfant… »
const PASSAGE = 'cr-2014-02-03:02c66f92';
// Written for this test: no telling word of the passage (retour, mineures, étrangères, intérêt supérieur…).
const REWORDING = 'Avant de renvoyer un gamin au bled, il faut vérifier que sa famille là-bas est vraiment bonne pour lui.';
const PARAGRAPH = 'On ne peut pas renvoyer un gamin au bled sans savoir si sa famille là-bas est bonne pour lui.';
const table = (): RewordingTable => JSON.parse(serialiseRewordings(library, [{ passage: PASSAGE, texts: [REWORDING] }])) as RewordingTable;

describe('rewordings', () => {
  test('the passage exists and the paragraph shares none of its telling words', () => {
    const p = library.positions.find((x) => x.id === PASSAGE);
    expect(p?.text).toMatch(/^En ce qui concerne le retour des victimes mineures/);
    for (const word of ['retour', 'mineur', 'étrang', 'intérêt', 'enfant', 'procédure']) expect(PARAGRAPH.toLowerCase()).not.toContain(word);
  });

  test('the search finds the passage a rewording says, and knows which words its rewordings hold', () => {
    const other = library.positions.find((p) => p.id !== PASSAGE)!.id;
    const lines = [
      { passage: other, texts: ['La cantine du foyer ferme en août.'] },
      { passage: PASSAGE, texts: [REWORDING] },
    ];
    const search = createRewordingSearch(JSON.parse(serialiseRewordings(library, lines)) as RewordingTable);
    expect(search.rank(['gamin', 'bled']).map((r) => r.id)).toEqual([PASSAGE]);
    expect(search.rank(['cantin']).map((r) => r.id)).toEqual([other]);
    expect(search.rank(['ski'])).toEqual([]);
    expect(search.has(PASSAGE, 'bled')).toBe(true);
    expect(search.has(PASSAGE, 'cantin')).toBe(false);
    expect(search.has(other, 'cantin')).toBe(true);
    expect(search.has(other, 'bled')).toBe(false);
    expect(search.has('nowhere:0', 'bled')).toBe(false);
  });

  test('a paragraph in other words finds the passage through its rewording, and the panel shows the passage verbatim', () => {
    const index = buildIndex(library);
    const ranked = (rewordingBoost: number) =>
      // With a table of one passage, every other passage would borrow its rewording (borrowed.ts): not here.
      createMatcher(index, { ...DEFAULT_SETTINGS, gate: 0, rewordings: table(), rewordingBoost: rewordingBoost || 0, borrowBoost: 0 }).match(PARAGRAPH, { k: 5 });
    expect(ranked(0).map((r) => r.id)).not.toContain(PASSAGE);
    const withRewording = ranked(DEFAULT_SETTINGS.rewordingBoost);
    const found = withRewording.find((r) => r.id === PASSAGE);
    expect(found?.text).toBe(library.positions.find((x) => x.id === PASSAGE)!.text);
    for (const r of withRewording) expect(r.text).not.toContain('bled');
  });

  test('the ranking reads every voice; the gate only the nine it was fitted on', () => {
    // Nine voices that say nothing of the paragraph, then the rewording as a tenth (a voice written after the gate was fitted).
    const filler = 'Une phrase qui parle de tout autre chose, pour tenir une place.';
    const asVoice = (at: number): RewordingTable => {
      const texts = Array.from({ length: GATE_VOICES }, () => filler);
      texts.splice(at, 0, REWORDING);
      return JSON.parse(serialiseRewordings(library, [{ passage: PASSAGE, texts }])) as RewordingTable;
    };
    const late = createRewordingSearch(asVoice(GATE_VOICES));
    expect(late.has(PASSAGE, 'bled')).toBe(true);
    expect(late.gateHas(PASSAGE, 'bled')).toBe(false);
    expect(late.gateHas(PASSAGE, 'parl')).toBe(true);
    expect(createRewordingSearch(asVoice(0)).gateHas(PASSAGE, 'bled')).toBe(true);
    const index = buildIndex(library);
    // Weighed heavily enough that the passage is among the three the gate reads, whatever the paragraph.
    const read = (t: RewordingTable) => createMatcher(index, { ...DEFAULT_SETTINGS, gate: 0, rewordings: t, borrowBoost: 0, borrowGate: 0, rewordingBoost: 3, rewordingBoostParaphrase: 3 });
    // Found either way: the ranking reads the tenth voice as it reads the first…
    for (const at of [0, GATE_VOICES]) expect(read(asVoice(at)).match(PARAGRAPH, { k: 5 }).map((r) => r.id)).toContain(PASSAGE);
    // …but the gate counts the paragraph's words as reworded only when a fitted voice holds them.
    expect(read(asVoice(0)).explain(PARAGRAPH).features.reworded).toBeGreaterThan(read(asVoice(GATE_VOICES)).explain(PARAGRAPH).features.reworded + 0.1);
  });

  test('a passage removed from the library is not brought back by its rewordings', () => {
    const index = buildIndex(library);
    removeFromIndex(index, [PASSAGE]);
    const results = createMatcher(index, { ...DEFAULT_SETTINGS, gate: 0, rewordings: table() }).match(PARAGRAPH, { k: 5 });
    expect(results.map((r) => r.id)).not.toContain(PASSAGE);
  });

  test('the shipped table rewords every passage the engine can show, draft remarks included, and only passages of the library', () => {
    const shipped = JSON.parse(readFileSync(REWORDINGS, 'utf8')) as RewordingTable;
    const ids = new Set(library.positions.map((p) => p.id));
    for (const id of Object.keys(shipped.stems)) expect(ids.has(id), id).toBe(true);
    expect(library.positions.filter((p) => !shipped.stems[p.id]).map((p) => p.id)).toEqual([]);
    expect(library.positions.some(isDraftRemark)).toBe(true);
    // Every corpus line has rewordings, and the generated file is what the build writes from them.
    for (const line of readRewordings()) expect(line.texts.filter((t) => t.trim()).length, line.passage).toBeGreaterThanOrEqual(3);
    expect(readFileSync(REWORDINGS, 'utf8')).toBe(serialiseRewordings(library));
    expect(orphanRewordings(library)).toEqual([]);
  });

  test('rewordings of a passage the library lost are left out of the build and listed for `library check`', () => {
    const lines = [
      { passage: PASSAGE, texts: [REWORDING] },
      { passage: 'cr-2014-02-03:00000000', texts: ['Une reformulation dont le passage a été réextrait.'] },
    ];
    expect(Object.keys((JSON.parse(serialiseRewordings(library, lines)) as RewordingTable).stems)).toEqual([PASSAGE]);
    expect(orphanRewordings(library, lines).map((l) => l.passage)).toEqual(['cr-2014-02-03:00000000']);
  });
});

describe('the rewordings weigh more where the paragraph’s own words find no passage', () => {
  const index = buildIndex(library);
  const adaptive = createMatcher(index, DEFAULT_SETTINGS);
  const flat = createMatcher(index, { ...DEFAULT_SETTINGS, rewordingBoostParaphrase: DEFAULT_SETTINGS.rewordingBoost });
  // Written for these tests.
  const OTHER_WORDS = 'Des gamins qu’on oblige à faire les poches dans le métro finissent au tribunal comme de petits voleurs.';
  const OFFICE = 'La réunion de bureau est reportée à mardi 14h, même salle, merci de prévenir les bénévoles.';

  test('paraphrases of passages find them in the first five more often than with one weight for all', () => {
    expect(DEFAULT_SETTINGS.rewordingBoostParaphrase).toBeGreaterThan(DEFAULT_SETTINGS.rewordingBoost);
    const lines = readJsonl<PassageParaphrase>(PASSAGE_PARAPHRASES);
    const found = (m: typeof flat) => scorePassages(index, lines, (text) => m.match(text, { k: 5 })).hit;
    const gateless = (s: Partial<EngineSettings>) => createMatcher(index, { ...DEFAULT_SETTINGS, gate: 0, ...s });
    expect(found(gateless({}))).toBeGreaterThan(found(gateless({ rewordingBoostParaphrase: DEFAULT_SETTINGS.rewordingBoost })) + 0.02);
  });

  test('the gate reads the ranking at the base weight: what it says does not depend on the paraphrase weight', () => {
    for (const text of [OTHER_WORDS, OFFICE, PARAGRAPH]) {
      expect(adaptive.explain(text).probability).toBe(flat.explain(text).probability);
      expect(adaptive.explain(text).features).toEqual(flat.explain(text).features);
    }
  });

  test('a position quoted whole, alone or in a longer email, ranks no lower than under one weight for all', () => {
    const gateless = (text: string, m: Partial<EngineSettings>) => createMatcher(index, { ...DEFAULT_SETTINGS, gate: 0, ...m }).match(text, { k: 10 }).map((r) => r.id);
    // Written for this test: positions of the Collectif quoted between two sentences of office mail, which hold most of the words.
    const quoted = library.positions.filter((p) => p.author === 'collectif' && p.text.length > 80 && p.text.length < 300).filter((_, i) => i % 7 === 0);
    expect(quoted.length).toBeGreaterThan(30);
    for (const p of quoted) {
      const email = `Bonjour à toutes et à tous, je vous écris après notre réunion de mardi pour faire le point sur nos échanges avec le cabinet et préparer le courrier que nous devons envoyer avant la fin du mois. ${p.text} Merci de me faire part de vos remarques avant vendredi, je transmettrai ensuite la version finale à la coordination.`;
      for (const text of [p.text, email]) {
        const rank = gateless(text, {}).indexOf(p.id);
        const flatRank = gateless(text, { rewordingBoostParaphrase: DEFAULT_SETTINGS.rewordingBoost }).indexOf(p.id);
        expect(rank, text).toBeGreaterThanOrEqual(0);
        expect(rank, text).toBeLessThanOrEqual(flatRank < 0 ? Infinity : flatRank);
      }
    }
  });
});
