/**
 * Citations and quotations (data/citation.ts): what the panel shows under a wording, what
 * « Insérer avec la source » writes, and the attributed quotation that is the only way to take the
 * government's or the CNCDH's words. Each case says why it matters.
 */
import { describe, expect, test } from 'vitest';
import { shippedLibrary } from '../../data/tools/cli-lib';
import {
  attribution,
  formatCitation,
  letterCitation,
  longDate,
  quoteForLetter,
  quoteAsContext,
  quoted,
  quoteWithSource,
  sectionLabel,
  sectionPath,
  sourceLabel,
  type CitedSource,
  type QuotedPosition,
} from '../../data/library/citation';
import { isOurs } from '../../data/library/schema';

const NBSP = '\u00A0';

const MINISTRE: CitedSource = {
  id: 'cr-2014-02-03',
  title: 'Préparation du Plan d’action national : compte-rendu de la réunion du 3 février 2014 avec Mme Najat Vallaud-Belkacem',
  shortTitle: 'Rencontre avec Mme Vallaud-Belkacem',
  kind: 'compte-rendu',
  date: '2014-02-03',
};
const COLLECTIF: CitedSource = { ...MINISTRE, id: 'cr-2014-01-31', shortTitle: 'Réunion du Collectif du 31 janvier 2014', date: '2014-01-31' };
const CNCDH: CitedSource = { id: 'eval-cncdh-2017', title: 'CNCDH, Évaluation…', shortTitle: 'Évaluation du plan 2014-2016 par la CNCDH', kind: 'évaluation', date: '2017-07-06' };
const BORNE: CitedSource = { id: 'plaidoyer-2022-12-15', title: 'Plaidoyer…', shortTitle: 'Plaidoyer auprès du cabinet de Mme Borne', kind: 'plaidoyer', date: '2022-12-15' };

const position = (over: Partial<QuotedPosition>): QuotedPosition => ({
  text: 'Le délai de réflexion doit être porté à trois mois.',
  author: 'collectif',
  sourceId: MINISTRE.id,
  date: MINISTRE.date,
  section: 'II. Compte-rendu (mesure par mesure) > Priorité I > Mesure 5',
  ...over,
});

describe('longDate', () => {
  test.each([
    { why: 'the long French form of the issue’s example', iso: '2014-02-03', locale: 'fr', out: '3 février 2014' },
    { why: 'French writes the first of the month as an ordinal', iso: '2016-03-01', locale: 'fr', out: '1er mars 2016' },
    { why: 'the 11th is not an ordinal', iso: '2016-03-11', locale: 'fr', out: '11 mars 2016' },
    { why: 'English for an English reader', iso: '2014-02-03', locale: 'en', out: 'February 3, 2014' },
    { why: 'read in UTC: the last day of a year stays in that year', iso: '2022-12-31', locale: 'fr', out: '31 décembre 2022' },
    { why: 'not a day: returned as is rather than « Invalid Date »', iso: '2014', locale: 'fr', out: '2014' },
    { why: 'empty stays empty', iso: '', locale: 'fr', out: '' },
  ])('$why', ({ iso, locale, out }) => {
    expect(longDate(iso, locale)).toBe(out);
  });
});

describe('sectionLabel', () => {
  test.each([
    { why: 'the measure, as in the issue', section: 'II. Compte-rendu (mesure par mesure) > Priorité I > Mesure 5', out: 'Mesure 5' },
    { why: 'the measure, not the title heading under it', section: 'II. Compte-rendu > Priorité I > Mesure 5 > Intitulé du projet de plan', out: 'Mesure 5' },
    { why: 'a « bis » measure keeps its « bis »', section: 'II. Compte-rendu > Priorité I > Mesure 4 bis', out: 'Mesure 4 bis' },
    { why: 'the CNCDH’s observations under a measure', section: 'Priorité 1 > Mesure 1 > Observations et recommandations de la CNCDH', out: 'Mesure 1' },
    { why: 'no measure: the last heading without its roman numbering', section: 'I. Synthèse de la réunion', out: 'Synthèse de la réunion' },
    { why: 'no measure: the last heading without its decimal numbering', section: '3/ Echanges > 3.2 - Concernant les statistiques', out: 'Concernant les statistiques' },
    { why: 'numbering without a dash', section: 'I - Présentation > 1.3.3 Des nouvelles formes de traite via internet à prendre en compte', out: 'Des nouvelles formes de traite via internet à prendre en compte' },
    { why: 'a plain heading is kept', section: 'II. Compte-rendu in extenso > Mouvement du Nid', out: 'Mouvement du Nid' },
    {
      why: 'a very long heading is cut at a word, with « … »',
      section: "2 - Réponses > Madame Sarah SAUNERON, conseillère technique pour les solidarités, l'égalité femme homme et la lutte contre les discriminations au Cabinet",
      out: "Madame Sarah SAUNERON, conseillère technique pour les solidarités, l'égalité…",
    },
    { why: 'no section', section: '', out: '' },
  ])('$why', ({ section, out }) => {
    expect(sectionLabel(section)).toBe(out);
  });
});

