import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import extractedFile from '../../data/engine/thesaurus/acronyms.extracted.json';
import {
  REVIEWED_ACRONYMS,
  buildAcronymTable,
  createAcronymExpander,
  defaultAcronymExpander,
  expandAcronyms,
  extractAcronyms,
  parseAcronymFile,
} from '../../data/engine/acronyms';
import { analyze, analyzeWithSurface, fold, isStopWord } from '../../data/engine/normalise';

const seedsDir = join(__dirname, '../../data/library/seeds');
const seedFiles = readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
const seeds = seedFiles.map((f) => readFileSync(join(seedsDir, f), 'utf8'));

describe('extractAcronyms', () => {
  test.each([
    {
      text: 'La création de la Mission interministérielle pour la protection des femmes contre les violences et la lutte contre la traite des êtres humains (MIPROF) a été saluée.',
      expected: 'Mission interministérielle pour la protection des femmes contre les violences et la lutte contre la traite des êtres humains',
      why: 'the long form starts at the first initial (not at « La création »); « PRO » comes from one word; the unaligned tail is part of the name',
    },
    { text: 'les services de l’Aide Sociale à l’Enfance (ASE)', expected: 'Aide Sociale à l’Enfance', why: 'elided article not included, « à » skipped' },
    { text: 'le Comité Contre l’Esclavage Moderne (CCEM) témoigne', expected: 'Comité Contre l’Esclavage Moderne', why: '« contre » may give its letter' },
    { text: 'les Comités opérationnels départementaux anti-fraude (CODAF)', expected: 'Comités opérationnels départementaux anti-fraude', why: 'each part of a compound may give a letter' },
    { text: 'l’Office des Nations unies pour la lutte contre les drogues et la criminalité organisée (ONUDC)', expected: 'Office des Nations unies pour la lutte contre les drogues et la criminalité organisée', why: 'one content word (« lutte ») may be skipped' },
    { text: 'auprès de l’Aide so-\nciale à l’enfance (ASE)', expected: 'Aide sociale à l’enfance', why: 'a word cut by a PDF line break is joined again' },
    { text: 'le cas de l’ENM (Ecole Nationale de la Magistrature), des services', expected: 'Ecole Nationale de la Magistrature', why: '« ACR (long form) »' },
    { text: 'de la RSE - Responsabilité Sociétale des Entreprises. La suite', expected: 'Responsabilité Sociétale des Entreprises', why: '« ACR - long form », up to the full stop' },
    { text: 'le dispositif AC-Sé (accueil sécurisant) reste', expected: 'accueil sécurisant', why: 'syllable abbreviation: « AC » and « Sé » are word starts' },
    { text: 'avec la DPEF (Déclaration de Performance Extra Financière, document par lequel', expected: 'Déclaration de Performance Extra Financière', why: 'an unclosed parenthesis is cut at the comma' },
    { text: 'l’OSCE (Organisation pour la sécurité et la coopération en Europe).', expected: 'Organisation pour la sécurité et la coopération en Europe', why: '« en » does not give the E: the long form runs to « Europe »' },
  ])('$expected ($why)', ({ text, expected }) => {
    expect(extractAcronyms([text]).map((p) => p.expansion)).toEqual([expected]);
  });

  test.each([
    { text: 'pour encourager la coopération entre enquêteurs (OCRETH)', why: 'the letters do not line up: better nothing than a wrong long form' },
    { text: 'seule l’une d’entre elles (Nice)', why: 'a place name is not shaped like an acronym' },
    { text: 'Mesure 14 (voir page 3)', why: 'nothing acronym-like in the parenthesis' },
    { text: 'le Groupe d’experts sur la lutte contre la traite des êtres humains (GRETA)', why: 'English initials: left to the reviewed thesaurus' },
  ])('nothing from « $text » ($why)', ({ text }) => {
    expect(extractAcronyms([text])).toEqual([]);
  });

  test('a definition repeated across texts is returned once', () => {
    const text = 'l’Allocation temporaire d’attente (ATA)';
    expect(extractAcronyms([text, text])).toEqual([{ acronym: 'ATA', expansion: 'Allocation temporaire d’attente' }]);
  });

  test('acronyms.extracted.json is up to date with the seeds (else run: npx tsx scripts/extract-acronyms.ts)', () => {
    expect(extractedFile.sources).toEqual(seedFiles);
    expect(extractedFile.pairs).toEqual(extractAcronyms(seeds));
  });
});

