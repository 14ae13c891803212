/**
 * The parsers of `002_…` (meeting with Mme Vallaud-Belkacem, 3 February 2014) and `003_…`
 * (plaidoyer with the cabinet of Mme Borne, 15 December 2022), run on the real files.
 * Every case was checked by hand against the source; `why` says what the case guards.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { extractSource, lexiconOf } from '../../data/library/extract/pipeline';
import { reattribute } from '../../data/library/extract/segment';
import { borne20221215 } from '../../data/library/extract/sources/borne-2022-12-15';
import { ministre20140203 } from '../../data/library/extract/sources/ministre-2014-02-03';
import { foldWord, readLines, stripMarks } from '../../data/library/extract/text';
import type { Block, Line, SourceParser } from '../../data/library/extract/types';

const seed = (file: string) => readFileSync(new URL(`../../data/library/seeds/${file}`, import.meta.url), 'utf8');

function run(parser: SourceParser): { lines: Line[]; blocks: Block[] } {
  const lines = readLines(seed(parser.file));
  return { lines, blocks: parser.parse(lines) };
}

/** Compares without case, accents or apostrophe style, white space collapsed. */
const fold = (s: string) => foldWord(s).replace(/\s+/g, ' ');
const textOf = (b: Block) => b.lines.map((l) => l.text).join(' ');

function blocksWith(blocks: Block[], phrase: string): Block[] {
  return blocks.filter((b) => fold(textOf(b)).includes(fold(phrase)));
}

interface Case {
  phrase: string;
  author: Block['author'];
  /** Substring expected in the speaker (undefined: no speaker). */
  speaker?: string | null;
  organisation?: string;
  section?: string;
  lines?: [number, number];
  item?: boolean;
  measures?: string[];
  why: string;
}

function check(blocks: Block[], c: Case): void {
  const found = blocksWith(blocks, c.phrase);
  expect(found, `one block holds « ${c.phrase} »`).toHaveLength(1);
  const b = found[0];
  expect(b.author).toBe(c.author);
  if (c.speaker === null) expect(b.speaker).toBeUndefined();
  else if (c.speaker !== undefined) expect(b.speaker).toContain(c.speaker);
  if (c.organisation !== undefined) expect(b.organisation).toContain(c.organisation);
  if (c.section !== undefined) expect(b.section.join(' > ')).toContain(c.section);
  if (c.lines) expect([b.lines[0].n, b.lines[b.lines.length - 1].n]).toEqual(c.lines);
  if (c.item !== undefined) expect(Boolean(b.item)).toBe(c.item);
  if (c.measures) expect(b.measures).toEqual(c.measures);
}