describe('sourceLabel', () => {
  test.each([
    { why: 'a meeting report names the report, as in the issue', source: MINISTRE, out: 'Compte-rendu de la rencontre avec Mme Vallaud-Belkacem' },
    { why: 'the Collectif’s own meeting', source: COLLECTIF, out: 'Compte-rendu de la réunion du Collectif du 31 janvier 2014' },
    { why: 'an evaluation keeps its short title', source: CNCDH, out: 'Évaluation du plan 2014-2016 par la CNCDH' },
    { why: 'an advocacy meeting keeps its short title', source: BORNE, out: 'Plaidoyer auprès du cabinet de Mme Borne' },
    { why: 'a report whose short title does not name a meeting is left alone', source: { ...MINISTRE, shortTitle: 'Notes du 3 février' }, out: 'Notes du 3 février' },
    { why: 'no short title: the title', source: { ...CNCDH, shortTitle: '' }, out: 'CNCDH, Évaluation…' },
  ])('$why', ({ source, out }) => {
    expect(sourceLabel(source)).toBe(out);
  });
});

describe('formatCitation', () => {
  test.each([
    { why: 'the issue’s example', cited: position({}), source: MINISTRE, out: 'Compte-rendu de la rencontre avec Mme Vallaud-Belkacem, 3 février 2014, Mesure 5' },
    {
      why: 'the date is not repeated when the source’s name says it',
      cited: position({ sourceId: COLLECTIF.id, date: COLLECTIF.date, section: 'II. Compte-rendu > Priorité I > Mesure 4 bis' }),
      source: COLLECTIF,
      out: 'Compte-rendu de la réunion du Collectif du 31 janvier 2014, Mesure 4 bis',
    },
    {
      why: 'a section the source’s name already says is not repeated',
      cited: position({ section: 'Propositions du Collectif > Compte-rendu de la rencontre' }),
      source: MINISTRE,
      out: 'Compte-rendu de la rencontre avec Mme Vallaud-Belkacem, 3 février 2014',
    },
    { why: 'the CNCDH evaluation', cited: position({ sourceId: CNCDH.id, date: CNCDH.date, section: 'Priorité 1 > Mesure 5 > Observations' }), source: CNCDH, out: 'Évaluation du plan 2014-2016 par la CNCDH, 6 juillet 2017, Mesure 5' },
    { why: 'an unknown source: its id stands in, the date and section still said', cited: position({ sourceId: 'import-42' }), source: undefined, out: 'import-42, 3 février 2014, Mesure 5' },
  ])('$why', ({ cited, source, out }) => {
    expect(formatCitation(cited, source)).toBe(out);
  });

  test('a part said elsewhere (the association named before the citation) is skipped', () => {
    expect(formatCitation(position({ section: 'II. Compte-rendu in extenso > Mouvement du Nid' }), MINISTRE, ['Mouvement du Nid'])).toBe(
      'Compte-rendu de la rencontre avec Mme Vallaud-Belkacem, 3 février 2014',
    );
  });
});

