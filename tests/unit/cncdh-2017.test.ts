/**
 * The parser of `004_…` (CNCDH, Évaluation du plan 2014-2016, 6 July 2017), run on the real
 * file. Every case was checked by hand against the source text; `why` says what it guards.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import reviewed from '../../data/library/extract/cncdh-2017.reviewed.json';
import { extractSource, lexiconOf } from '../../data/library/extract/pipeline';
import {
  ACTIONS,
  OBSERVATIONS,
  cncdh2017,
  cncdhMeasures,
  cncdhStatusLines,
} from '../../data/library/extract/sources/cncdh-2017';
import { joinLines, Lexicon, readLines, stripItemMark } from '../../data/library/extract/text';
import type { Block } from '../../data/library/extract/types';
import type { CncdhStatus } from '../../data/library/schema';

const raw = readFileSync(new URL(`../../data/library/seeds/${cncdh2017.file}`, import.meta.url), 'utf8');
const lines = readLines(raw);
const blocks = cncdh2017.parse(lines);
const lexicon = new Lexicon(lines.map((l) => l.text));
const textOf = (b: Block) => joinLines(b.lines, lexicon).text;
const texts = blocks.map(textOf);
const notes = cncdhMeasures(lines);
const statusLines = cncdhStatusLines(lines);

const N = 'non mise en oeuvre';
const P = 'partiellement mise en oeuvre';
const M = 'mise en oeuvre';

interface StatusCase {
  n: number;
  status: CncdhStatus;
  /** Source lines of the status text. */
  at: number[];
  why?: string;
}

const STATUSES: StatusCase[] = [
  { n: 1, status: N, at: [213, 215], why: 'observations: no cultural mediators recruited, the liaison form abandoned' },
  { n: 2, status: P, at: [323, 325] },
  { n: 3, status: P, at: [433, 435], why: 'the heading box (l. 430-435) is printed inside the observations; its Actions (l. 400) come before it' },
  { n: 4, status: P, at: [511, 513], why: 'observations, l. 550: « cette mesure n’a été que partiellement mise en oeuvre »' },
  { n: 5, status: P, at: [605, 607], why: 'printed after the Actions and footnote 13, before the residence-permit table' },
  { n: 6, status: P, at: [877, 879], why: 'printed at the end of measure 6’s observations, just before the « Mesure 7 » heading (l. 880); measure 7 has its own at l. 914' },
  { n: 7, status: P, at: [914, 916], why: 'printed mid-paragraph in the observations, which open « n’ont été que partiellement mises en œuvre » (l. 900)' },
  { n: 8, status: P, at: [981], why: '« Partiellement » alone (its « mise en oeuvre » line is missing), after footnote 16; observations: the planned extension of Ac.Sé not done' },
  { n: 9, status: N, at: [1034, 1036], why: 'after footnote 17, mid-observations: « les choses peinent encore à se mettre en place »' },
  { n: 10, status: N, at: [1105, 1107], why: 'after footnote 19; observations: « aucun accompagnement spécialisé … n’a été mis en place »' },
  { n: 11, status: N, at: [1172, 1174], why: 'heading box (l. 1167-1174) printed after the measure’s Actions (l. 1139) and first observations' },
  { n: 12, status: P, at: [1272, 1274] },
  { n: 13, status: M, at: [1341], why: 'printed at the end of measure 13’s observations, just before « Mesure 14 » (l. 1342), like l. 877 for measure 6; the law of 13 April 2016 gave labour inspectors the power' },
  { n: 14, status: N, at: [1348, 1350], why: 'printed after the measure’s only sentence, « Les informations recueillies par la CNCDH ne permettent pas d’évaluer la mise en œuvre ou la non mise en œuvre de cette mesure »; « Non mise en oeuvre » is what the document prints' },
  { n: 15, status: M, at: [1387], why: 'heading (l. 1381) and status printed in the middle of its Actions, which start at l. 1351 right after measure 14’s status' },
  { n: 16, status: P, at: [1446, 1448] },
  { n: 17, status: M, at: [1494], why: 'printed after the observations, just before « Mesure 18 »' },
  { n: 18, status: P, at: [1523, 1525], why: 'printed after the Actions, just before « Mesure 19 »; the observations are shared with measure 19' },
  { n: 19, status: P, at: [1563, 1565] },
  { n: 20, status: P, at: [1616, 1618], why: 'printed mid-paragraph in the observations' },
  { n: 21, status: P, at: [1684, 1686], why: 'heading box (l. 1678-1686) printed after the measure’s Actions (l. 1650)' },
  { n: 22, status: P, at: [1780, 1782], why: 'printed after the observations, just before « Mesure 23 »' },
  { n: 23, status: M, at: [1818], why: 'printed after footnote 22, mid-sentence of the observations' },
];

