/**
 * The extraction rules of issue 9, one case per rule with its reason, on short texts written
 * for these tests (not lines of the bundled sources): measure keys and why, speakers inside
 * turns, passages that read on their own, what a passage is, extraction scars, duplicates.
 */
import { describe, expect, test } from 'vitest';
import { compileCues, measuresOf } from '../../data/library/extract/measures';
import { dedupe } from '../../data/library/extract/duplicates';
import { demandHeading, passageKind } from '../../data/library/extract/kinds';
import { extractSource, lexiconOf } from '../../data/library/extract/pipeline';
import { membersFromParticipants, memberVoice, quotedCollectif, type AttributedSentence } from '../../data/library/extract/segment';
import { apostropheScars, restoreApostrophes } from '../../data/library/extract/text';
import { ruleReports, squash } from '../../data/library/extract/verify';
import type { AuthorId, Library, Position } from '../../data/library/schema';
import type { Block, SourceParser } from '../../data/library/extract/types';
import taxonomy from '../../data/library/taxonomy.json';

const keys = new Set(taxonomy.measures.map((m) => m.key));

interface Spec {
  /** Heading lines printed above the block (its section path, outermost first). */
  section: string[];
  author?: AuthorId;
  speaker?: string;
  organisation?: string;
  measures?: string[];
  item?: boolean;
  text: string;
}

/** A tiny document: each block's new headings on their own lines, then its text on one line. */
function extract(specs: Spec[], participants: string[] = []): Position[] {
  const out: string[] = [];
  const blocks: Block[] = [];
  let path: string[] = [];
  for (const s of specs) {
    s.section.forEach((h, i) => {
      if (path[i] !== h) out.push(h);
    });
    path = s.section;
    out.push(s.text);
    blocks.push({
      section: s.section,
      author: s.author ?? 'collectif',
      ...(s.speaker ? { speaker: s.speaker } : {}),
      ...(s.organisation ? { organisation: s.organisation } : {}),
      measures: s.measures ?? [],
      lines: [{ n: out.length, text: s.text }],
      ...(s.item ? { item: true } : {}),
    });
  }
  const text = out.join('\n');
  const parser: SourceParser = {
    file: 'test.txt',
    defaultPlan: 'PAN1',
    meta: { id: 'test', title: 'Test', shortTitle: 'Test', kind: 'compte-rendu', date: '2020-05-04', meeting: 'Test', participants },
    parse: () => blocks,
  };
  return extractSource(parser, text, { lexicon: lexiconOf([text]), overrides: [] }).positions;
}

const one = (specs: Spec[], participants?: string[]) => extract(specs, participants);

describe('measures: each key with its reason, never from one common word', () => {
  test.each([
    { why: 'the section a passage sits in', spec: { section: ['Mesure 9'], measures: ['PAN1-9'], text: 'Nous voulons que les sorties soient accompagnées partout.' }, want: { 'PAN1-9': 'section' } },
    { why: 'a section heading that names the measure’s subject', spec: { section: ['Le délai de réflexion à allonger'], text: 'Trente jours ne suffisent pas à une personne qui sort de l’emprise.' }, want: { 'PAN1-4bis': 'section' } },
    { why: 'an explicit mention', spec: { section: ['Synthèse'], text: 'La mesure 21 du Plan doit être dotée de moyens suffisants.' }, want: { 'PAN1-21': 'mention' } },
    { why: 'a reviewed multi-word cue', spec: { section: ['Synthèse'], text: 'Le délai de réflexion doit passer à trois mois pour toutes les victimes.' }, want: { 'PAN1-4bis': 'cue' } },
    { why: 'one common word (« hébergement ») is no cue', spec: { section: ['Synthèse'], text: 'Les conditions d’hébergement des travailleurs étaient indignes et dangereuses.' }, want: {} },
    { why: 'one common word (« parquet ») is no cue', spec: { section: ['Synthèse'], text: 'Le parquet a été saisi de cette affaire dès le mois de mars.' }, want: {} },
    { why: 'one body’s name (« MIPROF ») is no cue', spec: { section: ['Synthèse'], text: 'La MIPROF a reçu les associations pour parler de formation.' }, want: {} },
    { why: 'a cue does not add a key where the section gives one', spec: { section: ['Mesure 20'], measures: ['PAN1-20'], text: 'Cette instance suivrait aussi les mineurs à la fois auteurs et victimes de délits.' }, want: { 'PAN1-20': 'section' } },
  ])('$why', ({ spec, want }) => {
    const [p] = one([spec as Spec]).filter((x) => !x.heading);
    expect(p.measureReasons).toEqual(want);
    expect(p.measures).toEqual(Object.keys(want));
  });

  test('every sentence of a list item inherits the measure its opening names', () => {
    const ps = one([
      {
        section: ['Synthèse'],
        item: true,
        text: '- Le délai de réflexion d’abord, qui doit être porté à trois mois selon nous tous. Les victimes ont besoin de temps pour se rétablir et décider. Le délai actuel est bien trop court pour cela. Nous le répétons depuis des années à chaque rencontre avec les ministères concernés. Les services de police le connaissent mal et ne le proposent pas aux personnes concernées.',
      },
    ]);
    expect(ps.length).toBeGreaterThan(1);
    for (const p of ps) expect(p.measureReasons).toEqual({ 'PAN1-4bis': 'cue' });
  });

  test('a cue that could match one word is refused when the cues are read', () => {
    expect(() => compileCues([{ measure: 'PAN1-7', pattern: '\\bhebergement\\b', why: 'test' }])).toThrow(/un seul mot/);
    expect(() => compileCues([{ measure: 'PAN1-7', pattern: '\\bplaces d\'hebergement\\b', why: 'test' }])).not.toThrow();
  });

  test('measuresOf keeps the strongest reason when several give the same key', () => {
    const r = measuresOf({ text: 'la mesure 9 du Plan', section: ['PAN1-9'], defaultPlan: 'PAN1', keys });
    expect(r.reasons).toEqual({ 'PAN1-9': 'section' });
  });
});

