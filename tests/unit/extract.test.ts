import { describe, expect, test } from 'vitest';
import { cuedMeasures, mentionedMeasures } from '../../data/library/extract/measures';
import { spellOrdinalRefs } from '../../data/engine/measureRefs';
import { reattribute, segmentBlock, splitSentences } from '../../data/library/extract/segment';
import { Lexicon, isFurniture, joinLines, paragraphs, readLines, stripMarks } from '../../data/library/extract/text';
import { themesFor } from '../../data/library/extract/themes';
import type { Block, GovSpeaker } from '../../data/library/extract/types';
import { fragments, squash } from '../../data/library/extract/verify';
import taxonomy from '../../data/library/taxonomy.json';

const keys = new Set(taxonomy.measures.map((m) => m.key));
const lines = (...texts: string[]) => texts.map((text, i) => ({ n: i + 1, text }));

describe('splitSentences', () => {
  test.each([
    { why: 'plain sentences', text: 'Le délai est court. Il faut trois mois.', want: ['Le délai est court.', 'Il faut trois mois.'] },
    { why: '« M. » is a title, not a sentence end', text: 'M. Albert rappelle que la mesure 5 parle de possibilité. La délivrance doit être systématique.', want: ['M. Albert rappelle que la mesure 5 parle de possibilité.', 'La délivrance doit être systématique.'] },
    { why: 'an article number after a single capital', text: 'L’article R. 316-7 du CESEDA permet une protection. Cela n’a pas été fait.', want: ['L’article R. 316-7 du CESEDA permet une protection.', 'Cela n’a pas été fait.'] },
    { why: '« cf. » and « p. » are abbreviations', text: 'Voir la fiche (cf. mesure 1) et la p. 3 du plan. Fin.', want: ['Voir la fiche (cf. mesure 1) et la p. 3 du plan.', 'Fin.'] },
    { why: 'a closing guillemet belongs to the sentence it ends', text: 'Il propose : « devra être inscrite dans la loi ». Cette formulation évite le mot.', want: ['Il propose : « devra être inscrite dans la loi ».', 'Cette formulation évite le mot.'] },
    { why: 'an ellipsis glued to the next word still ends a sentence', text: 'pas de papiers...Il est important que les victimes', want: ['pas de papiers...', 'Il est important que les victimes'] },
    { why: 'a lower-case word after a period is not a new sentence', text: 'le décret n. 7 du 3 janvier. et la suite', want: ['le décret n. 7 du 3 janvier. et la suite'] },
  ])('$why', ({ text, want }) => {
    expect(splitSentences(text).map((s) => s.text)).toEqual(want);
  });

  test('offsets point back into the text', () => {
    const text = 'Première phrase ici.  Deuxième phrase là.';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('cleaning lines', () => {
  test.each([
    { why: 'Markdown bold', text: '**Amicale du Nid**', want: 'Amicale du Nid' },
    { why: 'HTML superscript keeps its letters', text: '(mesure 10, 2<sup>ème</sup> tiret)', want: '(mesure 10, 2ème tiret)' },
    { why: 'Markdown italics inside a sentence', text: 'd’administrateurs *ad hoc* juridiquement', want: 'd’administrateurs ad hoc juridiquement' },
    { why: 'HTML italics', text: 'Compte-rendu <i>in extenso</i> de la rencontre', want: 'Compte-rendu in extenso de la rencontre' },
    { why: 'a link keeps its label', text: '[www.contrelatraite.org](http://www.contrelatraite.org)', want: 'www.contrelatraite.org' },
  ])('stripMarks: $why', ({ text, want }) => {
    expect(stripMarks(text)).toBe(want);
  });

  test.each([
    { why: 'page number', text: ' 7 ', want: true },
    { why: 'site address alone', text: 'http://www.contrelatraite.org/', want: true },
    { why: 'the Collectif’s footer', text: 'Collectif « Ensemble contre la traite des êtres humains » -  www.contrelatraite.org ', want: true },
    { why: 'the coordination contact line', text: 'Coordination du Collectif : Geneviève Colas - 06 71 00 69 90 - Secrétariat : Nicolas Guillot - 01 45 49 52 21 ', want: true },
    { why: 'the CNCDH running head', text: 'CNCDH • Évaluation de la mise en œuvre du plan d’action national contre la traite des êtres humains', want: true },
    { why: 'a sentence that mentions a number is wording', text: 'plus de 560 personnes en ont bénéficié depuis 2017 (ce qui reste peu).', want: false },
  ])('isFurniture: $why', ({ text, want }) => {
    expect(isFurniture(text)).toBe(want);
  });
});

describe('joinLines', () => {
  const lexicon = new Lexicon(['Mme la ministre, porte-parole du Gouvernement']);
  test.each([
    { why: 'PDF hyphenation is rejoined', input: ['un accompagne-', 'ment adapté'], want: 'un accompagnement adapté' },
    { why: 'a compound seen whole elsewhere keeps its hyphen', input: ['ministre, porte-', 'parole du gouvernement'], want: 'ministre, porte-parole du gouvernement' },
    { why: 'a hyphenated proper name keeps its hyphen, without a space', input: ['Madame Cazaux-', 'Charles a indiqué'], want: 'Madame Cazaux-Charles a indiqué' },
    { why: 'an ordinary line break is a space', input: ['la traite des ', 'êtres humains'], want: 'la traite des êtres humains' },
    { why: 'an en dash at line end is punctuation, not hyphenation', input: ['ASE –', 'qui ont tendance'], want: 'ASE – qui ont tendance' },
  ])('$why', ({ input, want }) => {
    expect(joinLines(lines(...input), lexicon).text).toBe(want);
  });
});

describe('paragraphs', () => {
  test('a footer in the middle of a sentence neither breaks nor enters the paragraph', () => {
    const paras = paragraphs(
      lines(
        'D’autres solutions doivent être envisagées à l’échelle nationale, notamment les dispositifs ',
        'Collectif « Ensemble contre la traite des êtres humains » -  www.contrelatraite.org ',
        '7 ',
        'de familles d’accueil (ou autre).',
      ),
    );
    expect(paras).toHaveLength(1);
    expect(joinLines(paras[0]).text).toBe(
      'D’autres solutions doivent être envisagées à l’échelle nationale, notamment les dispositifs de familles d’accueil (ou autre).',
    );
  });

  test('list items start their own paragraph', () => {
    const paras = paragraphs(lines('Les lacunes suivantes :', '- Le délai de réflexion est trop court.', '- Le titre de séjour doit être systématique.'));
    expect(paras.map((p) => p.length)).toEqual([1, 1, 1]);
  });
});

describe('sentence-level attribution', () => {
  const gov: GovSpeaker[] = [{ pattern: /(?:Madame|Mme) Cazaux-Charles/, speaker: 'Mme Hélène Cazaux-Charles', organisation: 'Cabinet du Premier ministre' }];
  const s = (text: string) => ({ text, start: 0, end: text.length, author: 'collectif' as const });
  test.each([
    { why: 'the adviser is the subject of a speech verb', text: 'Madame Cazaux-Charles a fait remarquer que tout renforcement passe par un fichier.', want: 'gouvernement' },
    { why: 'an adverbial opener before the adviser', text: 'Au cours de l’échange, Madame Cazaux-Charles a également relevé qu’il est nécessaire de coordonner.', want: 'gouvernement' },
    { why: 'a remark credited at the end of the sentence', text: 'L’indemnisation doit être pensée autrement, ainsi que l’a remarqué Madame Cazaux-Charles.', want: 'gouvernement' },
    { why: 'a point raised by the adviser', text: 'Enfin, parmi les points soulevés par Madame Cazaux-Charles, la coopération doit passer par un fichier.', want: 'gouvernement' },
    { why: 'the Collectif speaks; the adviser is only mentioned', text: 'Le Collectif remercie Madame Cazaux-Charles pour son écoute.', want: 'collectif' },
  ])('$why', ({ text, want }) => {
    expect(reattribute(s(text), gov).author).toBe(want);
  });

  test('a participle clause does not make the minister the speaker', () => {
    const minister: GovSpeaker[] = [{ pattern: /Mme la ministre/, speaker: 'Mme Vallaud-Belkacem' }];
    const text = 'Mme la ministre ayant proposé l’élaboration d’une circulaire, M. Soulage rappelle qu’une circulaire ne vaut pas une loi.';
    expect(reattribute(s(text), minister).author).toBe('collectif');
  });
});

describe('segmentBlock', () => {
  const block = (texts: string[], extra: Partial<Block> = {}): Block => ({ section: ['S'], author: 'collectif', measures: [], lines: lines(...texts), ...extra });

  test('a sentence that leans on the one before stays with it', () => {
    const drafts = segmentBlock(
      block([
        'Les deux autres tirets ne font pas mention de moyens supplémentaires et se contentent d’évoquer les médiateurs culturels.',
        'Ceci suggère que le gouvernement entend se concentrer sur la lutte contre la prostitution.',
        'Le Collectif propose de conserver les priorités définies dans la mesure en augmentant les moyens alloués.',
      ]),
    );
    expect(drafts.map((d) => d.text.slice(0, 20))).toEqual(['Les deux autres tire', 'Le Collectif propose']);
    expect(drafts[0].lines).toEqual([1, 2]);
  });

  test('a list mark is layout: the item’s wording starts after it', () => {
    const [d] = segmentBlock(block(['- Le délai de réflexion doit être porté à trois mois pour toutes les victimes.'], { item: true }));
    expect(d.text).toBe('Le délai de réflexion doit être porté à trois mois pour toutes les victimes.');
  });

  test('an introduction left alone is marked as a lead-in, for the pipeline to join to its items', () => {
    const drafts = segmentBlock(block(['Le plan qui nous a été présenté comporte en particulier les lacunes suivantes :']));
    expect(drafts.map((d) => d.leadIn)).toEqual([true]);
  });

  test('sentences of different speakers are never grouped', () => {
    const gov: GovSpeaker[] = [{ pattern: /Madame Cazaux-Charles/, speaker: 'Mme Cazaux-Charles' }];
    const drafts = segmentBlock(
      block(['Madame Cazaux-Charles a fait remarquer que la coopération passe par un fichier. Ceci pose la question du contrôle des données.']),
      { govSpeakers: gov },
    );
    expect(drafts.map((d) => d.author)).toEqual(['gouvernement', 'collectif']);
  });
});

describe('measures', () => {
  test.each([
    { why: 'a plain mention', text: 'La mesure 21 du Plan est en cours d’arbitrage.', plan: 'PAN1', want: ['PAN1-21'] },
    { why: '« bis » measures', text: 'Mesure 4 bis : le délai de réflexion.', plan: 'PAN1', want: ['PAN1-4bis'] },
    { why: 'two measures at once', text: 'prévue aux mesures 3 et 4 du Plan', plan: 'PAN1', want: ['PAN1-3', 'PAN1-4'] },
    { why: 'the second plan named next to the number', text: 'la mesure 16 du deuxième plan', plan: 'PAN1', want: ['PAN2-16'] },
    { why: 'a 2022 text’s bare number refers to the second plan', text: 'le mécanisme national (mesure 16)', plan: 'PAN2', want: ['PAN2-16'] },
    { why: 'an unknown key is not invented', text: 'la mesure 5 du deuxième plan', plan: 'PAN1', want: [] },
    { why: '« la mesure » without a number names nothing', text: 'En dépit de son titre, cette mesure ne concerne pas les publics à risque.', plan: 'PAN1', want: [] },
  ])('mentioned: $why', ({ text, plan, want }) => {
    expect(mentionedMeasures(text, plan, keys)).toEqual(want);
  });

  test.each([
    { why: 'the reflection period is measure 4 bis’s subject', text: 'un délai de réflexion limité à 30 jours n’est guère suffisant', want: 'PAN1-4bis' },
    { why: 'the TRACFIN unit is measure 14', text: 'Mobiliser la cellule TRACFIN contre la traite', want: 'PAN1-14' },
    { why: 'joint investigation teams are measure 18’s cooperation agenda', text: 'notamment par des équipes communes d’enquête', want: 'PAN1-18' },
  ])('cued: $why', ({ text, want }) => {
    expect(cuedMeasures(text)).toContain(want);
  });
});

describe('themes', () => {
  test('every passage gets at least one theme, its measure’s first when cues agree', () => {
    expect(themesFor('Le délai de réflexion doit être porté à trois mois.', ['PAN1-4bis'])[0]).toBe('delai-reflexion');
    expect(themesFor('Nous remercions chacun.', []).length).toBeGreaterThan(0);
  });
});

describe('verbatim comparison', () => {
  test('squash ignores case, accents, ligatures and punctuation', () => {
    expect(squash('Mise en Œuvre — l’État !')).toBe('miseenoeuvreletat');
  });
  test('fragments are the runs of 20 letters or more between punctuation', () => {
    expect(fragments('Court. Une phrase assez longue pour compter, oui.')).toEqual(['unephraseassezlonguepourcompter']);
  });
  test('readLines numbers lines from 1', () => {
    expect(readLines('a\nb')[1]).toEqual({ n: 2, text: 'b' });
  });
});

describe('measure references in drafting', () => {
  test.each([
    { why: 'abbreviated « m. » with the plan named after it', text: 'voir la m. 16 du deuxième plan', want: ['PAN2-16'] },
    { why: 'a number written in words', text: 'la mesure vingt et un reste floue', want: ['PAN1-21'] },
    { why: '« n° » before the number', text: 'la mesure n° 5', want: ['PAN1-5'] },
    { why: '« bis » written against the number', text: 'la mesure 4bis', want: ['PAN1-4bis'] },
    { why: '« bis » against the number, in a list', text: 'mesures 11bis et 12', want: ['PAN1-11bis', 'PAN1-12'] },
    { why: 'a range after « mesures »', text: 'les mesures 5 à 7 du plan', want: ['PAN1-5', 'PAN1-6', 'PAN1-7'] },
    { why: 'a range holds the bis measures between its ends', text: 'mesures 4-5', want: ['PAN1-4', 'PAN1-4bis', 'PAN1-5'] },
    { why: 'two measures joined by a slash', text: 'mesures 5/6', want: ['PAN1-5', 'PAN1-6'] },
    { why: 'the second number with its article', text: 'la mesure 10 et la 11 restent floues', want: ['PAN1-10', 'PAN1-11'] },
    { why: '« la 2e réunion » after a measure is no measure', text: 'la mesure 5 et la 2e réunion du comité', want: ['PAN1-5'] },
    { why: 'a range too wide names its ends only', text: 'des mesures 1 à 23', want: ['PAN1-1', 'PAN1-23'] },
    { why: '« a » after « la mesure 5 » is a verb, not a range', text: 'la mesure 5 a deux volets', want: ['PAN1-5'] },
    { why: 'no range after the singular « mesure »', text: 'la mesure 3 à 5 ans', want: ['PAN1-3'] },
    { why: 'a range backwards is none', text: 'les mesures 7 à 5', want: ['PAN1-7'] },
    { why: 'a taxonomy key typed as is', text: 'cf. PAN1-11bis', want: ['PAN1-11bis'] },
    { why: '« une fois » after « mesure » is not measure 1', text: 'cette mesure une fois adoptée', want: [] },
    { why: 'the first plan named explicitly wins over the default', text: 'la mesure 5 du premier plan', want: ['PAN1-5'], plan: 'PAN2' },
    { why: 'an ordinal in digits after « la »', text: 'sur la 13ème mesure, rien de neuf', want: ['PAN1-13'] },
    { why: 'an ordinal in words after « cette »', text: 'cette dix-septième mesure', want: ['PAN1-17'] },
    { why: 'an ordinal with its plan named after it', text: 'la 16e mesure du deuxième plan d’action', want: ['PAN2-16'] },
    { why: '« la première mesure à prendre » names no measure', text: 'la première mesure à prendre est de réserver la salle', want: [] },
    { why: '« la première mesure du plan » does', text: 'la première mesure du plan', want: ['PAN1-1'] },
    { why: '« une troisième mesure » is one more, not the third', text: 'il faudrait une troisième mesure', want: [] },
    { why: '« la 3e mesure de la loi » is another text’s', text: 'la 3e mesure de la loi Travail', want: [] },
    { why: 'the plan named before the measure in its sentence', text: 'Dans le deuxième plan, la mesure 16 nous inquiète.', want: ['PAN2-16'] },
    { why: 'a plan named before as « PAN 2 »', text: 'Sur le PAN 2, mesure 16 : rien de neuf.', want: ['PAN2-16'] },
    { why: 'an ordinal with its plan named before it', text: 'Dans le deuxième plan d’action, la 16e mesure déçoit.', want: ['PAN2-16'] },
    { why: 'a plan named before a measure it does not hold: nothing, not the first plan’s', text: 'Dans le deuxième plan, la mesure 5 a disparu.', want: [] },
    { why: 'the plan named after wins over one named before', text: 'À la différence du deuxième plan, la mesure 5 du premier plan', want: ['PAN1-5'] },
    { why: 'a plan named in a sentence before, in the same paragraph, decides', text: 'Le deuxième plan est paru. La mesure 16 nous inquiète.', want: ['PAN2-16'] },
    { why: 'a sentence before is weaker: a number its plan lacks is the default plan’s', text: 'Le deuxième plan est paru. La mesure 5 reste lettre morte.', want: ['PAN1-5'] },
    { why: 'the last plan named before counts', text: 'Le premier plan a échoué, le deuxième plan aussi. La mesure 16 nous inquiète.', want: ['PAN2-16'] },
    { why: 'a plan named in its own sentence wins over one named before', text: 'Le deuxième plan est paru. Dans le premier plan, la mesure 16 prévoyait la ratification.', want: ['PAN1-16'] },
    { why: 'a plan named in another paragraph does not count', text: 'Le deuxième plan est paru.\n\nLa mesure 16 nous inquiète.', want: ['PAN1-16'] },
  ])('$why', ({ text, want, plan }) => {
    expect(mentionedMeasures(text, plan ?? 'PAN1', keys)).toEqual(want);
  });
});

describe('a measure named by an ordinal, read as the sources name it', () => {
  test.each([
    { text: 'Sur la treizième mesure du plan, rien.', want: 'Sur la mesure 13 du plan, rien.' },
    { text: 'Sur 13e mesure du plan, rien.', want: 'Sur mesure 13 du plan, rien.' },
    { text: 'Œuvre : Cette 16ᵉ mesure du deuxième plan', want: 'Œuvre : Cette mesure 16 du deuxième plan' },
    { text: 'la première mesure à prendre', want: 'la première mesure à prendre' },
  ])('$text', ({ text, want }) => {
    expect(spellOrdinalRefs(text, 'PAN1', keys)).toBe(want);
  });
});

describe('positions read on their own', () => {
  const block = (texts: string[], extra: Partial<Block> = {}): Block => ({ section: ['S'], author: 'cncdh', measures: [], lines: lines(...texts), item: true, ...extra });

  test('a list item completing a lead-in elsewhere loses its fragment, keeps its sentences', () => {
    const drafts = segmentBlock(
      block(['de veiller à mettre en œuvre des dispositifs de réparation pour ces mineurs. Dans le suivi de ces jeunes, les instances publiques doivent intégrer la notion de long terme.']),
    );
    expect(drafts.map((d) => d.text)).toEqual(['Dans le suivi de ces jeunes, les instances publiques doivent intégrer la notion de long terme.']);
  });

  test('an item that is only a fragment is not a position', () => {
    expect(segmentBlock(block(['de préparer la transition vers la majorité, les jeunes victimes doivent être accompagnées au-delà de 18 ans.']))).toEqual([]);
  });
});