describe('CNCDH statuses of the 23 measures', () => {
  test.each(STATUSES)('PAN1-$n: $status', ({ n, status, at }) => {
    const note = notes.find((x) => x.key === `PAN1-${n}`);
    expect(note?.status).toBe(status);
    expect(statusLines.get(`PAN1-${n}`)).toEqual({ status, lines: at });
    for (const l of at) expect(lines[l - 1].text).toMatch(/^\s*(Non|Partiellement|Mise en oeuvre|mise en oeuvre)\s*$/);
  });

  test('one note per measure, in order, each with observations', () => {
    expect(notes.map((x) => x.key)).toEqual(Array.from({ length: 23 }, (_, i) => `PAN1-${i + 1}`));
    for (const x of notes) expect(x.observations.length).toBeGreaterThan(100);
  });

  test.each([
    { key: 'PAN1-4', phrase: 'cette mesure n’a été que partiellement mise en oeuvre', why: 'the observations state the status themselves' },
    { key: 'PAN1-7', phrase: 'Les dispositions prévues dans le plan n’ont été que partiellement mises en œuvre.', why: 'idem' },
    { key: 'PAN1-14', phrase: 'ne permettent pas d’évaluer la mise en œuvre ou la non mise en œuvre de cette mesure', why: 'measure 14 has no « Observations » heading: its one sentence is the observation' },
    { key: 'PAN1-18', phrase: 'mieux communiquer sur ce travail de coopération', why: 'observations « sur les mesures 18 et 19 » count for both' },
    { key: 'PAN1-19', phrase: 'mieux communiquer sur ce travail de coopération', why: 'idem' },
    { key: 'PAN1-1', phrase: 'habilités à détecter les victimes potentielles', why: 'the sentence interrupted by footnotes and the NRM box is whole' },
  ])('observations of $key contain « $phrase »', ({ key, phrase }) => {
    expect(notes.find((x) => x.key === key)?.observations).toContain(phrase);
  });

  test.each([
    { key: 'PAN1-1', phrase: 'Depuis 2009, le Royaume-Uni', why: 'the NRM sidebar is not part of the observations’ running text' },
    { key: 'PAN1-1', phrase: 'Voir CNCDH, Rapport', why: 'footnote 4' },
    { key: 'PAN1-5', phrase: 'Souvent les victimes de traite sont contraintes', why: 'footnote 14, printed mid-paragraph' },
    { key: 'PAN1-6', phrase: 'Partiellement', why: 'the status line printed inside the observations' },
    { key: 'PAN1-3', phrase: 'Mesure 3', why: 'the heading printed inside the observations' },
    { key: 'PAN1-1', phrase: 'Actions de l', why: 'only the observations part' },
  ])('observations of $key leave out « $phrase »', ({ key, phrase }) => {
    expect(notes.find((x) => x.key === key)?.observations).not.toContain(phrase);
  });
});