describe('speakers inside turns', () => {
  const members = membersFromParticipants(['Association Lumière (ALU) : Claire Dupuis', 'Secours Test : Paul Martin']);
  const s = (text: string, author: AuthorId = 'collectif', speaker?: string, organisation?: string): AttributedSentence => ({ text, start: 0, end: text.length, author, speaker, organisation });
  test.each([
    { why: '« Selon Mme X, » reports a member’s view', text: 'Selon Mme Dupuis, les préfectures refusent trop souvent les titres.', want: ['association', 'Mme Dupuis', 'ALU'] },
    { why: '« L’association Y remarque » is that association speaking', text: 'L’ALU remarque également que les plaintes sont rarement suivies.', want: ['association', undefined, 'ALU'] },
    { why: 'a member named in passing does not speak', text: 'Le Collectif remercie l’ALU pour son accueil chaleureux de la réunion.', want: ['collectif', undefined, undefined] },
    { why: 'the Collectif speaking inside a member’s paragraph stays the Collectif', text: 'D’autant que le Collectif souhaite que ces démarches soient simples.', want: ['collectif', undefined, undefined] },
  ])('$why', ({ text, want }) => {
    const r = memberVoice(s(text), members);
    expect([r.author, r.speaker, r.organisation]).toEqual(want);
  });

  test('the Collectif quoted in another body’s document stays the Collectif’s, marked as quoted', () => {
    const r = quotedCollectif(s('Le Collectif « Ensemble contre la traite des êtres humains » considère que cette réunion annuelle ne suffit pas.', 'cncdh'));
    expect([r.author, r.quotedBy]).toEqual(['collectif', 'cncdh']);
    const ps = one([{ section: ['Observations'], author: 'cncdh', text: 'Le Collectif considère que le suivi local reste bien trop faible partout. La CNCDH constate que les réunions sont rares.' }]);
    expect(ps.map((p) => [p.author, p.quotedIn])).toEqual([
      ['collectif', { author: 'cncdh', year: '2020' }],
      ['cncdh', undefined],
    ]);
  });
});