describe('attribution', () => {
  test.each([
    { why: 'the Collectif’s own wording needs no name in its own letter', p: { author: 'collectif' as const, organisation: 'Secours Catholique', speaker: 'M. Soulage' }, out: '' },
    { why: 'a member association is named', p: { author: 'association' as const, organisation: 'Mouvement du Nid', speaker: 'M. Albert' }, out: 'Mouvement du Nid' },
    { why: 'the CNCDH', p: { author: 'cncdh' as const }, out: 'CNCDH' },
    { why: 'a minister, with her office', p: { author: 'gouvernement' as const, speaker: 'Mme Vallaud-Belkacem', organisation: 'Ministre des Droits des femmes' }, out: 'Mme Vallaud-Belkacem, Ministre des Droits des femmes' },
    { why: 'the plan’s text, without a speaker', p: { author: 'gouvernement' as const, organisation: 'Plan d’action national 2014-2016 (Gouvernement)' }, out: 'Plan d’action national 2014-2016 (Gouvernement)' },
    { why: 'the government, when nothing more is known', p: { author: 'gouvernement' as const }, out: 'Gouvernement' },
  ])('$why', ({ p, out }) => {
    expect(attribution(p)).toBe(out);
  });
});

describe('quotations', () => {
  test('« and » hold the wording with non-breaking spaces, the wording untouched', () => {
    expect(quoted('Trois mois.')).toBe(`«${NBSP}Trois mois.${NBSP}»`);
  });

  test.each([
    {
      why: 'the Collectif: « wording » (citation)',
      p: position({}),
      out: `«${NBSP}Le délai de réflexion doit être porté à trois mois.${NBSP}» (Compte-rendu de la rencontre avec Mme Vallaud-Belkacem, 3 février 2014, Mesure 5)`,
    },
    {
      why: 'an association: named first, its name not repeated as the section',
      p: position({ author: 'association', organisation: 'Mouvement du Nid', section: 'II. Compte-rendu in extenso > Mouvement du Nid' }),
      out: `«${NBSP}Le délai de réflexion doit être porté à trois mois.${NBSP}» (Mouvement du Nid, Compte-rendu de la rencontre avec Mme Vallaud-Belkacem, 3 février 2014)`,
    },
  ])('quoteWithSource — $why', ({ p, out }) => {
    expect(quoteWithSource(p, MINISTRE)).toBe(out);
  });

  test.each([
    {
      why: 'a minister: « wording » — who, citation',
      p: position({ author: 'gouvernement', speaker: 'Mme Vallaud-Belkacem', organisation: 'Ministre des Droits des femmes', text: 'Les préfets doivent être habilités à apprécier les faits au cas par cas.' }),
      source: MINISTRE,
      out: `«${NBSP}Les préfets doivent être habilités à apprécier les faits au cas par cas.${NBSP}» — Mme Vallaud-Belkacem, Ministre des Droits des femmes, Compte-rendu de la rencontre avec Mme Vallaud-Belkacem, 3 février 2014, Mesure 5`,
    },
    {
      why: 'the CNCDH',
      p: position({ author: 'cncdh', text: 'La CNCDH recommande…', sourceId: CNCDH.id, date: CNCDH.date, section: 'Priorité 1 > Mesure 1 > Observations' }),
      source: CNCDH,
      out: `«${NBSP}La CNCDH recommande…${NBSP}» — CNCDH, Évaluation du plan 2014-2016 par la CNCDH, 6 juillet 2017, Mesure 1`,
    },
  ])('quoteAsContext — $why', ({ p, source, out }) => {
    expect(quoteAsContext(p, source)).toBe(out);
  });

  test.each(['gouvernement', 'cncdh'] as const)('fidelity rule: %s wording cannot be quoted as the Collectif’s', (author) => {
    expect(() => quoteWithSource(position({ author }), MINISTRE)).toThrow(/context/);
  });
});

