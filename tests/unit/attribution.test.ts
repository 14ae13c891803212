import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { shippedLibrary } from '../../data/tools/cli-lib';
import { isOurs, type Position } from '../../data/library/schema';
import { squash as squashText } from '../../data/library/extract/verify';

/**
 * Who said what, read as `tests/fixtures/eval/attribution.mjs` reads it (the shared scorer's rules): a line passes when
 * some position holds its phrase and every position holding it has the expected author (« ours »: the Collectif or an
 * association); its speaker, when given, must be in the speaker or the organisation of one of them.
 */
interface Line {
  source: string;
  phrase: string;
  author: 'ours' | 'gouvernement' | 'cncdh';
  speaker?: string;
}

const EVAL = join(__dirname, '..', 'fixtures', 'eval');
const read = (file: string): Line[] =>
  readFileSync(join(EVAL, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Line);
const squash = (s: string | undefined) => squashText(s ?? '');

const positions = shippedLibrary().positions;
const texts = positions.map((p) => squash(p.text));
const holding = (l: Line): Position[] => positions.filter((_, i) => texts[i].includes(squash(l.phrase)));
const authorRight = (l: Line) => {
  const hits = holding(l);
  const want = (a: Position['author']) => (l.author === 'ours' ? isOurs(a) : a === l.author);
  return hits.length > 0 && hits.every((p) => want(p.author));
};
const speakerRight = (l: Line) => holding(l).some((p) => squash(`${p.speaker ?? ''} ${p.organisation ?? ''}`).includes(squash(l.speaker)));

/**
 * Lines of the blind set (`ATTRIBUTION-BLIND.md`) the library reads otherwise, each for a reason given there.
 */
const READ_OTHERWISE = {
  /** A phrase of the plan quoted inside a sentence of ours: the sentence is ours, and cutting it would break it. */
  quotedInOurs: [
    'dans les services recevant du public (mairies, préfectures, commissariats de police',
    'notre droit est désormais pleinement conforme aux textes internationaux',
    'a été conduit en lien permanent avec les associations',
    'sessions communes sur la question de la traite',
    'dans le cadre des solutions nouvelles prévues au titre',
    "une convention sera proposée à l'Assemblée des Départements de France pour clarifier",
    'conformément aux dispositions de la proposition de loi renforçant la lutte contre le système prostitutionnel',
    "notamment de servitude domestique et d'exploitation de la prostitution",
  ],
  /** A draft's measure title, kept as a citation of the adopted plan's near-identical title (the same position). */
  citation: ['Définir un agenda de coopération contre la traite ai niveau européen et multilatéral', 'Un fonds dédié aux victimes de la traite et à l’insertion des personnes prostituées'],
  /** The front matter of the 3 February report: the secretariat's framing, no passage. */
  frontMatter: ["que le Plan serait finalement revu avant d'être présenté"],
  /** The CNCDH presenting the plan, or describing a legal text, in its own words (no quotation marks but the text's). */
  cncdhWords: [
    'C’est l’étape clé dans la lutte contre la traite, celle dont tout découle',
    'Faire de la lutte contre la traite une politique publique à part entière',
    'Ce plan est le résultat de la mobilisation de tous les ministères concernés',
    'personnes victimes d’exploitation ou de traite des êtres humains, et veille à son accompagnement',
    'serait consacrée à la coordination de l’ensemble des acteurs en charge de la protection de',
  ],
};

describe('who said what in the shipped library', () => {
  test('the development set: every author and every speaker right', () => {
    const lines = read('attribution.jsonl');
    expect(lines.filter((l) => !authorRight(l)).map((l) => l.phrase)).toEqual([]);
    expect(lines.filter((l) => l.speaker && !speakerRight(l)).map((l) => l.phrase)).toEqual([]);
  });

  test('the blind set: every author right but the lines read otherwise on purpose, every speaker of those right', () => {
    const lines = read('attribution-blind.jsonl');
    expect(lines.length).toBe(152);
    const otherwise = new Set(Object.values(READ_OTHERWISE).flat());
    expect(lines.filter((l) => !authorRight(l)).map((l) => l.phrase)).toEqual(lines.filter((l) => otherwise.has(l.phrase)).map((l) => l.phrase));
    expect(otherwise.size).toBe(16);
    expect(lines.filter((l) => l.speaker && authorRight(l) && !speakerRight(l)).map((l) => l.phrase)).toEqual([]);
  });

  test('none of the blind set’s government or CNCDH lines is in a passage offered as ours, but a phrase of the plan a sentence of ours quotes', () => {
    const quotedInOurs = new Set(READ_OTHERWISE.quotedInOurs);
    const context = read('attribution-blind.jsonl').filter((l) => l.author !== 'ours' && !quotedInOurs.has(l.phrase));
    const offered = context.filter((l) => holding(l).some((p) => isOurs(p.author)));
    expect(offered.map((l) => l.phrase)).toEqual([]);
  });
});