describe('passages that read on their own', () => {
  test('a lead-in ending with « : » travels with its short items, as one passage', () => {
    const ps = one([
      { section: ['Constats'], text: 'Sur le terrain, nous constatons :' },
      { section: ['Constats'], item: true, text: '- Des titres de séjour délivrés trop tard aux victimes.' },
      { section: ['Constats'], item: true, text: '- Des plaintes refusées dans plusieurs commissariats.' },
    ]);
    expect(ps.map((p) => p.text)).toEqual([
      'Sur le terrain, nous constatons :\nDes titres de séjour délivrés trop tard aux victimes.\nDes plaintes refusées dans plusieurs commissariats.',
    ]);
    expect(ps[0].lines).toEqual([2, 4]);
  });

  test('past the list size, each item carries the lead-in as context and the lead-in alone goes', () => {
    const long = 'Des titres de séjour délivrés bien trop tard aux victimes, après des mois d’attente sans aucune ressource ni hébergement. '.repeat(3).trim();
    const ps = one([
      { section: ['Constats'], text: 'Sur le terrain, nous constatons :' },
      { section: ['Constats'], item: true, text: `- ${long}` },
      { section: ['Constats'], item: true, text: `- ${long}` },
      { section: ['Constats'], item: true, text: `- ${long}` },
    ]);
    expect(ps.every((p) => !/:\s*$/.test(p.text))).toBe(true);
    expect(ps.every((p) => p.context === 'Sur le terrain, nous constatons :')).toBe(true);
  });

  test('an opening pronoun that cannot join its antecedent carries it as context', () => {
    const ps = one([
      { section: ['Échanges'], text: 'Les associations de terrain rappellent que les victimes mineures sont nombreuses dans la rue.' },
      { section: ['Échanges'], text: 'Elles insistent sur un accueil spécialisé et durable, hors de tout cadre pénal.' },
    ]);
    const elles = ps.find((p) => p.text.startsWith('Elles'))!;
    expect(elles.context).toBe('Les associations de terrain rappellent que les victimes mineures sont nombreuses dans la rue.');
  });

  test('a demonstrative opening (« Ce fonds… ») does not join but carries the sentence before as context', () => {
    const ps = one([{ section: ['Actions'], author: 'cncdh', text: 'Un fonds de solidarité avait été créé pour financer les actions de prévention dans les pays d’origine. Ce fonds a disparu et une demande de financement a été faite auprès de l’Union européenne.' }]);
    expect(ps.map((p) => [p.text.slice(0, 9), p.context?.slice(0, 8)])).toEqual([
      ['Un fonds ', undefined],
      ['Ce fonds ', 'Un fonds'],
    ]);
  });

  test('a verbless tail (« Et des … ») joins the passage before it instead of standing alone', () => {
    const ps = one([{ section: ['Échanges'], text: 'Les enquêtes portent surtout sur l’exploitation sexuelle dans les grandes villes du pays. Ensuite viennent quelques dossiers d’exploitation par le travail dans l’agriculture. Et des gros dossiers en Amérique du Sud.' }]);
    expect(ps.some((p) => p.text === 'Et des gros dossiers en Amérique du Sud.')).toBe(false);
    expect(ps.some((p) => p.text.endsWith('Et des gros dossiers en Amérique du Sud.'))).toBe(true);
  });

  test.each([
    { why: 'an infinitive states a demand', label: '2.1 - Ne pas confondre exploitation et migration irrégulière', want: 'Ne pas confondre exploitation et migration irrégulière' },
    { why: 'a task « à … » states a demand', label: '2.2 - Les moyens des associations à augmenter', want: 'Les moyens des associations à augmenter' },
    { why: 'a topic is not a demand', label: '2.3 - La coopération entre associations et institutions', want: undefined },
    { why: 'a structural heading is not a demand', label: '3.1 - Concernant la formation des professionnels', want: undefined },
  ])('heading: $why', ({ label, want }) => {
    expect(demandHeading(label)).toBe(want);
  });

  test('a heading that states a demand becomes a position of its section’s author, marked as a heading', () => {
    const ps = one([{ section: ['1 - Ne pas confondre exploitation et migration irrégulière'], text: 'Les personnes exploitées sont d’abord des victimes, quelle que soit leur situation.' }]);
    const h = ps.find((p) => p.heading)!;
    expect([h.text, h.author, h.lines]).toEqual(['Ne pas confondre exploitation et migration irrégulière', 'collectif', [1, 1]]);
  });
});

describe('what a passage is', () => {
  test.each([
    { why: 'the CNCDH asking for something is a recommendation', p: { text: 'La CNCDH recommande de former les magistrats.', author: 'cncdh', section: 'Mesure 2' }, want: 'recommendation' },
    { why: 'the CNCDH finding something is an observation', p: { text: 'Les données recueillies ne permettent pas d’évaluer la mesure.', author: 'cncdh', section: 'Mesure 2' }, want: 'observation' },
    { why: 'a measure title is the plan’s own text', p: { text: 'Former les professionnels', author: 'gouvernement', section: 'Mesure 2 > Intitulé de la mesure (texte du plan)' }, want: 'plan' },
    { why: '« Le Plan prévoit » quotes the plan', p: { text: 'Le Plan prévoit une expérimentation dans trois villes.', author: 'gouvernement', section: 'Réponse' }, want: 'plan' },
    { why: 'a minister speaking is not the plan', p: { text: 'La ministre rappelle que des moyens sont prévus.', author: 'gouvernement', section: 'Réponse' }, want: undefined },
    { why: 'an edit of a draft’s wording is a draft remark', p: { text: 'Il a été proposé de modifier la deuxième phrase du paragraphe comme suit.', author: 'collectif', section: 'Mesure 4' }, want: 'draft-remark' },
    { why: 'a stance on a word of the plan is still a position', p: { text: 'Le Collectif demande que le mot « possibilité » disparaisse du Plan.', author: 'collectif', section: 'Mesure 5' }, want: undefined },
  ])('$why', ({ p, want }) => {
    expect(passageKind(p as { text: string; author: AuthorId; section: string })).toBe(want);
  });
});