describe('letterCitation and quoteForLetter: what a letter to a minister can carry', () => {
  const library = shippedLibrary();
  const sources = new Map(library.sources.map((s) => [s.id, s]));
  const first = (sourceId: string, test: (p: (typeof library.positions)[number]) => boolean) => library.positions.find((p) => p.sourceId === sourceId && test(p))!;

  // One case per source of the library: who, which meeting or document, date, the measure when there is one.
  test.each([
    {
      why: 'the issue’s example: the Matignon meeting, no nested parentheses, the section title left out rather than cut',
      pick: () => first('cr-2014-06-24', (p) => p.author === 'collectif' && p.section.includes('Renforcer la formation')),
      out: 'Collectif, compte-rendu de la rencontre au cabinet du Premier ministre avec Mme Cazaux-Charles, 24 juin 2014',
    },
    {
      why: 'the Collectif’s own meeting: the date is in the name, the measure helps',
      pick: () => first('cr-2014-01-31', (p) => p.author === 'collectif' && /> Mesure 5$/.test(p.section)),
      out: 'Collectif, compte-rendu de la réunion du Collectif du 31 janvier 2014, mesure 5',
    },
    {
      why: 'a member association at the minister’s meeting: named, with the meeting and date',
      pick: () => first('cr-2014-02-03', (p) => p.author === 'association' && p.organisation === 'Amicale du Nid'),
      out: 'Amicale du Nid, compte-rendu de la rencontre avec Mme Vallaud-Belkacem, 3 février 2014',
    },
    {
      why: 'the 2022 advocacy meeting',
      pick: () => first('plaidoyer-2022-12-15', (p) => p.author === 'collectif' && !/Mesure/.test(p.section)),
      out: 'Collectif, plaidoyer auprès du cabinet de Mme Borne, 15 décembre 2022',
    },
    {
      why: 'the CNCDH evaluation (context, cited for « Copier la citation »)',
      pick: () => first('eval-cncdh-2017', (p) => p.author === 'cncdh' && /Mesure 5\b/.test(p.section)),
      out: 'CNCDH, évaluation du plan 2014-2016 par la CNCDH, 6 juillet 2017, mesure 5',
    },
  ])('$why', ({ pick, out }) => {
    const p = pick();
    expect(p).toBeDefined();
    const cite = letterCitation(p, sources.get(p.sourceId));
    expect(cite).toBe(out);
  });

  test('every position of the library: a complete citation, never cut, no parenthesis inside', () => {
    for (const p of library.positions) {
      const cite = letterCitation(p, sources.get(p.sourceId));
      expect(cite).not.toMatch(/[()…]/);
      expect(cite).toMatch(/\d{4}/);
      if (isOurs(p.author)) expect(quoteForLetter(p, sources.get(p.sourceId))).toBe(`${quoted(p.text)} (${cite})`);
    }
  });

  test.each([
    { style: 'inline' as const, out: `«${NBSP}Le délai de réflexion doit être porté à trois mois.${NBSP}» (Collectif, compte-rendu de la rencontre avec Mme Vallaud-Belkacem, 3 février 2014, mesure 5)` },
    { style: 'footnote' as const, out: `«${NBSP}Le délai de réflexion doit être porté à trois mois.${NBSP}»¹\n¹ Collectif, compte-rendu de la rencontre avec Mme Vallaud-Belkacem, 3 février 2014, mesure 5.` },
    { style: 'none' as const, out: `«${NBSP}Le délai de réflexion doit être porté à trois mois.${NBSP}»` },
  ])('style $style', ({ style, out }) => {
    expect(quoteForLetter(position({}), MINISTRE, style)).toBe(out);
  });

  test.each(['gouvernement', 'cncdh'] as const)('fidelity rule: %s wording is never quoted for a letter as ours', (author) => {
    expect(() => quoteForLetter(position({ author }), MINISTRE)).toThrow(/context/);
  });
});

describe('the shipped library', () => {
  const library = shippedLibrary();
  const sources = new Map(library.sources.map((s) => [s.id, s]));

  test('every position gets a citation naming its source and a date, and a quotation holding its wording verbatim', () => {
    for (const p of library.positions) {
      const source = sources.get(p.sourceId);
      const citation = formatCitation(p, source);
      expect(citation.startsWith(sourceLabel(source!))).toBe(true);
      expect(citation).toMatch(/\d{4}/);
      const quote = isOurs(p.author) ? quoteWithSource(p, source) : quoteAsContext(p, source);
      expect(quote.startsWith(quoted(p.text))).toBe(true);
    }
  });
});

describe('sectionPath: where in its document a passage sits', () => {
  test.each([
    ['II. Compte-rendu in extenso > Mouvement du Nid', 'Compte-rendu in extenso › Mouvement du Nid'],
    ['I. Synthèse', 'Synthèse'],
    ['3.2 - Concernant le délai > Mesure 4 bis', 'Concernant le délai › Mesure 4 bis'],
    ['', ''],
  ])('« %s » → « %s »', (section, path) => expect(sectionPath(section)).toBe(path));
});