describe('thesaurus/acronyms.json', () => {
  const seedWords = ` ${fold(seeds.join(' ')).replace(/[^a-z0-9]+/g, ' ')} `;
  const writtenInSeeds = (s: string) => seedWords.includes(` ${fold(s).replace(/[^a-z0-9]+/g, ' ').trim()} `);

  test.each(REVIEWED_ACRONYMS.map((e) => ({ ...e, why: e.note ?? '' })))('$acronym: source « $source » is true', (e) => {
    expect(e.expansions.some(writtenInSeeds)).toBe(e.source === 'sources');
  });

  test.each(REVIEWED_ACRONYMS.flatMap((e) => [e.acronym, ...(e.variants ?? [])]))('%s analyses to one word that is not a stop word', (a) => {
    const tokens = analyzeWithSurface(a);
    expect(tokens).toHaveLength(1);
    expect(isStopWord(tokens[0].word)).toBe(false);
  });

  test('the merged table has one entry per acronym (else the expander throws)', () => {
    expect(() => createAcronymExpander(buildAcronymTable(extractedFile.pairs))).not.toThrow();
  });

  test.each([
    { data: { acronyms: [{ acronym: 'ASE', expansions: [], source: 'sources' }] }, error: /entry 1 \(« ASE »\): `expansions` must list/ },
    { data: { acronyms: [{ acronym: 'aide sociale', expansions: ['x y'], source: 'sources' }] }, error: /`acronym` must be one word/ },
    { data: { acronyms: [{ acronym: 'ASE', expansions: ['aide sociale à l’enfance'], source: 'web' }] }, error: /`source` must be "sources"/ },
    { data: { acronyms: [{ acronym: 'ASE', expansions: ['aide sociale à l’enfance'], variants: ['A S E'], source: 'reviewed' }] }, error: /`variants` must be/ },
    { data: [], error: /expected \{ "acronyms": \[\.\.\.\] \}/ },
  ])('a malformed file fails with where and how to fix it: $error', ({ data, error }) => {
    expect(() => parseAcronymFile(data, 'test.json')).toThrow(error);
  });
});