describe('structure', () => {
  test('every block is the CNCDH’s, except the plan’s own measure titles, which are the Government’s', () => {
    expect(blocks.length).toBeGreaterThan(200);
    const titles = blocks.filter((b) => b.section.includes('Intitulé de la mesure (texte du plan)'));
    expect(titles).toHaveLength(23);
    for (const b of titles) expect(b.author).toBe('gouvernement');
    for (const b of blocks.filter((x) => !titles.includes(x))) expect(b.author).toBe('cncdh');
  });

  test.each([
    { line: 402, section: ['Priorité 1', 'Mesure 3', ACTIONS], measures: ['PAN1-3'], why: '« Actions de l’Etat » after measure 2’s observations starts measure 3, whose heading comes later' },
    { line: 436, section: ['Priorité 1', 'Mesure 3', OBSERVATIONS], measures: ['PAN1-3'], why: 'the paragraph goes on after the heading box printed in it' },
    { line: 1141, section: ['Priorité 1', 'Mesure 11', ACTIONS], measures: ['PAN1-11'], why: 'measure 11’s heading is printed at l. 1167' },
    { line: 1345, section: ['Priorité 2', 'Mesure 14'], measures: ['PAN1-14'], why: 'measure 14 has one sentence, no sub-section' },
    { line: 1353, section: ['Priorité 2', 'Mesure 15', ACTIONS], measures: ['PAN1-15'], why: 'after measure 14’s sentence, « Actions » starts measure 15' },
    { line: 1388, section: ['Priorité 2', 'Mesure 15', ACTIONS], measures: ['PAN1-15'], why: 'Actions go on after the heading box' },
    { line: 1569, section: ['Priorité 2', 'Mesure 19', `${OBSERVATIONS} sur les mesures 18 et 19`], measures: ['PAN1-18', 'PAN1-19'], why: 'shared observations' },
    { line: 1652, section: ['Priorité 3', 'Mesure 21', ACTIONS], measures: ['PAN1-21'], why: 'measure 21’s heading is printed at l. 1678' },
    { line: 6, section: ['Introduction'], measures: [], why: 'general observations before measure 1' },
    { line: 170, section: ['Introduction', 'Le plan d’action national', '1. Identifier et accompagner les victimes de la traite'], measures: [], why: 'reviewed heading' },
    { line: 293, section: ['Priorité 1', 'Mesure 1', OBSERVATIONS, 'Encadré « National Referral Mechanism (NRM) »'], measures: ['PAN1-1'], why: 'the sidebar is its own block' },
    { line: 1905, section: ['Principales recommandations', 'Priorité I. Faire de la lutte contre la traite et l’exploitation des êtres humains une politique publique à part entière'], measures: [], why: 'final recommendations' },
  ])('line $line: $section.1 $section.2', ({ line, section, measures }) => {
    const b = blocks.find((x) => x.lines.some((l) => l.n === line));
    expect(b?.section).toEqual(section);
    expect(b?.measures).toEqual(measures);
  });

  test('the sentence interrupted by footnotes and the NRM box is one block, the box another', () => {
    const i = texts.findIndex((t) => t.includes('pourraient ainsi être habilités à détecter les victimes potentielles de traite'));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(blocks[i].lines.map((l) => l.n)).toEqual([280, 313]);
    for (const [j, t] of texts.entries()) {
      if (t.includes('Royaume-Uni dispose d’un système national')) expect(blocks[j].section.at(-1)).toMatch(/^Encadré/);
    }
  });

  test.each([
    { phrase: 'Elle s’inscrit dans le modèle « abolitionniste » promu par la loi du 13 avril 2016', why: 'across the measure 3 heading box (l. 429 → 436)' },
    { phrase: 'institutions ce qui peut contribuer à développer', why: 'across footnotes 7-9 (l. 473 → 481)' },
    { phrase: 'femmes victimes de violences, ou dans le cadre de la lutte contre la prostitution', why: 'across a status line (l. 912 → 917)' },
    { phrase: 'alors que le nombre de demandes augmente.', why: 'across footnote 16 and a status (l. 976 → 982)' },
    { phrase: 'laisse à penser que cette lutte s’insère dans le champ plus large', why: 'across a status (l. 1614 → 1619)' },
    { phrase: 'prennent les mesures nécessaires pour mettre en place des rapporteurs nationaux', why: 'across footnote 22 and a status (l. 1813 → 1819)' },
    { phrase: 'La traite des êtres humains est majoritairement un phénomène criminel transnational.', why: 'PDF hyphenation across a blank line' },
    { phrase: 'd’identification, d’accompagnement et de protection des victimes de la traite des êtres humains qui sont souvent de nationalité étrangère.', why: 'PDF hyphenation (« accompagne- / ment », « natio- / nalité ») and footnote call 4' },
  ])('running text rejoined: « $phrase »', ({ phrase }) => {
    expect(texts.some((t) => t.includes(phrase))).toBe(true);
  });

  test.each([
    { phrase: 'sa vie ou son intégrité physique', not: 'Ces conditions risquent', why: 'reviewed break after the lost-bullet list (l. 859)' },
    { phrase: 'S’agissant de la procédure de délivrance de ces titres de séjour, la CNCDH recommande de : prévoir', not: 'qu’il soit rétabli', why: 'reviewed break (l. 2004)' },
  ])('paragraphs kept apart: « $not »', ({ phrase, not }) => {
    const t = texts.find((x) => x.includes(phrase));
    expect(t).toBeDefined();
    expect(t).not.toContain(not);
  });

  test.each([
    { first: 1112, why: 'lost bullets: items with sentences of their own are items' },
    { first: 1127, why: '« Dans le suivi de ces jeunes » (l. 1128) stays in the third item' },
    { first: 2019, why: 'explicit bullets, idem in the final recommendations' },
  ])('item block from line $first', ({ first }) => {
    const b = blocks.find((x) => x.lines[0].n === first);
    expect(b?.item).toBe(true);
    expect(b?.lines[0].text).not.toMatch(/^\s*•/);
  });

  test('a list that is one sentence stays with its lead-in, marks that punctuation replaces removed', () => {
    const t = texts.find((x) => x.startsWith('S’agissant de la procédure de délivrance de ces titres de séjour, la CNCDH recommande de :'));
    expect(t).toBe(
      'S’agissant de la procédure de délivrance de ces titres de séjour, la CNCDH recommande de : prévoir une procédure simple ; exonérer les victimes étrangères sans ressources des frais liés à la délivrance de ces titres de séjour ou, au minimum, en différer le paiement.',
    );
    expect(texts).toContain(
      'L’ensemble des textes instruments internationaux entend appréhender la traite et l’exploitation des êtres humains dans leur complexité et exigent des États une réponse globale, fondée sur les droits de l’homme, et qui doit reposer sur trois grands objectifs : prévenir • protéger • punir.',
    );
  });
});

