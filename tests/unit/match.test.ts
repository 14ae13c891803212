import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DEV_QUERIES, shippedLibrary } from '../../data/tools/cli-lib';
import { score, type EvalQuery } from '../../data/tools/evaluate';
import { buildIndex, loadIndex, serialiseIndex } from '../../data/engine/searchIndex';
import { stem } from '../../data/engine/normalise';
import { withoutRewordings } from '../../data/engine/rewordings';
import { createMatcher, createSlotScores, DEFAULT_SETTINGS, insertable, LONGEST_WORD } from '../../data/engine/match';
import { withoutUnknownMeasures } from '../../data/engine/measureRefs';
import { MAX_PARAGRAPH } from '../../utils/editors/pickParagraph';
import { composeInsert, InsertRefusedError } from '../../data/library/composeInsert';
import type { Library } from '../../data/library/schema';
import { library as fixtureLibrary, position as fixturePosition, source as fixtureSource } from './libraryFixture';
import { acronymsRewritten, framed, hyphenated, misspelt, spaceless, PASSAGE_PARAPHRASES, scorePassages, type PassageParaphrase } from '../../data/tools/evalSets';
import { readJsonl } from '../../data/tools/fitGate';

const library = shippedLibrary();
const index = buildIndex(library);
const matcher = createMatcher(index);

describe('measure references point to the measure’s positions', () => {
  test.each([
    { why: 'a bare number, the 2014 plan by default', text: 'Concernant la mesure 21 du plan, nous restons inquiets.', key: 'PAN1-21' },
    { why: '« bis » measures the draft dropped', text: 'Où en est la mesure 4 bis ?', key: 'PAN1-4bis' },
    { why: 'the second plan named after an abbreviated reference', text: 'Que devient la m. 16 du deuxième plan ?', key: 'PAN2-16' },
    { why: 'an ordinal in digits', text: 'Sur la 13e mesure, notre position est la suivante.', key: 'PAN1-13' },
    { why: 'an ordinal in words, the plan named after it', text: 'Sur la treizième mesure du plan, notre position est la suivante.', key: 'PAN1-13' },
  ])('$why', ({ text, key }) => {
    const results = matcher.match(text);
    expect(results.length).toBeGreaterThan(0);
    expect(results[0].measures).toContain(key);
  });

  test('a paragraph that names a measure and says little else gets that measure’s positions, not positions that share « notre position »', () => {
    // Written for this test (the example). At a smaller measure weight, two of the first three were
    // positions on other measures (the MIPROF's coordination, PAN2-16) found through « position » and « suivante ».
    const results = matcher.match('Sur la mesure 13, notre position est la suivante.');
    expect(results.slice(0, 3).map((r) => r.measures.includes('PAN1-13'))).toEqual([true, true, true]);
    expect(results.slice(0, 3).some((r) => r.author === 'collectif')).toBe(true);
  });

  test('a paragraph naming a measure gets no card on another measure for the letter words it says (« notre demande »)', () => {
    // Written for this test. Before the other measures were pushed back, « demande » brought the draft's measure 4
    // (« décourager la demande ») second and measure 3 fifth.
    for (const text of ['Concernant la mesure 4bis, nous maintenons notre demande.', 'Concernant la mesure 7, nous maintenons notre demande.']) {
      const key = text.includes('4bis') ? 'PAN1-4bis' : 'PAN1-7';
      const results = matcher.match(text);
      expect(results.length).toBe(5);
      for (const r of results) expect(r.measures.length === 0 || r.measures.includes(key), `${text} → ${r.measures.join(' ')} ${r.text.slice(0, 60)}`).toBe(true);
    }
  });

  test('a measure no plan of the library has tells nothing: « Sur la mesure 30, notre position est la suivante. » is quiet', () => {
    // Written for this test. Its « mesure » read as the library's word: answered (0.92) with a passage on the national
    // policy's « positionnements ». The same sentence on measure 13 is answered with measure 13.
    expect(matcher.match('Sur la mesure 30, notre position est la suivante.')).toEqual([]);
    expect(matcher.match('Sur la mesure n° 45, notre position est la suivante.')).toEqual([]);
    expect(matcher.match('Sur la mesure 13, notre position est la suivante.')[0]?.measures).toContain('PAN1-13');
    // What the paragraph says beside it is still read: a subject the library holds is answered.
    const said = matcher.match('La mesure 30 du troisième plan prévoit enfin des places d’hébergement dédiées aux victimes.');
    expect(said.length).toBeGreaterThan(0);
    expect(said.some((r) => r.themes.includes('hebergement'))).toBe(true);
  });

  test.each([
    ['Sur la mesure 30, notre position.', 'Sur la          , notre position.'],
    ['La Mesure n° 45 prévoit', 'La              prévoit'],
    ['la mesure 31 bis et la mesure 4 bis', `la ${' '.repeat('mesure 31 bis'.length)} et la mesure 4 bis`],
    ['Œuvre de la mesure 30 : œ', 'Œuvre de la           : œ'],
    // Left as they are: a measure some plan has, even not the one named; a list (the references read it).
    ['la mesure 5 du deuxième plan', 'la mesure 5 du deuxième plan'],
    ['les mesures 3 et 30', 'les mesures 3 et 30'],
  ])('« %s »: a measure no plan has is blanked, at the same length', (text, want) => {
    const keys = new Set(library.measures.map((m) => m.key));
    expect(withoutUnknownMeasures(text, ['PAN1', 'PAN2'], keys)).toBe(want);
  });

  test('a passage on the same number in the other plan is not pushed back: the plan may be misspelt', () => {
    // « deuxiéme plann »: the plan is not read, the first plan's measure 16 is; the second plan's measure 16 stays first.
    const results = matcher.match('Sur la mesure 16 du deuxiéme plann, le mécanisme national d’identification n’avance pas.');
    expect(results[0]!.measures).toContain('PAN2-16');
  });
});

