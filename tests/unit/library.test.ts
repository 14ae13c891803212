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
    // …but for the plan's own title of each measure, which the evaluation prints: the Government's text.
    for (const p of lib.positions.filter((x) => x.sourceId === cncdh.id))
      expect(p.author, p.id).toBe(p.section.endsWith('(texte du plan)') ? 'gouvernement' : p.quotedIn ? 'collectif' : 'cncdh');
    const minister = lib.positions.filter((p) => /^Mme Vallaud-Belkacem (?:précise|a rappelé)/.test(p.text));
    expect(minister.length).toBeGreaterThan(0);
    for (const p of minister) expect(p.author).toBe('gouvernement');
  });

  test('every position carries a theme, a source date and a line range', () => {
    for (const p of lib.positions) {
      expect(p.themes.length, p.id).toBeGreaterThan(0);
      expect(p.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(p.lines[0]).toBeLessThanOrEqual(p.lines[1]);
    }
  });
});