describe('cleaning', () => {
  const used = new Set(blocks.flatMap((b) => b.lines.map((l) => l.n)));

  test.each([
    { n: 108, what: 'running head' },
    { n: 1208, what: 'running head' },
    { n: 110, what: 'page number « 8 »' },
    { n: 1210, what: 'page number « 40 »' },
    { n: 1381, what: '« Mesure 15 » heading' },
    { n: 1682, what: '« € » icon' },
    { n: 117, what: 'Palermo Protocol quotation' },
    { n: 648, what: 'table figures' },
    { n: 1241, what: 'table note' },
    { n: 2095, what: 'back cover' },
    { n: 1867, what: 'final part’s title' },
  ])('line $n ($what) is in no block', ({ n }) => {
    expect(used.has(n)).toBe(false);
  });

  /** The 22 footnotes, by their first and last line, read off the source by hand. */
  const FOOTNOTES: [number, number][] = [
    [43, 46], [47, 48], [49, 50], [243, 245], [282, 283], [284, 290], [475, 477], [478, 478], [479, 480],
    [544, 544], [545, 545], [546, 547], [603, 603], [769, 772], [814, 816], [978, 979], [1031, 1032],
    [1067, 1068], [1101, 1103], [1226, 1227], [1744, 1744], [1815, 1816],
  ];

  test.each(FOOTNOTES.map(([a, b], i) => ({ k: i + 1, a, b })))('footnote $k (lines $a-$b) is in no block', ({ a, b }) => {
    for (let n = a; n <= b; n++) expect(used.has(n)).toBe(false);
    // Its opening words appear in no block (« Convention de Varsovie », footnote 8, is too
    // short to tell: the running text names the convention too).
    const opening = lines[a - 1].text.replace(/^\d+\.?\s*/, '').slice(0, 40).trim();
    if (opening.length >= 25) for (const t of texts) expect(t).not.toContain(opening);
  });

  test('no block holds a running head or a page number', () => {
    for (const t of texts) expect(t).not.toMatch(/CNCDH\s*•\s*Évaluation/);
    for (const b of blocks) for (const l of b.lines) expect(l.text).not.toMatch(/^\s*\d{1,3}\s*$/);
  });

  test.each([
    { line: 12, has: '(MIPROF), qui', not: 'MIPROF)1', why: 'call after a bracket' },
    { line: 22, has: 's’y référer. Par', not: 'référer2', why: 'call before a full stop' },
    { line: 226, has: 'nalité étrangère. La CNCDH', not: 'étrangère4', why: 'call in the first observation of measure 1' },
    { line: 251, has: 'êtres humains », sans', not: '»5', why: 'call after a closing quote' },
    { line: 443, has: 'Commission européenne que du', not: 'européenne7', why: 'call before a space' },
    { line: 533, has: '27 mars 2017 contraint', not: '201712', why: 'call glued to a year: 2017 stays' },
    { line: 955, has: 'en 2016 (contre 70 victimes en 2014).', not: '2014)16', why: 'real numbers kept, the call after the bracket removed' },
    { line: 1004, has: '28 octobre 2016 organisent', not: '201617', why: 'call glued to a year: 2016 stays' },
    { line: 1078, has: 'accompagnés (MNA)', not: '(MNA)19', why: 'call after a bracket' },
    { line: 1731, has: 'délégations interministérielles. ', not: 'interministérielles21', why: 'last-but-one call' },
  ])('footnote call removed at line $line', ({ line, has, not }) => {
    const l = blocks.flatMap((b) => b.lines).find((x) => x.n === line);
    expect(l?.text).toContain(has);
    expect(l?.text).not.toContain(not);
  });

  test.each([
    { phrase: 'période de réflexion et de rétablissement de 45 jours', why: 'number in the NRM box' },
    { phrase: 'loi n° 2016-444 du 13 avril 2016, article 8,', why: 'law number, date and article' },
    { phrase: 'L’article 18 de la loi du 13 avril 2016', why: 'article number' },
    { phrase: 'la 10ème journée européenne', why: 'ordinal' },
    { phrase: 'amende de 1.500 euros', why: 'amount' },
    { phrase: '(13 seulement sur les 59 consultées ont pu transmettre des données pour 2015)', why: 'counts in brackets' },
    { phrase: '(96% des personnes prises en charge)', why: 'percentage' },
    { phrase: 'Aujourd’hui 50 mineures nigérianes', why: 'count' },
    { phrase: 'ratifiés par 186 États.', why: 'count at a sentence end' },
    { phrase: '417 500 euros sont consacrés par le MAE', why: 'amount opening a paragraph' },
    { phrase: 'programme 137 « Égalité entre les femmes et les hommes » une action 15', why: 'budget programme and action numbers' },
    { phrase: '6,1 million d’euros', why: 'decimal' },
    { phrase: '(+32,6%)', why: 'signed percentage' },
    { phrase: 'accompagnées au-delà de 18 ans.', why: 'age' },
    { phrase: 'article 225-4-1 du Code pénal', why: 'code article' },
  ])('real number kept: « $phrase »', ({ phrase }) => {
    expect(texts.some((t) => t.includes(phrase))).toBe(true);
  });

  test('each block line is its source line, less only footnote-call digits and a list mark', () => {
    for (const b of blocks) {
      let prev = 0;
      for (const l of b.lines) {
        expect(l.n).toBeGreaterThan(prev);
        prev = l.n;
        const src = stripItemMark(lines[l.n - 1].text);
        const got = stripItemMark(l.text);
        expect(removedOnlyDigits(src, got), `line ${l.n}: « ${got} » vs « ${src} »`).toBe(true);
      }
    }
  });
});

