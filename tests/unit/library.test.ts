import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { GENERATED, buildBundled, readSeeds, serialise } from '../../data/tools/cli-lib';
import { parsedText } from '../../data/library/extract/pipeline';
import { PARSERS } from '../../data/library/extract/sources/index';
import { PAN1_MEASURES, checkLibrary, verifyVerbatim } from '../../data/library/extract/verify';
import { isOurs } from '../../data/library/schema';

// The whole bundled library, built from the five source texts as `npm run library -- build` does.
const texts = readSeeds();
const lib = buildBundled();
const parsed = Object.fromEntries(PARSERS.map((p) => [p.file, parsedText(p, texts[p.file])]));

describe('the bundled library', () => {
  test('is what the shipped data/generated/library.json holds (reproducible build)', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(serialise(lib));
  });

  test('passes every check of `library check`', () => {
    expect(checkLibrary(lib, texts, parsed)).toEqual([]);
  });

  test('holds at least 250 positions, at least 15 from each of the five sources', () => {
    expect(lib.positions.length).toBeGreaterThanOrEqual(250);
    expect(lib.sources).toHaveLength(5);
    for (const s of lib.sources) expect(lib.positions.filter((p) => p.sourceId === s.id).length).toBeGreaterThanOrEqual(15);
  });

  test('97 % or more of the positions pass the reader’s verbatim test against the raw sources', () => {
    const v = verifyVerbatim(lib, texts);
    expect(v.fragments / v.total).toBeGreaterThanOrEqual(0.97);
  });

  test('every measure of the 2014 plan, 4 bis and 11 bis included, has the Collectif’s own wording', () => {
    for (const key of PAN1_MEASURES) expect(lib.positions.some((p) => isOurs(p.author) && p.measures.includes(key)), key).toBe(true);
  });

  test('« La CNCDH recommande… » is never the Collectif’s wording', () => {
    const recommends = lib.positions.filter((p) => /\bla CNCDH recommande\b/i.test(p.text));
    expect(recommends.length).toBeGreaterThan(5);
    for (const p of recommends) expect(p.author, p.id).toBe('cncdh');
  });

  test('the CNCDH evaluation is the CNCDH’s, and 2014 government answers are the government’s', () => {
    const cncdh = lib.sources.find((s) => s.kind === 'évaluation')!;
    // …but for the plan's own title of each measure, which the evaluation prints: the Government's text; and for the
    // words it reports of someone else (the Collectif's view, what France put forward), marked as reported by it.
    for (const p of lib.positions.filter((x) => x.sourceId === cncdh.id)) {
      if (p.quotedIn) expect([p.quotedIn.author, p.author === 'cncdh'], p.id).toEqual(['cncdh', false]);
      else expect(p.author, p.id).toBe(p.section.endsWith('(texte du plan)') ? 'gouvernement' : 'cncdh');
    }
    const minister = lib.positions.filter((p) => /^Mme Vallaud-Belkacem (?:précise|a rappelé)/.test(p.text));
    expect(minister.length).toBeGreaterThan(0);
    for (const p of minister) expect(p.author).toBe('gouvernement');
  });

  test('words a report gives to the government are the government’s, even without the speaker’s name or quoted by us', () => {
    // Reviewed corrections (data/library/extract/overrides.json), found by an attribution check written blind from the
    // sources: an adviser's point continued without her name, an administration's text the Collectif quotes, what the
    // CNCDH reports France and a ministry put forward.
    const holding = (phrase: string) => {
      const found = lib.positions.filter((p) => p.text.includes(phrase));
      expect(found, phrase).toHaveLength(1);
      return found[0];
    };
    const adviser = holding('Les acteurs étant nombreux, il s’agit de coordonner le tout.');
    expect([adviser.author, adviser.speaker]).toEqual(['gouvernement', 'Mme Hélène Cazaux-Charles']);
    expect(adviser.text).not.toContain('Ce constat est aussi celui du Collectif');
    expect(holding('Ce constat est aussi celui du Collectif.').author).toBe('collectif');
    for (const phrase of ['L’installation d’un comité de suivi composé des membres parties', 'Celui-ci permet, à échéance régulière, de réunir']) {
      const p = holding(phrase);
      expect([p.author, p.organisation, p.quotedIn?.author], phrase).toEqual(['gouvernement', 'Dépêche du 8 février 2021', 'collectif']);
    }
    for (const phrase of ['La France a cependant souligné que cette initiative', 'Le ministère des Affaires étrangères justifie cette absence'])
      expect([holding(phrase).author, holding(phrase).quotedIn?.author], phrase).toEqual(['gouvernement', 'cncdh']);
    // The CNCDH's answer to the ministry, in the next sentence, stays the CNCDH's.
    expect(holding('s’interroge sur la pertinence de ce motif').author).toBe('cncdh');
  });

  test('every position carries a theme, a source date and a line range', () => {
    for (const p of lib.positions) {
      expect(p.themes.length, p.id).toBeGreaterThan(0);
      expect(p.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.lines[0]).toBeLessThanOrEqual(p.lines[1]);
    }
  });
});