describe('expandAcronyms', () => {
  const stems = (text: string) => new Set(expandAcronyms(analyzeWithSurface(text)).map((t) => t.stem));

  test.each([
    { short: 'des places en CHRS', acronym: 'CHRS', long: 'centre d’hébergement et de réinsertion sociale', why: 'reviewed: the sources never expand it' },
    { short: 'saisir l’ASE', acronym: 'ASE', long: 'l’aide sociale à l’enfance', why: 'elided acronym, elided long form' },
    { short: 'la PJJ', acronym: 'PJJ', long: 'la protection judiciaire de la jeunesse', why: 'extracted from the sources too' },
    { short: 'l’ATA', acronym: 'ATA', long: 'l’allocation temporaire d’attente', why: 'elision before a vowel' },
    { short: 'l’AME', acronym: 'AME', long: 'l’aide médicale de l’État', why: 'reviewed, with an accented capital in the long form' },
    { short: 'la DILCRA', acronym: 'DILCRA', long: 'la Délégation interministérielle de lutte contre le racisme et l’antisémitisme', why: 'only extracted: not in the reviewed file' },
    { short: 'le dispositif Acsé', acronym: 'Ac.Sé', long: 'un accueil sécurisant', why: 'abbreviation written without its dot' },
    { short: 'TRACFIN', acronym: 'TRACFIN', long: 'Traitement du renseignement et action contre les circuits financiers clandestins', why: 'reviewed long form' },
  ])('« $short » meets « $long » both ways ($why)', ({ short, acronym, long }) => {
    const fromShort = stems(short);
    expect(analyze(long).filter((s) => !fromShort.has(s))).toEqual([]);
    expect(stems(long).has(analyze(acronym)[0])).toBe(true);
  });

  test.each([
    { text: 'l’OCRETH', adds: 'ocrteh', why: 'a misspelling in the sources is a variant: the canonical acronym is added' },
    { text: 'la CNDCH', adds: 'cncdh', why: 'same' },
    { text: 'les services de l’aide sociales à l’enfance', adds: 'ase', why: 'long form matched on stems, so inflection does not matter' },
    { text: 'les conseils départementaux de prévention de la délinquance', adds: 'cdpd', why: 'plural of the reviewed singular' },
  ])('« $text » adds $adds ($why)', ({ text, adds }) => {
    expect(stems(text).has(adds)).toBe(true);
  });

  test('original tokens keep their place; added ones follow and point at what they stand for', () => {
    const text = 'Pas assez de places en CHRS.';
    const tokens = analyzeWithSurface(text);
    const expanded = expandAcronyms(tokens);
    expect(expanded.slice(0, tokens.length)).toEqual(tokens);
    const added = expanded.slice(tokens.length);
    expect(added.map((t) => t.stem)).toEqual(analyze('centre d’hébergement et de réinsertion sociale'));
    for (const t of added) {
      expect(t.expandedFrom).toBe('CHRS');
      expect(text.slice(t.start, t.end)).toBe('CHRS');
    }
  });

  test('a long form found adds the acronym over its whole span', () => {
    const text = 'saisir l’aide sociale à l’enfance';
    const added = expandAcronyms(analyzeWithSurface(text)).filter((t) => t.expandedFrom);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ stem: 'ase', word: 'ase', expandedFrom: 'ASE' });
    expect(text.slice(added[0].start, added[0].end)).toBe('aide sociale à l’enfance');
  });

  test.each([
    { text: 'l’Aide sociale à l’enfance (ASE) est saisie', why: 'a text that has both forms already has everything' },
    { text: 'les victimes de violences', why: 'no acronym, no long form' },
  ])('adds nothing to « $text » ($why)', ({ text }) => {
    const tokens = analyzeWithSurface(text);
    expect(expandAcronyms(tokens)).toEqual(tokens);
  });

  test('known limit: an acronym that folds to a common word is read as the acronym (« âme » → AME)', () => {
    expect(stems('son âme').has(analyze('médicale')[0])).toBe(true);
  });

  test('expanding twice adds nothing more', () => {
    const once = expandAcronyms(analyzeWithSurface('la MIPROF et l’ASE'));
    expect(expandAcronyms(once)).toEqual(once);
  });

  test('a one-word long form is not looked for in texts (it would tag every use of a common word)', () => {
    const expander = createAcronymExpander([{ acronym: 'UE', expansions: ['Europe'], source: 'reviewed' }]);
    expect(expander.expand(analyzeWithSurface('en Europe')).filter((t) => 'expandedFrom' in t)).toEqual([]);
    expect(expander.expand(analyzeWithSurface('l’UE')).map((t) => t.stem)).toEqual(['ue', 'europ']);
  });

  test('two entries claiming one acronym are refused', () => {
    const entries = [
      { acronym: 'ASE', expansions: ['aide sociale à l’enfance'], source: 'sources' as const },
      { acronym: 'A.S.E.', expansions: ['autre chose encore'], source: 'reviewed' as const },
    ];
    expect(() => createAcronymExpander(entries)).toThrow(/« A\.S\.E\. » is also an acronym of « ASE »/);
  });

  test.each([
    { text: 'l’ASE', acronym: 'ASE' },
    { text: 'aide sociale à l’enfance', acronym: 'ASE' },
    { text: 'OCRETH', acronym: 'OCRTEH' },
    { text: 'aide sociale', acronym: undefined },
  ])('lookup « $text » → $acronym', ({ text, acronym }) => {
    expect(defaultAcronymExpander().lookup(text)?.acronym).toBe(acronym);
  });
});