/** True when `got` is `src` with at most two runs of one or two digits deleted (footnote calls). */
function removedOnlyDigits(src: string, got: string): boolean {
  const runs: string[] = [];
  let j = 0;
  let inRun = false;
  for (const ch of src) {
    if (j < got.length && ch === got[j]) {
      j++;
      inRun = false;
      continue;
    }
    if (!/\d/.test(ch)) return false;
    if (inRun) runs[runs.length - 1] += ch;
    else runs.push(ch);
    inRun = true;
  }
  return j === got.length && runs.length <= 2 && runs.every((r) => r.length <= 2);
}

describe('positions of this source', () => {
  const { positions, source } = extractSource(cncdh2017, raw, { lexicon: lexiconOf([raw]) });

  test('source metadata', () => {
    expect(source).toMatchObject({ id: 'eval-cncdh-2017', kind: 'évaluation', date: '2017-07-06', participants: [] });
  });

  test('all CNCDH but the plan’s measure titles, many of them its recommendations', () => {
    expect(positions.length).toBeGreaterThan(300);
    const titles = positions.filter((p) => p.section.endsWith('Intitulé de la mesure (texte du plan)'));
    expect(new Set(titles.map((p) => p.author))).toEqual(new Set(['gouvernement']));
    // …and the Collectif's view where the evaluation quotes it, and the government's where it reports what France or a
    // ministry put forward (« La France a cependant souligné que… »), each marked as reported by the CNCDH.
    const quoted = positions.filter((p) => p.quotedIn);
    expect(quoted.map((p) => [p.author, p.quotedIn?.author])).toEqual([
      ['gouvernement', 'cncdh'],
      ['gouvernement', 'cncdh'],
      ['collectif', 'cncdh'],
    ]);
    expect(quoted.filter((p) => p.author === 'gouvernement').map((p) => p.organisation)).toEqual(['La France', 'Ministère des Affaires étrangères']);
    expect(new Set(positions.filter((p) => !titles.includes(p) && !quoted.includes(p)).map((p) => p.author))).toEqual(new Set(['cncdh']));
    const recommends = positions.filter((p) => /La CNCDH recommande/.test(p.text));
    expect(recommends.length).toBeGreaterThan(20);
  });

  test.each([
    { phrase: 'La CNCDH recommande donc d’aider au financement du recrutement de médiateurs culturels', lines: [226, 227], measure: 'PAN1-1' },
    { phrase: 'la CNCDH recommande leur abrogation', lines: [871, 875], measure: 'PAN1-6' },
    { phrase: 'la CNCDH recommande l’élargissement des bénéficiaires de ce dispositif', lines: [987, 988], measure: 'PAN1-8' },
    { phrase: 'La CNCDH recommande d’ouvrir le dispositif à l’ensemble des mineurs victimes', lines: [1198, 1201], measure: 'PAN1-11' },
    { phrase: 'la CNCDH recommande de ne pas imposer aux agents de l’inspection du travail', lines: [1333, 1339], measure: 'PAN1-13' },
  ])('« $phrase » at lines $lines', ({ phrase, lines: at, measure }) => {
    const p = positions.find((x) => x.text.toLowerCase().includes(phrase.toLowerCase()));
    expect(p).toBeDefined();
    expect(p!.lines[0]).toBeLessThanOrEqual(at[0]);
    expect(p!.lines[1]).toBe(at[1]);
    expect(p!.measures).toContain(measure);
    // The cited lines hold the position's first and last words.
    const first = p!.text.split(/\s+/)[0];
    const last = p!.text.split(/\s+/).at(-1)!.replace(/[.,;:]+$/, '');
    expect(lines[p!.lines[0] - 1].text).toContain(first);
    expect(lines[p!.lines[1] - 1].text).toContain(last);
  });
});

describe('reviewed data', () => {
  test('every hand decision says why', () => {
    const entries = [...reviewed.skip, ...reviewed.boxes, ...reviewed.sectionStarts, ...reviewed.headings, ...reviewed.breakBefore];
    for (const e of entries) expect(e.why.length).toBeGreaterThan(10);
  });
});