// Lines of data/engine/corpus/gate-calibration.jsonl, written for the gate (not evaluation lines).
const calibration = readFileSync(new URL('../../data/engine/corpus/gate-calibration.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { id: string; on: boolean; text: string });

describe('the off-topic gate', () => {
  test.each([
    { why: 'first-aid training shares only « formation » with the library', text: 'La formation aux premiers secours aura lieu samedi matin dans la grande salle.' },
    { why: 'an annual fee shares only « annuelle »', text: 'Merci de régler votre cotisation annuelle avant la fin du mois.' },
    { why: 'website maintenance shares only « internet »', text: 'Le site internet sera en maintenance ce week-end, les formulaires ne seront pas accessibles.' },
    { why: 'greetings', text: 'Bonne année à toutes et à tous, et merci pour votre engagement !' },
    { why: '« traitement » is not « traite »', text: 'Le traitement des dossiers d’adhésion prendra un peu plus de temps cette semaine.' },
    { why: 'a request « traitée » is not « traite » (Snowball stems both `trait`)', text: 'Votre demande a bien été traitée, vous recevrez une réponse sous huit jours.' },
    { why: '« forcément » is not forced labour (`forc`)', text: 'Pas forcément besoin de venir à la réunion de jeudi, le compte rendu sera envoyé à tous.' },
    { why: 'a library « collection » is not the Collectif, « consulter » not the CNCDH’s « consultative »', text: 'N’hésitez pas à consulter le site pour la nouvelle collection de livres de la médiathèque.' },
    { why: '« parcourir » is not « parcours », « remarques » on a layout are not remarks on a draft', text: 'Pouvez-vous parcourir le document et me faire vos remarques sur la mise en page ?' },
    { why: 'a login « identifiant » is not the identification of victims', text: 'Votre identifiant et votre mot de passe vous seront envoyés par courriel séparé.' },
    { why: 'a point « traité » at the next meeting is not « traite »', text: 'Ce point sera traité lors de la prochaine réunion du bureau, merci de votre patience.' },
  ])('stays quiet: $why', ({ text }) => {
    expect(matcher.match(text)).toEqual([]);
  });

  test.each([
    { why: 'a paraphrase of the reflection period, no shared key phrase', text: 'Trente jours pour décider de porter plainte contre ses exploiteurs, c’est beaucoup trop court.' },
    { why: 'children forced to steal, in everyday words', text: 'Un enfant forcé à voler reste un enfant en danger qu’il faut protéger.' },
    { why: 'a named measure alone is enough', text: 'Concernant la mesure 21 du plan, nous restons inquiets.' },
  ])('answers: $why', ({ text }) => {
    expect(matcher.match(text).length).toBeGreaterThan(0);
  });

  test('on its calibration set, at least 80 % of on-topic lines answered and at most 2 office mails', () => {
    const on = calibration.filter((c) => c.on);
    const off = calibration.filter((c) => !c.on);
    const answered = on.filter((c) => matcher.match(c.text).length > 0).length;
    const chattered = off.filter((c) => matcher.match(c.text).length > 0).length;
    expect(answered / on.length).toBeGreaterThanOrEqual(0.8);
    expect(chattered).toBeLessThanOrEqual(2);
  });
});

// Written for these tests: a position in everyday words, framed as a letter or a note is framed.
describe('a paragraph of several sentences', () => {
  const position = 'Un enfant forcé à voler reste un enfant en danger qu’il faut protéger.';
  const whole = createMatcher(index, { ...DEFAULT_SETTINGS, sentenceFocus: false });
  // Read whole, and without the formulas of correspondence read as form (formulas.ts), which also leave a thank-you out.
  const wholeWithForm = createMatcher(index, { ...DEFAULT_SETTINGS, sentenceFocus: false, formulas: [] });
  const ids = (m: typeof matcher, text: string) => m.match(text, { k: 3 }).map((r) => r.id);

  test('one sentence on the subject is enough: a thank-you before it does not silence the paragraph', () => {
    const text = `Merci encore pour le rendez-vous de mardi au ministère. ${position}`;
    expect(wholeWithForm.match(text)).toEqual([]);
    expect(ids(matcher, text)).toEqual(ids(matcher, position));
  });

  test('the sentences of office mail around a position are left out of the ranking', () => {
    const said = 'Trente jours pour décider de porter plainte contre ses exploiteurs, c’est beaucoup trop court.';
    const text = `Madame, je vous remercie pour votre accueil jeudi dernier. ${said} Je reste à votre disposition pour tout complément.`;
    expect(ids(whole, text)[0]).not.toBe(ids(matcher, said)[0]);
    expect(ids(matcher, text)[0]).toBe(ids(matcher, said)[0]);
  });

  test('the evaluation’s letters put a sentence before, after or around each on-topic line, or open its sentence, and only those lines', () => {
    const lines: EvalQuery[] = [
      { id: 'a', kind: 'topic', text: position, expect: {} },
      { id: 'b', kind: 'offtopic', text: 'Bonne année à tous !', expect: { empty: true } },
    ];
    const frames = { before: ['Merci pour votre accueil.'], after: ['Bien cordialement.'], leads: ['Suite à notre réunion, nous rappelons que'], leadsUnseen: ['Par la présente,'] };
    expect(framed(lines, 'avant', frames).map((q) => q.text)).toEqual([`Merci pour votre accueil. ${position}`]);
    expect(framed(lines, 'après', frames).map((q) => q.text)).toEqual([`${position} Bien cordialement.`]);
    expect(framed(lines, 'autour', frames).map((q) => q.text)).toEqual([`Merci pour votre accueil. ${position} Bien cordialement.`]);
    // In the same sentence: the line's first letter lowered after the lead.
    expect(framed(lines, 'même phrase', frames).map((q) => q.text)).toEqual([`Suite à notre réunion, nous rappelons que ${position.charAt(0).toLowerCase()}${position.slice(1)}`]);
    expect(framed(lines, 'autres débuts', frames).map((q) => q.text)).toEqual([`Par la présente, ${position.charAt(0).toLowerCase()}${position.slice(1)}`]);
  });

  test('office mail of several sentences, none on the subject, stays quiet', () => {
    for (const text of [
      'Bonjour à tous, la réunion d’équipe est déplacée à jeudi 14 h en salle 2. Merci d’apporter vos ordinateurs pour la présentation du nouveau logiciel de paie.',
      'Le centre de loisirs ferme pendant les vacances. Les inscriptions pour la rentrée se font en ligne avant le 15 juillet.',
    ])
      expect(matcher.match(text), text).toEqual([]);
  });

  // Until the forty-sixth session the phrasing table knew office mail, not the field's neighbours: advocacy on another
  // subject, in the Collectif's own voice, was answered (the second and third here at 0.98 and 0.83; 50 of 120 such
  // lines written blind). The table learns from 400 lines of those neighbours (corpus/neighbours-phrasing.jsonl).
  test('advocacy on another subject, in the Collectif\'s own voice, stays quiet; on its subject, it is answered', () => {
    for (const text of [
      'Nous demandons que le plan grand froid ouvre dès novembre des places supplémentaires dans les gymnases municipaux.',
      'Nous souhaitons que les ordonnances de protection soient délivrées en six jours, comme la loi le prévoit, pour les femmes victimes de violences conjugales.',
      'Il est indispensable que l’État finance durablement les lits de psychiatrie infanto-juvénile.',
      'Nous rappelons au préfet que les rendez-vous en ligne pour le renouvellement des titres de séjour sont introuvables depuis des mois.',
      'Le collectif regrette que la réforme de l’assurance chômage réduise encore la durée d’indemnisation des saisonniers.',
    ])
      expect(matcher.match(text), text).toEqual([]);
    for (const text of [
      'Nous demandons que les victimes de traite obtiennent un titre de séjour sans condition de coopération avec la police.',
      'Le collectif souhaite que le délai de réflexion soit porté à trois mois pour toutes les victimes.',
      'Les enfants contraints de voler par des réseaux doivent être protégés et non poursuivis.',
    ])
      expect(matcher.match(text).length, text).toBeGreaterThan(0);
  });
});

describe('the evaluation’s lines with acronyms rewritten', () => {
  test('an acronym is written out, a long form shortened; other lines and off-topic lines are left out', () => {
    const lines: EvalQuery[] = [
      { id: 'a', kind: 'topic', text: 'Selon la CNCDH, les formations restent rares.', expect: {} },
      { id: 'b', kind: 'topic', text: 'L’aide sociale à l’enfance doit protéger ces mineurs.', expect: {} },
      { id: 'c', kind: 'topic', text: 'Les victimes doivent être protégées.', expect: {} },
      { id: 'd', kind: 'offtopic', text: 'La CNCDH déménage.', expect: { empty: true } },
      // « ASE » inside a word is no acronym.
      { id: 'e', kind: 'topic', text: 'Une BASE de données nationale recense les victimes.', expect: {} },
    ];
    const r = acronymsRewritten(lines);
    expect(r.acronyms.map((q) => q.id)).toEqual(['a']);
    expect(r.spelledOut[0].text).toMatch(/^Selon la Commission nationale consultative des droits de l['’]homme, les formations/);
    expect(r.longForms.map((q) => q.id)).toEqual(['b']);
    expect(r.shortened[0].text).toBe('L’ASE doit protéger ces mineurs.');
  });
});

describe('the evaluation’s hurried lines', () => {
  test('each on-topic line gets one slip in as many words of six letters or more, never on the first letter, the same every run', () => {
    const lines: EvalQuery[] = [
      { id: 'a', kind: 'topic', text: 'Les victimes exploitées doivent être protégées rapidement.', expect: {} },
      { id: 'b', kind: 'offtopic', text: 'Bonne année à toutes et à tous !', expect: { empty: true } },
    ];
    const once = misspelt(lines, 2);
    expect(once.map((q) => q.id)).toEqual(['a']);
    expect(misspelt(lines, 2)).toEqual(once);
    const before = lines[0].text.split(' ');
    const after = once[0].text.split(' ');
    const changed = after.filter((w, i) => w !== before[i]);
    expect(changed).toHaveLength(2);
    after.forEach((w, i) => {
      if (w === before[i]) return;
      expect(before[i].length, w).toBeGreaterThanOrEqual(6);
      expect(w[0]).toBe(before[i][0]);
      expect(Math.abs(w.length - before[i].length)).toBeLessThanOrEqual(1);
    });
  });

  test('words cut at a line’s end: eight letters or more, three on each side, a hyphen and a line break, the same every run', () => {
    const line: EvalQuery = { id: 'a', kind: 'topic', text: 'Les victimes exploitées doivent être protégées rapidement.', expect: {} };
    const once = hyphenated([line], 2);
    expect(hyphenated([line], 2)).toEqual(once);
    const cut = once[0].text.split(' ').filter((w) => w.includes('-\n'));
    expect(cut).toHaveLength(2);
    for (const w of cut) {
      const [a, b] = w.split('-\n');
      expect(line.text.split(' ')).toContain(a + b);
      expect((a + b).length).toBeGreaterThanOrEqual(8);
      expect(Math.min(a.length, b.length)).toBeGreaterThanOrEqual(3);
    }
  });

  test('spaces left out: between two words one of which has five letters or more, the same every run', () => {
    const line: EvalQuery = { id: 'a', kind: 'topic', text: 'Les victimes exploitées doivent être protégées rapidement.', expect: {} };
    const once = spaceless([line], 2);
    expect(spaceless([line], 2)).toEqual(once);
    expect(once[0].text.split(' ')).toHaveLength(line.text.split(' ').length - 2);
    expect(once[0].text.replace(/ /g, '')).toBe(line.text.replace(/ /g, ''));
  });

  test('with `first`, the slip is always on the first letter, the rest of the word kept', () => {
    const line: EvalQuery = { id: 'a', kind: 'topic', text: 'Les victimes exploitées doivent être protégées rapidement.', expect: {} };
    const before = line.text.split(' ');
    const after = misspelt([line], 2, 1, 'first')[0].text.split(' ');
    const changed = after.flatMap((w, i) => (w === before[i] ? [] : [[before[i], w]]));
    expect(changed).toHaveLength(2);
    // Whatever the slip (swapped with the second, left out, typed twice, its keyboard neighbour), the word from its
    // third letter on is the same.
    for (const [was, w] of changed) expect(w.slice(-(was.length - 2))).toBe(was.slice(2));
  });
});

describe('while one writes', () => {
  // A letter as it is typed, read at each pause (written for this test).
  const letter = [
    'Madame la Directrice, je vous remercie pour votre accueil jeudi dernier.',
    'Trente jours pour décider de porter plainte contre ses exploiteurs, c’est beaucoup trop court.',
    'Nous demandons que le délai de réflexion soit porté à trois mois.',
  ].join(' ');
  const words = letter.split(' ');
  const reads = words.map((_, i) => words.slice(0, i + 1).join(' ')).filter((_, i) => i % 3 === 2 || i === words.length - 1);
  const answers = (m: typeof matcher, text: string, opts: { defaultPlan?: string } = {}) => {
    const e = m.explain(text, opts);
    return { ids: m.match(text, { k: 5, ...opts }).map((r) => r.id), onTopic: e.onTopic, p: e.probability, refs: e.measureRefs };
  };

  test('each read of the paragraph answers as a first read of it would, and only what changed is searched again', () => {
    const fresh = createMatcher(index, { ...DEFAULT_SETTINGS, memo: 0 });
    const remembering = createMatcher(index);
    for (const text of reads) expect(answers(remembering, text), text).toEqual(answers(fresh, text));
    // The finished paragraph, its last sentence changed: its first two sentences are not searched again.
    const edited = letter.replace('trois mois', 'six mois');
    const searches = (m: typeof matcher) => {
      const scored = index.scored;
      let n = 0;
      index.scored = (...args) => (n++, scored(...args));
      try {
        m.match(edited);
      } finally {
        index.scored = scored;
      }
      return n;
    };
    expect(searches(remembering)).toBeLessThan(searches(fresh));
  });

  test('the same words under another default plan are another reading', () => {
    const remembering = createMatcher(index);
    const text = 'Sur la mesure 16, notre position est la suivante.';
    const first = answers(remembering, text, { defaultPlan: 'PAN1' });
    const second = answers(remembering, text, { defaultPlan: 'PAN2' });
    expect(first.refs).toEqual(['PAN1-16']);
    expect(second.refs).toEqual(['PAN2-16']);
  });

  test('a measure the library gains (an imported plan) is recognised at once, by the matcher already in use', () => {
    const own = buildIndex(library);
    const m = createMatcher(own);
    const text = 'Sur la mesure 4 du troisième plan, notre position est la suivante.';
    expect(m.explain(text).measureRefs).toEqual([]);
    own.library = { ...own.library, measures: [...own.library.measures, { key: 'PAN3-4', plan: 'PAN3', number: '4', title: 'Une mesure d’un plan importé' }] };
    expect(m.explain(text).measureRefs).toEqual(['PAN3-4']);
    expect(m.explain(text).onTopic).toBe(true);
  });
});

describe('a short paragraph', () => {
  // Written for this test: a closing formula, and a short sentence on the subject, five telling words each at most.
  test('a closing formula alone on its line stays quiet; a short sentence on the subject is still answered', () => {
    const closing = 'Je vous prie de recevoir mes salutations respectueuses.';
    const onTopic = 'Un enfant forcé à voler reste un enfant en danger.';
    expect(matcher.match(closing)).toEqual([]);
    // Read as words (neither as a formula nor against the evidence floor), only the short paragraphs' threshold keeps it quiet.
    expect(createMatcher(index, { ...DEFAULT_SETTINGS, shortWords: 0, formulas: [], evidenceFloor: false }).match(closing).length).toBeGreaterThan(0);
    expect(matcher.match(onTopic).length).toBeGreaterThan(0);
  });

  test('one naming a term of the field is answered; one whose only word of the field is « victimes » stays quiet', () => {
    // Written for this test. « délai de réflexion », « présomption de minorité »: reviewed concepts named by their terms.
    for (const text of ['Nous revenons sur le délai de réflexion.', 'Quid de la présomption de minorité ?']) {
      expect(matcher.explain(text).probability).toBeLessThan(DEFAULT_SETTINGS.shortGate);
      expect(matcher.match(text).length).toBeGreaterThan(0);
      expect(createMatcher(index, { ...DEFAULT_SETTINGS, shortTerm: false, shortConcept: Infinity, labelGate: Infinity }).match(text)).toEqual([]);
    }
    expect(matcher.match('Concernant les victimes de l’accident de car.')).toEqual([]);
  });

  test('one word alone is answered only when it is more the library’s than ordinary French', () => {
    // Headings of any report (« Perspectives », « Contexte ») against headings of the subject (« Incrimination »).
    for (const text of ['Perspectives', 'Contexte']) {
      expect(matcher.match(text)).toEqual([]);
      expect(matcher.explain(text).probability).toBeGreaterThanOrEqual(DEFAULT_SETTINGS.shortGate);
      expect(createMatcher(index, { ...DEFAULT_SETTINGS, loneWordLanguage: 0 }).match(text).length).toBeGreaterThan(0);
    }
    for (const text of ['Incrimination', 'Identification']) expect(matcher.match(text).length).toBeGreaterThan(0);
  });

  test('one heading a letter with a measure’s title or a theme’s label is answered, by the labels of the library it reads', () => {
    // The panel's own theme labels and the plan's measure titles, as a letter written measure by measure heads its parts.
    const headings = ['Formation des professionnels', 'Hébergement et logement', 'Sur le pilotage départemental.', 'Informer et sensibiliser le grand public'];
    const without = createMatcher(index, { ...DEFAULT_SETTINGS, labelGate: Infinity });
    for (const text of headings) {
      expect(without.match(text)).toEqual([]);
      const found = matcher.match(text);
      expect(found.length).toBeGreaterThan(0);
    }
    // Its cards are on that subject: the training theme, the measure of local steering.
    expect(matcher.match('Formation des professionnels')[0]!.themes).toContain('formation');
    expect(matcher.match('Sur le pilotage départemental.')[0]!.measures).toContain('PAN1-22');
    // Two of a label's words beside two words of office mail: not a heading.
    expect(matcher.match('Protection de l’enfance : réunion jeudi.')).toEqual([]);
    // The labels are the library's: without the theme « Hébergement et logement », that heading is quiet again.
    const other = buildIndex({ ...library, themes: library.themes.filter((t) => t.label !== 'Hébergement et logement') });
    expect(createMatcher(other).match('Hébergement et logement')).toEqual([]);
  });
});

describe('reading the paragraph', () => {
  test('a verb in « -ent » the library never uses is read by its root; a noun it knows stays', () => {
    // Snowball leaves « arrivent » whole; the library says « arrivée », « arriver ».
    expect(matcher.explain('Des femmes arrivent avec leurs enfants.').stems).toContain('arriv');
    expect(matcher.explain('Des femmes arrivent avec leurs enfants.').stems).not.toContain('arrivent');
    // « gouvernement », « argent »: words of the library, kept as they are.
    expect(matcher.explain('Le gouvernement promet de l’argent.').stems).toEqual(expect.arrayContaining(['gouvern', 'argent']));
  });

  test('a letter’s « nous …ons » the library never uses is read by its root; a noun in « -ons » it knows stays', () => {
    // Snowball keeps « regrettons » as `regretton`; the library says « le Collectif regrette ».
    const stems = matcher.explain('Nous regrettons que le bilan ne soit pas publié.').stems;
    expect(stems).toContain('regret');
    expect(stems).not.toContain('regretton');
    // A form the library uses is kept as it is (« souhaitons », in the 2022 meeting notes).
    expect(matcher.explain('Nous souhaitons être associés.').stems).toContain('souhaiton');
    expect(matcher.explain('Les actions et les sanctions prévues.').stems).toEqual(expect.arrayContaining(['action', 'sanction']));
  });

  test('a link or a key held down, as long as the page sends, is read as written and changes no suggestion', () => {
    const paragraph = 'Nous demandons que le délai de réflexion soit porté à trois mois pour toutes les victimes.';
    const ids = (text: string) => matcher.match(text.slice(0, MAX_PARAGRAPH)).map((r) => r.id);
    const link = (token: string) => `${paragraph} https://lettre.exemple.org/suivi?jeton=${token}`;
    // A key held down, and a tracking link whose token is a run of letters, up to the page's longest paragraph: read
    // for slips, such a run cost seconds to a minute, the extension's worker answering nothing meanwhile.
    const run = Array.from({ length: MAX_PARAGRAPH }, (_, i) => 'bcdfghjklmnpqrstvwxz'[(i * 7 + (i >> 3)) % 20]).join('');
    const alone = ids(paragraph);
    expect(alone.length).toBeGreaterThan(0);
    expect(ids(`${paragraph} ${'a'.repeat(MAX_PARAGRAPH)}`)).toEqual(alone);
    // The link's words are read (« suivi » is one of the library's); its token, however long, changes nothing.
    expect(ids(link(run))).toEqual(ids(link('x')));
    // The run is one unknown word as written, not the library's word one slip away.
    expect(matcher.explain(link(run).slice(0, MAX_PARAGRAPH)).stems.some((s) => s.length > LONGEST_WORD)).toBe(true);
  });

  test('a word no one knows is read as the library’s word one letter away, concepts included', () => {
    const paragraph = 'Les jeunes étrangers subissent des examens ossseux.';
    const fixed = matcher.explain(paragraph);
    expect(fixed.stems).toContain(stem('osseux'));
    expect(fixed.concepts).toContain('tests-osseux');
    const bone = (typoFix: boolean) =>
      createMatcher(index, { ...DEFAULT_SETTINGS, gate: 0, typoFix }).match(paragraph, { k: 10 }).findIndex((r) => /osseux/.test(r.text));
    expect(bone(true)).toBe(0);
    // Fuzzy retrieval alone finds « osseux » but not the concept: the passage comes later, found through its
    // rewordings (3rd with thirteen or seventeen voices per passage, 5th with nine once they weighed more when the paragraph's
    // own words find no passage, 9th before that, out of the first ten before the rewordings).
    expect(createMatcher(index, { ...DEFAULT_SETTINGS, typoFix: false }).explain(paragraph).concepts).not.toContain('tests-osseux');
    const unfixed = bone(false);
    expect(unfixed === -1 || unfixed >= 1, `rank ${unfixed + 1}`).toBe(true);
    // A verb form ordinary French knows is left alone, though a slip on its first letter would give a library word.
    expect(matcher.explain('Ces mesures nous rassurent.').stems).not.toContain(stem('assurent'));
  });

  test('two letters typed in the wrong order are read as the library’s word, and the paragraph is answered', () => {
    // Written for this test: « réfelxion », « vicitmes », « isloés » are two edits away from the library's words.
    const hurried = 'Le délai de réfelxion pour les vicitmes doit être respecté.';
    const fixed = matcher.explain(hurried);
    expect(fixed.stems).toEqual(expect.arrayContaining([stem('réflexion'), stem('victimes')]));
    const first = matcher.match(hurried, { k: 1 })[0];
    expect(first?.text).toMatch(/délai de réflexion/);
    // Without reading typos, the panel stays quiet on it.
    expect(createMatcher(index, { ...DEFAULT_SETTINGS, typoFix: false }).match(hurried)).toEqual([]);
    expect(matcher.explain('Les tests ossuex sur les mineurs isloés.').stems).toEqual(expect.arrayContaining([stem('osseux'), stem('isolés')]));
    // A word the library holds is not « corrected » into another one.
    expect(matcher.explain('Les victimes sont protégées.').stems).toContain(stem('victimes'));
  });

  test('a letter left out, typed twice or for its neighbour is read as the library’s word, and answered as if well typed', () => {
    // Written for this test: « démanèlement » (a letter left out), « prostituttion » (one typed twice).
    const hurried = 'Le démanèlement des réseaux de prostituttion passe par la coopération internationale.';
    const typed = 'Le démantèlement des réseaux de prostitution passe par la coopération internationale.';
    expect(matcher.explain(hurried).stems).toEqual(expect.arrayContaining([stem('démantèlement'), stem('prostitution')]));
    expect(matcher.explain('Les victimes d’exploitarion sexuelle.').stems).toContain(stem('exploitation'));
    const first = (m: typeof matcher, text: string) => m.match(text, { k: 3 }).map((r) => r.id);
    expect(first(matcher, hurried)).toEqual(first(matcher, typed));
    // The earlier reading (a stem one letter away, or two letters swapped) does not find these: the panel is quiet.
    expect(createMatcher(index, { ...DEFAULT_SETTINGS, typoWords: false }).match(hurried)).toEqual([]);
    // A spelling is read as that word well typed would be (« connaissons » by its root), and one whose stem says
    // nothing is not taken (« conissons » stems to `con`).
    expect(matcher.explain('Nous les conaissons bien.').stems).toEqual(matcher.explain('Nous les connaissons bien.').stems);
    expect(matcher.explain('Nous les conaissons bien.').stems).not.toContain('con');
  });

  test('a slip on the first letter is read when no slip elsewhere explains the word, and answered as if well typed', () => {
    // Written for this test: « nineurs » (a neighbouring key), « xploités » (the first letter left out).
    const typed = 'Les mineurs isolés exploités doivent être hébergés dans un lieu sécurisé.';
    const hurried = 'Les nineurs isolés xploités doivent être hébergés dans un lieu sécurisé.';
    expect(matcher.explain(hurried).stems).toEqual(matcher.explain(typed).stems);
    const first = (m: typeof matcher, text: string) => m.match(text, { k: 5 }).map((r) => r.id);
    expect(first(matcher, typed)).toHaveLength(5);
    expect(first(matcher, hurried)).toEqual(first(matcher, typed));
    // The first letter kept, neither word is read, and the panel stays quiet.
    expect(createMatcher(index, { ...DEFAULT_SETTINGS, firstLetterSlips: false }).match(hurried)).toEqual([]);
  });

  test('a word cut by a hyphen at a line’s end is read whole when the whole is a word, and answered as if not cut', () => {
    // Written for this test, as pasted from a page set in columns.
    const typed = 'Les victimes de proxénétisme doivent bénéficier d’un hébergement sécurisé.';
    const pasted = 'Les vic-\ntimes de proxéné-\ntisme doivent bénéficier d’un héberge-\nment sécurisé.';
    expect(matcher.explain(pasted).stems).toEqual(matcher.explain(typed).stems);
    const first = (m: typeof matcher, text: string) => m.match(text, { k: 5 }).map((r) => r.id);
    expect(first(matcher, typed)).toHaveLength(5);
    expect(first(matcher, pasted)).toEqual(first(matcher, typed));
    const asWritten = createMatcher(index, { ...DEFAULT_SETTINGS, rejoinHyphens: false });
    expect(asWritten.explain(pasted).stems).toContain('vic');
    // « traite-ment » is « traitement », not « traite »; « porte-parole » and « anti- traite » stay as written.
    expect(matcher.explain('le traite-\nment des dossiers').stems).toEqual(matcher.explain('le traitement des dossiers').stems);
    expect(asWritten.explain('le traite-\nment des dossiers').stems).toContain(stem('traite'));
    expect(matcher.explain('le porte-\nparole et la lutte anti-\ntraite').stems).toEqual(asWritten.explain('le porte-\nparole et la lutte anti-\ntraite').stems);
    expect(matcher.explain('victimes - et non').stems).toEqual(asWritten.explain('victimes - et non').stems);
    // The hyphens of typesetting too: soft, Unicode, non-breaking.
    for (const hyphen of ['\u00AD', '\u2010', '\u2011']) expect(matcher.explain(`les vic${hyphen}\ntimes`).stems).toContain(stem('victimes'));
  });

  test('a word glued to a stop word is read as the word, and answered as if the space were there', () => {
    // Written for this test, as typed on a phone: « lesvictimes », « titrede ».
    const typed = 'Les victimes de traite doivent obtenir un titre de séjour sans porter plainte.';
    const hurried = 'Lesvictimes de traite doivent obtenir un titrede séjour sans porter plainte.';
    expect(matcher.explain(hurried).stems).toEqual(matcher.explain(typed).stems);
    const first = (m: typeof matcher, text: string) => m.match(text, { k: 5 }).map((r) => r.id);
    expect(first(matcher, hurried)).toEqual(first(matcher, typed));
    const asTyped = createMatcher(index, { ...DEFAULT_SETTINGS, splitGlued: false });
    expect(asTyped.explain(hurried).stems).not.toContain(stem('victimes'));
    // Two words glued stay as written (« visioconférence » is not « visio » and « conférence »), and so does a word
    // whose halves only the rewordings say (« encourue » is not « en courue »).
    expect(matcher.explain('Un lien de visioconférence sera envoyé.').stems).toEqual(asTyped.explain('Un lien de visioconférence sera envoyé.').stems);
    expect(matcher.explain('la peine encourue').stems).toEqual(asTyped.explain('la peine encourue').stems);
  });

  test('a typo of an everyday word the rewordings use is read as that word, and answered as if well typed', () => {
    // Written for this test: « gamnis », « patrnos ». The passages never say « gamins » or « patrons »; their rewordings
    // do. Read by the passages' words alone, « gamnis » was « gagner » and the panel stayed quiet.
    const typed = 'Les gamins qu’on oblige à voler dans le métro, leurs patrons les frappent s’ils rentrent les mains vides.';
    const hurried = 'Les gamnis qu’on oblige à voler dans le métro, leurs patrnos les frappent s’ils rentrent les mains vides.';
    expect(matcher.explain(hurried).stems).toEqual(matcher.explain(typed).stems);
    const first = (m: typeof matcher, text: string) => m.match(text, { k: 5 }).map((r) => r.id);
    expect(first(matcher, typed)).toHaveLength(5);
    expect(first(matcher, hurried)).toEqual(first(matcher, typed));
    const passagesOnly = createMatcher(index, { ...DEFAULT_SETTINGS, typoRewordings: false });
    expect(passagesOnly.explain(hurried).stems).toContain(stem('gagner'));
    expect(passagesOnly.match(hurried)).toEqual([]);
  });

  test('an idiom is read for what it means: the panel answers it with the passages that say it plainly', () => {
    // Written for this test. « pieds et poings liés » shares no word with the passages on control by an exploiter;
    // « lettre morte » none with those on measures not carried out.
    const bound = 'Tant qu’elles n’ont pas de titre de séjour, ces femmes restent pieds et poings liés.';
    const unapplied = 'Les engagements pris l’an dernier sont restés lettre morte.';
    const literal = createMatcher(index, { ...DEFAULT_SETTINGS, idioms: [] });
    expect(matcher.explain(bound).stems).toContain(stem('emprise'));
    expect(matcher.match(bound, { k: 5 })[0]?.text).toMatch(/emprise/);
    expect(literal.match(bound, { k: 5 }).some((r) => /emprise/.test(r.text))).toBe(false);
    expect(literal.match(unapplied)).toEqual([]);
    expect(matcher.match(unapplied, { k: 5 }).some((r) => /mises? en œuvre/.test(r.text))).toBe(true);
    // The idiom is kept as written: a passage's rewordings that use it still find it.
    expect(matcher.explain(bound).stems).toEqual(expect.arrayContaining(literal.explain(bound).stems));
    // Typed with a slip in one of its words, the idiom is read all the same; without that reading it is not.
    const slipped = bound.replace('poings', 'poigns');
    const unmended = createMatcher(index, { ...DEFAULT_SETTINGS, idiomSlips: false });
    expect(matcher.match(slipped, { k: 5 })[0]?.text).toMatch(/emprise/);
    expect(unmended.match(slipped, { k: 5 }).some((r) => /emprise/.test(r.text))).toBe(false);
    expect(unmended.match(unapplied.replace('lettre', 'letre'))).toEqual([]);
    expect(matcher.match(unapplied.replace('lettre', 'letre'), { k: 5 }).some((r) => /mises? en œuvre/.test(r.text))).toBe(true);
    // Office mail that uses an idiom stays quiet.
    expect(matcher.match('Merci d’avoir remplacé Julie au pied levé pour la réunion de jeudi.')).toEqual([]);
    expect(matcher.match('Le nouveau logiciel de comptabilité est une usine à gaz.')).toEqual([]);
  });

  test('a word the library says only after another (« humains » after « êtres ») is no evidence of the subject alone', () => {
    // Written for this test, as an association's office writes: until the forty-fifth session they read 0.94, 0.80 and
    // 0.84 on « humain(e)s », the library's word in « traite des êtres humains ».
    const office = [
      "La responsable des ressources humaines est en congé jusqu'au 12.",
      'Le service des ressources humaines vous contactera pour finaliser votre contrat de travail.',
      "Nos moyens humains ne permettent pas d'assurer la permanence du samedi.",
    ];
    const former = createMatcher(index, { ...DEFAULT_SETTINGS, boundWords: false });
    for (const text of office) {
      expect(former.match(text).length).toBeGreaterThan(0);
      expect(matcher.match(text)).toEqual([]);
    }
    // Said with its partner, the word is the subject's as before.
    const onTopic = 'La traite des êtres humains reste mal connue des travailleurs sociaux qui reçoivent les victimes.';
    expect(matcher.explain(onTopic).probability).toBeCloseTo(former.explain(onTopic).probability, 6);
    expect(matcher.match(onTopic, { k: 5 }).length).toBeGreaterThan(0);
  });

  test('an elision typed without its apostrophe is read as the two words, and answered as if typed with it', () => {
    // Written for this test, as typed on a phone: « lhébergement », « dexploitation », « quil ».
    const hurried = 'Il faut que lhébergement des victimes dexploitation soit assuré dès quil le faut.';
    const typed = 'Il faut que l’hébergement des victimes d’exploitation soit assuré dès qu’il le faut.';
    expect(matcher.explain(hurried).stems).toEqual(matcher.explain(typed).stems);
    const first = (m: typeof matcher, text: string) => m.match(text, { k: 3 }).map((r) => r.id);
    expect(first(matcher, hurried)).toEqual(first(matcher, typed));
    // A letter typed in front of the word is also a first-letter slip (« lhébergement »): both readings off, quiet. The
    // elision alone still reads « quil » as nothing, which no slip does.
    expect(createMatcher(index, { ...DEFAULT_SETTINGS, gluedElision: false, firstLetterSlips: false }).match(hurried)).toEqual([]);
    expect(createMatcher(index, { ...DEFAULT_SETTINGS, gluedElision: false }).explain(hurried).stems).toContain('quil');
    expect(matcher.explain(hurried).stems).not.toContain('quil');
    // Words of ordinary French that look glued are words: « taux » is not « t’aux », nor « test » « t’est ».
    expect(matcher.explain('Le taux de test est bas.').stems).toEqual(expect.arrayContaining([stem('taux'), stem('test')]));
  });

  test('dates and hours do not make office mail look like the library’s language', () => {
    const withDates = matcher.explain('Les chambres de l’hôtel sont réservées du 3 au 5 juin, arrivée à 14 h.');
    const without = matcher.explain('Les chambres de l’hôtel sont réservées en juin.');
    expect(withDates.features.language).toBeCloseTo(without.features.language, 5);
    expect(withDates.onTopic).toBe(false);
  });
});

describe('results', () => {
  const results = matcher.match('Le délai de réflexion de trente jours doit être porté à trois mois pour toutes les victimes.');

  test('carry their author, source, measures and themes', () => {
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(['collectif', 'association', 'cncdh', 'gouvernement']).toContain(r.author);
      expect(r.sourceId).toBeTruthy();
      expect(r.themes.length).toBeGreaterThan(0);
      expect(r.citations[0].positionId).toBe(r.id);
    }
    expect(results.some((r) => r.measures.includes('PAN1-4bis'))).toBe(true);
  });

  test('say why they matched: highlighted ranges are the matched words, verbatim from the wording', () => {
    const r = results[0];
    expect(r.matched.length).toBeGreaterThan(0);
    for (const [a, b] of r.highlights) expect(r.matched).toContain(r.text.slice(a, b));
    expect(r.matched.join(' ').toLowerCase()).toMatch(/réflexion|délai/);
  });

  test('the Collectif’s wording is what may be inserted; CNCDH and government wording never', () => {
    expect(insertable({ author: 'collectif' })).toBe(true);
    expect(insertable({ author: 'association' })).toBe(true);
    expect(insertable({ author: 'cncdh' })).toBe(false);
    expect(insertable({ author: 'gouvernement' })).toBe(false);
  });

  test('the Collectif’s wording ranks before government context on an equal match', () => {
    // The same sentence said by both sides: the Collectif's comes first, the government's is kept as context.
    const ours = library.positions.find((p) => p.author === 'collectif' && /délai de réflexion/.test(p.text))!;
    const theirs = { ...ours, id: `${ours.id}-gov`, author: 'gouvernement' as const };
    const m = createMatcher(buildIndex({ ...library, positions: [...library.positions, theirs] }));
    const ids = m.match(ours.text, { k: 10 }).map((r) => r.id);
    expect(ids).toContain(theirs.id);
    expect(ids.indexOf(ours.id)).toBeLessThan(ids.indexOf(theirs.id));
  });
});

describe('what a passage is about', () => {
  test('of two passages on the paragraph’s subject, the one about nothing else leads further with concept focus on', () => {
    const base = library.positions.find((p) => p.author === 'collectif')!;
    const added = (id: string, text: string) => ({ ...base, id: `${base.sourceId}:${id}`, text, measures: [], citations: undefined });
    const focused = added('focus-a', 'Les enfants exploités dans la mendicité forcée doivent être protégés comme des victimes.');
    const broad = added('focus-b', 'Les enfants contraints de mendier doivent être protégés, le délai de réflexion porté à trois mois, le titre de séjour délivré sans plainte et les proxénètes poursuivis.');
    const withBoth = buildIndex({ ...library, positions: [...library.positions, focused, broad] });
    const paragraph = 'Des enfants sont forcés à mendier dans la rue et exploités : il faut les protéger.';
    // Rewordings off: they would bring a shipped passage on begging first, and this is about the two added ones.
    const lead = (conceptFocus: number) => {
      const r = createMatcher(withBoth, { ...DEFAULT_SETTINGS, gate: 0, rewordingBoost: 0, conceptFocus }).match(paragraph, { k: 10 });
      expect(r[0].id).toBe(focused.id);
      return r[0].score - r.find((x) => x.id === broad.id)!.score;
    };
    expect(lead(DEFAULT_SETTINGS.conceptFocus)).toBeGreaterThan(lead(0) + 0.1);
  });

  test('a paragraph that says a passage’s own words finds it, even when passages on the same concepts say more of them', () => {
    const netherlands = library.positions.find((p) => /aux Pays-Bas/.test(p.text) && /équipe de 14 personnes/.test(p.text))!;
    const paragraph = 'Aux Pays-Bas, une équipe de quatorze personnes évalue la politique de lutte.';
    // Rewordings off: theirs already bring it first (« aux Pays-Bas… »); this is about the safety alone.
    const rank = (lexicalSafety: number) =>
      createMatcher(index, { ...DEFAULT_SETTINGS, gate: 0, rewordingBoost: 0, lexicalSafety }).match(paragraph, { k: 60 }).findIndex((r) => r.id === netherlands.id);
    // Without the safety, passages on evaluation bury it; with it, it is second at worst.
    expect(rank(0)).toBeGreaterThan(4);
    expect(rank(DEFAULT_SETTINGS.lexicalSafety)).toBeGreaterThanOrEqual(0);
    expect(rank(DEFAULT_SETTINGS.lexicalSafety)).toBeLessThan(DEFAULT_SETTINGS.lexicalSafetyRank);
  });

  test('an acronym spelled out does not count against the share of the paragraph a passage holds', () => {
    // Written for this test: a position quoted after « la CNCDH », which the analysis also reads as its five words.
    const hard = library.positions.find((p) => p.text.startsWith('Les victimes de la traite des êtres humains peuvent être difficiles à identifier'))!;
    const ranked = matcher.match(`Comme l’a rappelé la CNCDH, ${hard.text}`, { k: 5 });
    expect(ranked[0]?.id).toBe(hard.id);
  });

  test('a long form written out counts as its acronym: the same passages as the acronym written', () => {
    // Written for this test. Read as five words of the paragraph, « Commission nationale consultative des droits de
    // l'homme » lowered the share of it that passages without those words hold, and three of the five changed.
    const ids = (text: string) => matcher.match(text, { k: 5, gate: false }).map((r) => r.id);
    const short = ids('Selon la CNCDH, les formations des policiers restent trop rares.');
    expect(short).toHaveLength(5);
    expect(ids('Selon la Commission nationale consultative des droits de l’homme, les formations des policiers restent trop rares.')).toEqual(short);
  });

  test('a paragraph that nearly quotes a passage puts it first', () => {
    // The CNCDH's « Un fonds dédié aux victimes de la traite et … », its opening words in a sentence of one's own.
    const fund = library.positions.find((p) => p.text.startsWith('Un fonds dédié aux victimes de la traite et'))!;
    const paragraph = 'Un fonds dédié aux victimes de la traite et pour les victimes mineures.';
    const first = (lexicalFirst: number) => createMatcher(index, { ...DEFAULT_SETTINGS, gate: 0, lexicalFirst }).match(paragraph, { k: 5 })[0]?.id;
    expect(first(0)).not.toBe(fund.id);
    expect(first(DEFAULT_SETTINGS.lexicalFirst)).toBe(fund.id);
  });

  test('a remark on a draft’s wording is offered with the Collectif’s proposed words, never as wording to insert', () => {
    const remark = library.positions.find((p) => p.kind === 'draft-remark' && /inégale sur le territoire/.test(p.text))!;
    const proposed = /«\s*([^»]+?)\s*»/u.exec(remark.text)![1];
    const found = (draftRemarkPrior: number) => createMatcher(index, { ...DEFAULT_SETTINGS, draftRemarkPrior }).match(proposed).find((r) => r.id === remark.id);
    const r = found(DEFAULT_SETTINGS.draftRemarkPrior);
    expect(r?.kind).toBe('draft-remark');
    expect(r?.author).toBe('collectif');
    expect(found(0)).toBeUndefined();
    expect(() => composeInsert(library, { kind: 'position', id: remark.id, variant: 'plain' })).toThrow(InsertRefusedError);
  });

  test('a remark on a draft’s wording is found by a paragraph that says its demand in other words', () => {
    // Written for this test, one for each remark. The shipped remarks have rewordings since the fourteenth session;
    // a report imported later may hold remarks without any: they then count a share of their own words and borrow
    // their neighbours' rewordings (`draftRemarkSelf`). Without either, these ranked 20th to 68th.
    const paragraphs: [RegExp, string][] = [
      [/AC-Sé est loin d’offrir/, 'Le dispositif national d’accueil sécurisé ne propose qu’une toute petite poignée de places, c’est sans commune mesure avec les besoins.'],
      [/aller à la rencontre et accompagner/, 'Il faut donner plus d’argent aux associations qui vont à la rencontre des personnes exploitées dans la rue.'],
      [/programmation des places/, 'Quand les préfets prévoient les places d’hébergement, qu’ils pensent à toutes les victimes, pas seulement à celles de la prostitution.'],
      [/découragement de la demande/, 'Pour en finir durablement, il faut décourager ceux qui achètent, et protéger les personnes exploitées.'],
      [/mineurs en errance/, 'Les jeunes qui errent dans les gares ont besoin qu’on les repère et qu’on les accompagne, avec des moyens renforcés.'],
    ];
    const remarks = new Set(library.positions.filter((p) => p.kind === 'draft-remark').map((p) => p.id));
    const unreworded = withoutRewordings(DEFAULT_SETTINGS.rewordings, (id) => remarks.has(id));
    const found = (over: Partial<typeof DEFAULT_SETTINGS>) => {
      const m = createMatcher(index, { ...DEFAULT_SETTINGS, ...over });
      return paragraphs.filter(([re, text]) => m.match(text).some((r) => r.kind === 'draft-remark' && re.test(r.text))).length;
    };
    expect(found({})).toBeGreaterThanOrEqual(4);
    expect(found({ rewordings: unreworded })).toBeGreaterThanOrEqual(4);
    expect(found({ rewordings: unreworded, draftRemarkSelf: 0 })).toBeLessThanOrEqual(1);
  });
});

describe('a library of a few passages', () => {
  test('still answers a paragraph in its words: a word in one passage of two is not « too common to retrieve by »', () => {
    const tiny = fixtureLibrary(
      [fixtureSource('cr-a')],
      [
        fixturePosition('cr-a', 1, { text: 'Le Collectif demande que le délai de réflexion soit porté à trois mois.', themes: ['delai-reflexion'], measures: ['PAN1-4bis'] }),
        fixturePosition('cr-a', 2, { text: 'Le délai de réflexion de trente jours est trop court pour les victimes.', themes: ['delai-reflexion'], measures: ['PAN1-4bis'] }),
      ],
    );
    const results = createMatcher(buildIndex(tiny)).match('Le Collectif demande un délai de réflexion de trois mois.');
    expect(results.map((r) => r.id)).toContain('cr-a:0001');
  });
});

describe('near-identical wordings collapse into one result that keeps every citation', () => {
  // A library where the Collectif's demand appears twice, as in a synthesis and in the detailed report.
  const base = library.positions.find((p) => p.author === 'collectif' && p.text.length > 120)!;
  const twin = { ...base, id: `${base.id}-twin`, sourceId: library.sources[1].id, section: 'Synthèse', lines: [1, 2] as [number, number] };
  const lib: Library = { ...library, positions: [...library.positions, twin] };
  const m = createMatcher(buildIndex(lib));

  test('one result, two citations', () => {
    const results = m.match(base.text, { k: 5 });
    const both = results.filter((r) => r.id === base.id || r.id === twin.id);
    expect(both).toHaveLength(1);
    expect(both[0].citations.map((c) => c.positionId).sort()).toEqual([base.id, twin.id].sort());
    // The same words at both places: no other wording to show.
    expect(both[0].citations.every((c) => c.text === undefined)).toBe(true);
  });

  // Written for this test: a demand, the same demand said again inside a longer paragraph of the
  // detailed report, and a short sentence whose every word the demand holds but which says less.
  const demand = {
    ...base,
    id: 'test:demand',
    text: 'Le Collectif demande que les moyens alloués à la lutte contre la traite soient publiés chaque année, mesure par mesure, et à la mesure des besoins constatés par les associations sur le terrain.',
  };
  const repeated = {
    ...base,
    id: 'test:repeated',
    sourceId: library.sources[1].id,
    text: `Lors de la réunion, le Collectif a rappelé sa position. ${demand.text}`,
  };
  const shorter = { ...base, id: 'test:shorter', sourceId: library.sources[2].id, text: 'Chaque année, publier les moyens alloués à la lutte contre la traite.' };
  const clustered = buildIndex({ ...library, positions: [...library.positions, demand, repeated, shorter] });
  const clusterOf = (id: string) => clustered.features.get(id)!.cluster;

  test('a wording said again within a longer paragraph is the same result', () => {
    expect(clusterOf('test:repeated')).toBe(clusterOf('test:demand'));
    expect(clustered.clusters[clusterOf('test:demand')]).toEqual(expect.arrayContaining(['test:demand', 'test:repeated']));
    // One result; the other place's citation carries the wording as it reads there, which is not quite the one shown.
    const results = createMatcher(clustered, { ...DEFAULT_SETTINGS, gate: 0 }).match(demand.text, { k: 5 });
    const shown = results.filter((r) => r.id === 'test:demand' || r.id === 'test:repeated');
    expect(shown).toHaveLength(1);
    const other = shown[0].id === 'test:demand' ? repeated : demand;
    expect(shown[0].citations.find((c) => c.positionId === shown[0].id)!.text).toBeUndefined();
    expect(shown[0].citations.find((c) => c.positionId === other.id)!.text).toBe(other.text);
  });

  // Written for this test, the way the Collectif's minutes are laid out: the synthesis gives a sentence to the
  // Collectif, the full account gives the same words to the member who said them. Two cards with one sentence
  // said twice is what the Roundcube screenshot showed; the Collectif's own wording is the one to put in a letter.
  const synthesis = { ...base, id: 'test:synthesis', speaker: undefined, organisation: undefined, text: 'La circulaire prévoit la « possibilité » d’accorder une carte de séjour temporaire aux victimes qui rompent avec leurs exploiteurs, sans en faire un droit.' };
  const account = {
    ...base,
    id: 'test:account',
    author: 'association' as const,
    speaker: 'Mme Martin',
    organisation: 'Comité contre l’esclavage moderne',
    sourceId: synthesis.sourceId,
    section: 'Compte-rendu in extenso',
    text: `Mme Martin rappelle que la circulaire prévoit la « possibilité » d’accorder une carte de séjour temporaire aux victimes qui rompent avec leurs exploiteurs, sans en faire un droit.`,
  };
  const administration = { ...account, id: 'test:administration', author: 'gouvernement' as const, speaker: 'M. Durand', organisation: 'Ministère de l’Intérieur', text: account.text.replace('Mme Martin', 'M. Durand') };
  const reported = buildIndex({ ...library, positions: [...library.positions, account, synthesis, administration] });

  test('the same words in the synthesis and in a member’s account are one card, showing the Collectif’s wording', () => {
    const results = createMatcher(reported, { ...DEFAULT_SETTINGS, gate: 0 }).match(account.text, { k: 5 });
    const ours = results.filter((r) => r.id === synthesis.id || r.id === account.id);
    expect(ours).toHaveLength(1);
    expect(ours[0].id).toBe(synthesis.id);
    expect(ours[0].author).toBe('collectif');
    expect(ours[0].citations.map((c) => c.positionId).sort()).toEqual([account.id, synthesis.id].sort());
    expect(ours[0].citations.find((c) => c.positionId === account.id)!.text).toBe(account.text);
    // What the administration said in the same words stays its own card, never a citation of the Collectif's.
    expect(results.find((r) => r.id === administration.id)?.author).toBe('gouvernement');
    expect(ours[0].citations.some((c) => c.positionId === administration.id)).toBe(false);
  });

  test('a short sentence whose words a longer wording holds is not that wording, nor cited as it', () => {
    const own = clusterOf('test:shorter');
    expect(own === -1 || !clustered.clusters[own]?.includes('test:demand')).toBe(true);
    const results = createMatcher(clustered, { ...DEFAULT_SETTINGS, gate: 0 }).match('Chaque année, publier les moyens alloués à la lutte contre la traite.', { k: 5 });
    const short = results.find((r) => r.id === 'test:shorter');
    expect(short).toBeDefined();
    expect(short!.citations.map((c) => c.positionId)).toEqual(['test:shorter']);
  });
});

describe('serialised index', () => {
  test('loads with the same answers as a fresh build', () => {
    const loaded = createMatcher(loadIndex(JSON.parse(JSON.stringify(serialiseIndex(index))), library));
    for (const text of ['Les tests osseux sont trop imprécis pour établir l’âge.', 'Il faut une délégation interministérielle.']) {
      expect(loaded.match(text).map((r) => r.id)).toEqual(matcher.match(text).map((r) => r.id));
    }
  });

  test('refuses an index of another version or another library, saying why', () => {
    const data = serialiseIndex(index);
    expect(() => loadIndex({ ...data, version: 999 }, library)).toThrow(/version/);
    expect(() => loadIndex(data, { ...library, positions: library.positions.slice(1) })).toThrow(/bibliothèque/);
  });
});

describe('ranking regression on the development set', () => {
  // Floors under the figures reached (hit@5 0.98, MRR 0.83, 8/8 off-topic, 3/3 author-safe):
  // a change that loses ground fails here before it reaches users. The gate that learns from the
  // library quiets some paraphrases of this set that the first engine's hand-written gate answered.
  const queries = readFileSync(DEV_QUERIES, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as EvalQuery);
  const report = score(queries, new Map(queries.map((q) => [q.id, matcher.match(q.text)])));

  test('hit@5 ≥ 0.95 and MRR ≥ 0.81', () => {
    expect(report.hit).toBeGreaterThanOrEqual(0.95);
    expect(report.mrr).toBeGreaterThanOrEqual(0.81);
  });
  test('off-topic lines get no answer (8 of 8) and no government wording is offered as the Collectif’s', () => {
    expect(report.offtopic.ok).toBe(report.offtopic.of);
    expect(report.author.ok).toBe(report.author.of);
  });
});

describe('paraphrase hold-out (tests/fixtures/paraphrase-holdout.jsonl, written for the engine, not evaluation lines)', () => {
  const queries = readFileSync(new URL('../fixtures/paraphrase-holdout.jsonl', import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as EvalQuery);
  const report = score(queries, new Map(queries.map((q) => [q.id, matcher.match(q.text)])));

  test('paraphrases in the writer’s own words still find the wording (hit@5 ≥ 0.85), office mail stays quiet', () => {
    expect(report.hit).toBeGreaterThanOrEqual(0.85);
    expect(report.offtopic.ok).toBe(report.offtopic.of);
  });
});

describe('passage paraphrases (tests/fixtures/eval/passage-paraphrases.jsonl, written blind to the engine)', () => {
  const lines = readJsonl<PassageParaphrase>(PASSAGE_PARAPHRASES);

  test('the set is whole: two lines for each of 360 passages of the shipped library, ids unique', () => {
    expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
    const perPassage = new Map<string, number>();
    for (const l of lines) perPassage.set(l.passage, (perPassage.get(l.passage) ?? 0) + 1);
    expect(perPassage.size).toBe(360);
    expect([...perPassage.values()].every((n) => n === 2)).toBe(true);
    expect([...perPassage.keys()].filter((id) => !index.byId.has(id))).toEqual([]);
  });

  test('the scorer counts the passage or a near-identical wording, in the first five, by rank', () => {
    const [a, b] = lines;
    const twin = index.clusters.find((c) => c.length > 1)!;
    const report = scorePassages(index, [a, { ...b, passage: twin[0] }], (text) =>
      text === a.text ? [{ id: 'x' }, { id: a.passage }] : [{ id: twin[1] }],
    );
    expect(report).toEqual({ lines: 2, hit: 1, mrr: (1 / 2 + 1) / 2, answered: 1 });
    expect(scorePassages(index, [a], () => []).answered).toBe(0);
  });

  // Floor just under the figure reached with the gate (0.52): the gate and the ranking together.
  test('the passage comes back in the first five for at least half of them', () => {
    const report = scorePassages(index, lines, (text) => matcher.match(text));
    expect(report.hit).toBeGreaterThanOrEqual(0.5);
  });
});

describe('the candidates retrieval hands on', () => {
  // Retrieval's channels list their hits unsorted: which of equal scores go on must not depend on that order.
  const vocab = { nextSlot: 8, slotIds: Array.from({ length: 8 }, (_, i) => `p${i}`) } as never;
  const candidates = (order: number[], k: number) => {
    const merge = createSlotScores({ vocab }).start();
    for (const slot of order) merge.add(slot, slot === 6 ? 3 : 1);
    for (const slot of order) if (slot === 2) merge.add(slot, 1);
    return merge.topSlots(k).map((slot) => `p${slot}`).sort();
  };

  test('the best, then equal scores at the edge by the order the library was indexed in, whatever order they were met in', () => {
    expect(candidates([0, 1, 2, 3, 4, 5, 6, 7], 4)).toEqual(['p0', 'p1', 'p2', 'p6']);
    expect(candidates([7, 5, 3, 6, 1, 4, 2, 0], 4)).toEqual(['p0', 'p1', 'p2', 'p6']);
    expect(candidates([7, 5, 3, 6, 1, 4, 2, 0], 2)).toEqual(['p2', 'p6']);
    expect(candidates([7, 5, 3, 6, 1, 4, 2, 0], 20)).toHaveLength(8);
  });
});