/** Shared checks: no formatting marks, and every block line is its source line, cleaned. */
function checkLayout(parser: SourceParser): void {
  const { lines, blocks } = run(parser);
  test('no formatting marks are left', () => {
    for (const b of blocks) expect(textOf(b)).not.toMatch(/\*\*|<\/?(?:sup|i|b)>|^#|\]\(/);
  });
  test('every line number points at the source line the text comes from', () => {
    for (const b of blocks) {
      for (const l of b.lines) {
        const source = fold(stripMarks(lines[l.n - 1].text));
        expect(source, `line ${l.n}`).toContain(fold(l.text).trim());
      }
    }
  });
  test('blocks come in source order and never share a line', () => {
    const ns = blocks.flatMap((b) => b.lines.map((l) => l.n));
    expect(ns).toEqual([...ns].sort((a, b) => a - b));
    expect(new Set(ns).size).toBe(ns.length);
  });
}

describe('002 — rencontre avec Mme Vallaud-Belkacem (3 février 2014)', () => {
  const { blocks } = run(ministre20140203);
  const cases: Case[] = [
    {
      phrase: "Le Collectif souligne qu'il est nécessaire d'adopter une approche fondée sur les droits",
      author: 'collectif', speaker: null, section: 'I. Synthèse', lines: [91, 91],
      why: 'the synthesis is the Collectif speaking as a whole',
    },
    {
      phrase: 'bénéficiaire de ce délai de réflexion ne soit pas occultée',
      author: 'collectif', lines: [105, 107], item: true,
      why: 'a list item broken by a page break (blank line, lower-case restart) is one block',
    },
    {
      phrase: "elle est consciente que la patience du Collectif a été mise à l'épreuve",
      author: 'gouvernement', speaker: 'Vallaud-Belkacem', organisation: 'Ministre',
      section: 'II. Compte-rendu in extenso > Ministre des Droits des femmes',
      why: 'the minister’s turn, though it mentions the Collectif',
    },
    {
      phrase: "La ministre acquiesce mais estime que les préfets doivent être habilités",
      author: 'gouvernement', speaker: 'Vallaud-Belkacem', organisation: 'Ministre des Droits des femmes',
      why: 'a later `##` turn of the minister (the document mixes ## and ###)',
    },
    {
      phrase: 'la MIPROF a travaillé de concert avec la société civile',
      author: 'gouvernement', speaker: 'Moiron-Braud', organisation: 'MIPROF', lines: [129, 131],
      why: 'Secrétariat général de la MIPROF; the paragraph resumes after a page break at « janvier 2013 »',
    },
    {
      phrase: 'sessions communes de formation seront organisées',
      author: 'gouvernement', speaker: 'Moiron-Braud', organisation: 'MIPROF', item: true,
      why: 'the MIPROF’s list of the plan’s volets stays hers, item by item',
    },
    {
      phrase: "Il s'agit notamment de favoriser l'identification des victimes",
      author: 'gouvernement', speaker: 'Panloup', organisation: 'MIPROF',
      why: 'Coordinateur national de la MIPROF',
    },
    {
      phrase: 'Les principaux problèmes identifiés par le Collectif sont les suivants',
      author: 'collectif', speaker: 'M. Soulage', organisation: 'Secours Catholique',
      why: 'the president of the Secours Catholique presents the Collectif’s demands',
    },
    {
      phrase: "une circulaire ne vaut pas une loi",
      author: 'collectif', speaker: 'M. Soulage', organisation: 'Secours Catholique',
      why: '« Mme la ministre ayant proposé…, M. Soulage rappelle… »: the main speaker is M. Soulage',
    },
    {
      phrase: 'une circulaire ne saurait remplacer une loi',
      author: 'collectif', speaker: 'M. Soulage', organisation: 'Secours Catholique',
      why: 'Secours Catholique turn, speaking for the Collectif',
    },
    {
      phrase: "Mme Colas rappelle qu'il convient également d'évoquer la situation des jeunes majeurs",
      author: 'collectif', speaker: 'Mme Colas', organisation: 'Secours Catholique',
      why: 'the coordinator of the Collectif speaks for it',
    },
    {
      phrase: 'Mme Paone rappelle la dimension internationale',
      author: 'association', speaker: 'Mme Paone', organisation: 'Armée du Salut',
      why: 'a member association’s own remark',
    },
    {
      phrase: 'la protection des mineurs victimes de traite fait partie du droit commun',
      author: 'association', speaker: 'M. Lardanchet', organisation: 'Hors la rue',
      why: 'Hors la rue, in its own name',
    },
    {
      phrase: "M. Peyroux souligne qu'il existe aujourd'hui un certain nombre de problèmes",
      author: 'collectif', speaker: 'M. Peyroux', organisation: 'Collectif « Ensemble contre la traite des êtres humains »',
      why: 'the heading is a role of the Collectif’s own delegation (participants list), not a body',
    },
    {
      phrase: "L'accès à une autorisation de travail est une nécessité impérieuse",
      author: 'association', speaker: "Mme O'Dy", organisation: 'CCEM',
      why: 'the speaker is named only in the third sentence of the turn',
    },
    {
      phrase: 'La prise en charge des victimes diffère selon la ville',
      author: 'association', speaker: null, organisation: 'AC-Sé',
      why: 'no person named: organisation only',
    },
    {
      phrase: 'il est également impératif de décourager la demande',
      author: 'association', speaker: 'Mme de Ruyg', organisation: 'Amicale du Nid',
      why: '« Mme de Ruggy » is the participants list’s Hélène de Ruyg (metadata fixed, wording untouched)',
    },
    {
      phrase: 'M. Albert rappelle que la mesure 5 du Plan parle de « possibilité »',
      author: 'collectif', speaker: 'M. Albert', organisation: 'Mouvement du Nid',
      section: 'II. Compte-rendu in extenso > Mouvement du Nid',
      why: '« Le Collectif insiste… »: the member presents the Collectif’s demand',
    },
    {
      phrase: 'la France doit s’employer à promouvoir un leadership mondial',
      author: 'association', speaker: 'M. Galland', organisation: 'ECPAT France',
      why: 'ECPAT France in its own name',
    },
    {
      phrase: 'M Vienot souligne que la mesure 19',
      author: 'association', speaker: 'M. Vienot', organisation: 'Justice et Paix',
      why: '« M Vienot » without a full stop is still a person',
    },
    {
      phrase: 'de passer directement par les préfectures, sans passer par les services de police',
      author: 'collectif', speaker: 'Mme Hriech Wahabi', organisation: 'OICEM', lines: [238, 240],
      why: '« le Collectif souhaite… »: OICEM speaks for the Collectif; page break rejoined',
    },
    {
      phrase: "Les victimes n'ont généralement pas de pièces d'identité",
      author: 'association', speaker: null, organisation: 'Les Amis du Bus des Femmes',
      why: 'organisation from the heading',
    },
    {
      phrase: "L'ensemble des acteurs doit bénéficier d'une formation adéquate",
      author: 'association', organisation: 'FNARS',
      why: 'organisation from the heading',
    },
  ];
  test.each(cases)('$phrase → $author ($why)', (c) => check(blocks, c));

  test.each([
    ['Les associations présentes ont regretté', 'Objet de la rencontre is front matter'],
    ['Paris, le 17 février 2014', 'front matter'],
    ['Elizabeth Moiron-Braud, secrétaire générale', 'participants list'],
    ['Prochaine réunion du Collectif', 'calendar'],
    ['Synthèse de la réunion.....', 'contents'],
    ['Document de travail réalisé par', 'colophon at the end'],
    ['contre.la.traite@secours-catholique.org', 'contact line'],
  ])('no block holds « %s » (%s)', (phrase) => {
    expect(blocksWith(blocks, phrase)).toHaveLength(0);
  });

  test('headings are never block text', () => {
    const headings = ['Secours Catholique', 'Ministre des Droits des femmes', 'Secrétariat général de la MIPROF', 'OICEM'];
    for (const b of blocks) for (const l of b.lines) expect(headings).not.toContain(l.text.trim());
  });

  test('block counts by author', () => {
    const count = (a: string) => blocks.filter((b) => b.author === a).length;
    expect({ collectif: count('collectif'), association: count('association'), gouvernement: count('gouvernement') }).toEqual({
      collectif: 28,
      association: 14,
      gouvernement: 13,
    });
  });

  describe('govSpeakers with the shared re-attribution', () => {
    const s = (text: string) => ({ text, start: 0, end: text.length, author: 'collectif' as const });
    test.each([
      ['La ministre a également rappelé que la loi a été adoptée.', 'gouvernement', 'the minister is the one speaking'],
      ['En guise d’introduction, Mme Vallaud-Belkacem a rappelé que le plan était à l’étude.', 'gouvernement', 'after an opening phrase'],
      ['Mme Moiron-Braud rappelle que les travaux remontent à 2008.', 'gouvernement', 'MIPROF'],
      ["Mme la ministre ayant proposé l'élaboration d'une circulaire, M. Soulage rappelle qu'une circulaire ne vaut pas une loi.", 'collectif', 'participle clause: M. Soulage speaks'],
      ['Répondant à une interrogation de Mme la ministre des Droits des femmes, Mme Colas indique qu’il ne faut pas se limiter.', 'collectif', 'Mme Colas answers'],
      ['Mme O’Dy attire également l’attention de la ministre sur la question des passeurs.', 'collectif', 'the minister is addressed, not speaking'],
      ['Le Collectif a insisté, au cours de son entrevue avec Mme la Ministre, sur la nécessité d’un calendrier.', 'collectif', 'the minister is a circumstance'],
    ])('%s → %s (%s)', (text, author) => {
      expect(reattribute(s(text), ministre20140203.govSpeakers).author).toBe(author);
    });
  });

  describe('layout', () => checkLayout(ministre20140203));
});

describe('003 — plaidoyer auprès du cabinet de Mme Borne (15 décembre 2022)', () => {
  const { blocks } = run(borne20221215);
  const cases: Case[] = [
    {
      phrase: 'Nous vous remercions de nous recevoir',
      author: 'collectif', speaker: null, section: '1.1 - Propos introductifs', lines: [78, 86],
      why: 'first paragraph of part I; front matter before it is dropped',
    },
    {
      phrase: 'La création d’une délégation interministérielle uniquement dédiée',
      author: 'collectif', item: true, lines: [99, 103],
      why: 'a « ● » item of 1.1 with its wrapped lines',
    },
    {
      phrase: 'La difficulté d’apporter la preuve de la rupture du lien avec l’exploitant',
      author: 'collectif', item: true, lines: [311, 311],
      why: 'an item without a full stop ends where a capitalised paragraph starts',
    },
    {
      phrase: 'Pourtant maintenir des personnes en situation irrégulière',
      author: 'collectif', item: false,
      why: 'the paragraph after the last item is not part of it',
    },
    {
      phrase: 'La qualification de traite reste assez peu retenue',
      author: 'collectif',
      section: 'I - Présentation de la situation par le Collectif “Ensemble contre la traite des êtres humains” > 1.2 - Il existe des lois, des procédures sur l’exploitation et la traite des êtres humains mais qui ne sont pas au maximum de leur efficacité, voire pas du tout mises en œuvre. > 1.2.1 - La qualification de traite trop peu connue et retenue',
      why: 'numbered subsections as the section path, wrapped headings rejoined',
    },
    {
      phrase: 'Une des mesures phares du deuxième plan, le mécanisme national',
      author: 'collectif', measures: ['PAN2-16'],
      why: 'the 1.2.9 heading is about the national identification mechanism, PAN2 measure 16',
    },
    {
      phrase: 'Pour Aux Captifs la libération comme les autres associations du Collectif',
      author: 'collectif', organisation: 'Aux Captifs la libération',
      why: 'a member speaking for all the Collectif’s associations',
    },
    {
      phrase: 'Les nouvelles plateformes (Airbnb, Uber, Deliveroo',
      author: 'collectif', section: '1.3.3 Des nouvelles formes de traite via internet à prendre en compte',
      why: 'a heading without a dash (« 1.3.3 Des… ») is still a heading',
    },
    {
      phrase: 'Il existe une réelle volonté politique de traiter ce sujet',
      author: 'gouvernement', speaker: 'Perrée', organisation: 'Cabinet de la Première ministre',
      why: 'part 2, Mme Perrée’s turn',
    },
    {
      phrase: 'Magistrate. Très sensibilisée à ce sujet',
      author: 'gouvernement', speaker: 'Perrée',
      why: 'her presentation belongs to her turn, never to the Collectif',
    },
    {
      phrase: 'Je confirme qu’il existe une volonté forte de Matignon',
      author: 'gouvernement', speaker: 'Sauneron',
      why: 'part 2, Mme Sauneron’s turn (heading over three lines)',
    },
    {
      phrase: 'nouvelle stratégie addiction 2023-2027',
      author: 'gouvernement', speaker: 'Sauneron',
      why: 'a later paragraph of the same turn, after a gap',
    },
    {
      phrase: 'Ces intervenants sociaux sont dans les commissariats',
      author: 'gouvernement', speaker: 'Poumeau',
      why: 'part 2, the Colonel’s turn',
    },
    {
      phrase: 'L’annonce qui nous est faite par les Conseillers',
      author: 'collectif', speaker: null,
      section: '3.1 - Concernant la Coordination',
      why: '« Les membres du Collectif : » label, cut from the text',
    },
    {
      phrase: 'On est sur l’interministérialité',
      author: 'gouvernement', speaker: 'Perrée', lines: [818, 824],
      why: '« Réponse de Vanessa Perrée : » inline label',
    },
    {
      phrase: 'Vous avez parfaitement raison. On prend le point.',
      author: 'gouvernement', speaker: 'Poumeau',
      why: '« Réponse de Guillaume Poumeau de Lafforest : »',
    },
    {
      phrase: 'La France est l’un des derniers pays européens',
      author: 'collectif', measures: ['PAN2-16'],
      why: '3.2 is about the national identification mechanism',
    },
    {
      phrase: 'On parle de formation, c’est une tarte à la crème',
      author: 'collectif',
      why: '3.4, the Collectif',
    },
    {
      phrase: 'Nous sommes tout à fait conscients de la nécessité de moyens',
      author: 'gouvernement', speaker: 'Perrée',
      why: 'a reply that ends at the next heading, without a gap',
    },
    {
      phrase: 'Ceci est un sujet à explorer',
      author: 'gouvernement', speaker: 'Poumeau',
      why: '« Réponse du Colonel Guillaume Pommeau de Lafforest » (misspelt): same person',
    },
    {
      phrase: 'de plus en plus de recrutement se fait sur internet',
      author: 'collectif', speaker: null, lines: [953, 959],
      why: 'after the Colonel’s one-line reply and a gap, the Collectif’s voice resumes',
    },
    {
      phrase: 'c’est parfois le seul moyen de contact avec l’extérieur pour leur venir en aide',
      author: 'collectif',
      why: 'the associations reaching victims: the Collectif',
    },
    {
      phrase: 'Voici le message reçu au lendemain de notre rencontre',
      author: 'gouvernement', speaker: 'Sauneron',
      why: '« Réponse via Sarah Sauneron : » introduces the reply',
    },
    {
      phrase: 'Notre objectif est bien d’achever le plan en cours',
      author: 'gouvernement', speaker: 'Gallois',
      organisation: 'Cabinet de la secrétaire d',
      why: 'the quoted e-mail is its signer’s, M. Gallois',
    },
  ];
  test.each(cases)('$phrase → $author ($why)', (c) => check(blocks, c));

  test.each([
    ['58 rue de Varenne', 'address'],
    ['de 17h15 à 19h00', 'time'],
    ['Yolanda Gutierrez', 'participants list'],
    ['conseillère pour la justice au Cabinet de Madame la Première', 'part 2 turn heading'],
    ['Les membres du Collectif :', 'speaker label'],
    ['Réponse de Vanessa', 'speaker label'],
    ['Réponse du Colonel', 'speaker label'],
    ['Concernant la traite par internet', 'section heading'],
    ['Propos introductifs', 'section heading'],
    ['Echanges et réactions du Collectif', 'part heading'],
  ])('no block holds « %s » (%s)', (phrase) => {
    expect(blocksWith(blocks, phrase)).toHaveLength(0);
  });

  test('bare « mesure N » refers to the second plan', () => {
    expect(borne20221215.defaultPlan).toBe('PAN2');
  });

  test('block counts by author', () => {
    const count = (a: string) => blocks.filter((b) => b.author === a).length;
    expect({ collectif: count('collectif'), association: count('association'), gouvernement: count('gouvernement') }).toEqual({
      collectif: 74,
      association: 0,
      gouvernement: 25,
    });
  });

  describe('govSpeakers with the shared re-attribution', () => {
    const s = (text: string) => ({ text, start: 0, end: text.length, author: 'collectif' as const });
    test.each([
      ['Vanessa Perrée a indiqué que les effectifs seraient renforcés.', 'gouvernement', 'the adviser speaks'],
      ['Le Colonel Guillaume Pommeau de Lafforest a confirmé que le sujet serait exploré.', 'gouvernement', 'misspelt name'],
      ['L’annonce qui nous est faite par les Conseillers de poursuivre une structure de coordination au sein de la MIPROF est très très décevante.', 'collectif', 'the Collectif’s reaction to the announcement'],
      ['Nous partons de ce rendez vous avec pour seule information qu’en janvier “les conseillers” “espèrent” “que soit relancée la miprof”.', 'collectif', 'the Collectif quoting to criticise'],
      ['Nous avons souhaité échanger avec la Ministre qui s’est engagée pour que la France soit « Pays pionnier ».', 'collectif', 'the Collectif’s introduction'],
    ])('%s → %s (%s)', (text, author) => {
      expect(reattribute(s(text), borne20221215.govSpeakers).author).toBe(author);
    });
  });

  describe('reviewed overrides', () => {
    const lexicon = lexiconOf([seed(borne20221215.file)]);
    const { positions } = extractSource(borne20221215, seed(borne20221215.file), { lexicon });
    const at = (phrase: string) => positions.filter((p) => fold(p.text).includes(fold(phrase)));
    test.each([
      ['Dans le diagnostic, on est conscient qu’on a une dette sur le sujet', 'gouvernement', '3.1: the State’s voice, unlabelled, before Mme Perrée continues'],
      ['Ne pas le mixer', 'gouvernement', 'same paragraph'],
      ['Les réseaux via internet sont aussi des moyens pour la prise de contact', 'collectif', '3.6: after the Colonel’s reply'],
    ])('%s → %s (%s)', (phrase, author) => {
      const found = at(phrase);
      expect(found.length).toBeGreaterThan(0);
      for (const p of found) expect(p.author).toBe(author);
    });
    test('the e-mail signature is not a position', () => {
      expect(at('Bien cordialement')).toHaveLength(0);
    });
  });

  describe('layout', () => checkLayout(borne20221215));
});