describe('extraction scars', () => {
  test.each([
    { why: 'a lost apostrophe before a verb', text: 'les préfets n ont pas répondu', want: 'les préfets n’ont pas répondu' },
    { why: 'a lost apostrophe at a sentence start', text: 'C est le cas partout.', want: 'C’est le cas partout.' },
    { why: 'a lost apostrophe before an acronym', text: 'les services de l OFII', want: 'les services de l’OFII' },
    { why: 'inclusive writing is not a scar', text: 'les mineur-e-s en danger', want: 'les mineur-e-s en danger' },
    { why: 'an initial before a name is not a scar', text: 'M Albert rappelle', want: 'M Albert rappelle' },
  ])('$why', ({ text, want }) => {
    const out = restoreApostrophes(text);
    expect(out).toBe(want);
    expect(squash(out)).toBe(squash(text));
    expect(apostropheScars(out)).toEqual([]);
  });
});

describe('duplicates', () => {
  const pos = (id: string, text: string, sourceId: string, extra: Partial<Position> = {}): Position => ({
    id, text, author: 'cncdh', measures: [], themes: ['t'], sourceId, date: '2020-01-01', section: 's', lines: [1, 1], measureReasons: {}, ...extra,
  });
  test.each([
    { why: 'identical wordings are one position with two citations', b: 'La CNCDH recommande de former tous les magistrats du pays.', merged: true },
    { why: 'a near-identical wording (one word changed) is the same position', b: 'La CNCDH recommande donc de former tous les magistrats du pays.', merged: true },
    { why: 'a different recommendation stays apart', b: 'La CNCDH recommande de recruter des médiateurs culturels.', merged: false },
  ])('$why', ({ b, merged }) => {
    const out = dedupe([pos('a', 'La CNCDH recommande de former tous les magistrats du pays.', 'x'), pos('b', b, 'y')]);
    expect(out.length).toBe(merged ? 1 : 2);
    if (merged) expect(out[0].citations?.map((c) => c.sourceId)).toEqual(['x', 'y']);
  });

  test('the plan’s own text is cited first from the latest document that prints it', () => {
    const draft = pos('a', 'Former tous les magistrats du pays.', 'draft', { author: 'gouvernement', kind: 'plan', date: '2014-01-31' });
    const adopted = pos('b', 'Former tous les magistrats du pays.', 'adopted', { author: 'gouvernement', kind: 'plan', date: '2017-07-06' });
    expect(dedupe([draft, adopted]).map((p) => [p.sourceId, p.citations?.map((c) => c.sourceId)])).toEqual([['adopted', ['adopted', 'draft']]]);
  });

  test('the same words from the Collectif and from one of its named speakers are one position', () => {
    const synthesis = pos('a', 'Le titre de séjour doit être systématique.', 'x', { author: 'collectif' });
    const turn = pos('b', 'Le titre de séjour doit être systématique.', 'x', { author: 'collectif', speaker: 'M. Test' });
    expect(dedupe([synthesis, turn]).length).toBe(1);
    const other = pos('c', 'Le titre de séjour doit être systématique.', 'x', { author: 'collectif', speaker: 'Mme Autre' });
    expect(dedupe([turn, other]).length).toBe(2);
  });

  test('the same words from another voice stay apart', () => {
    expect(dedupe([pos('a', 'Former tous les magistrats.', 'x'), pos('b', 'Former tous les magistrats.', 'y', { author: 'gouvernement' })]).length).toBe(2);
  });
});

describe('library check reports each rule', () => {
  test('a position ending in « : », a scar and a key without a reason are problems', () => {
    const p: Position = { id: 'p', text: 'Les préfets n ont pas répondu à nos demandes :', author: 'collectif', measures: ['PAN1-5'], themes: ['t'], sourceId: 's', date: '2020-01-01', section: 'x', lines: [1, 1], measureReasons: {} };
    const lib: Library = { format: 2, sources: [], measures: [], themes: [], positions: [p] };
    const failing = ruleReports(lib).filter((r) => r.problems.length).map((r) => r.rule);
    expect(failing).toEqual([
      'mesures — clé sans raison',
      'lecture seule — position finissant par « : »',
      'cicatrices — apostrophe perdue restante',
    ]);
  });
});
