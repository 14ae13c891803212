import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze, analyzeWithSurface, fold, isStopWord, stem, tokenize } from '../../data/engine/normalise';

describe('fold', () => {
  test.each([
    { input: 'ÉTAT', expected: 'etat', why: 'capitals lose case and accents: « ÉTAT », « Etat », « état » are one word' },
    { input: 'l’œuvre', expected: "l'oeuvre", why: 'typographic apostrophe → straight, œ ligature opened' },
    { input: 'curriculum vitæ', expected: 'curriculum vitae', why: 'æ ligature opened' },
    { input: '\ufb01nancement', expected: 'financement', why: 'PDF text carries the ﬁ ligature; NFKD opens it' },
    { input: 'e\u0301tat', expected: 'etat', why: 'a decomposed accent (e + combining acute) folds like a precomposed one' },
    { input: 'Question\u202f: délai\u00a0?', expected: 'question : delai ?', why: 'narrow and ordinary no-break spaces of French typography are spaces' },
    { input: '2014–2016 — 2019‑2021', expected: '2014-2016 - 2019-2021', why: 'en dash, em dash and non-breaking hyphen become a hyphen' },
    { input: '  trop \n\t d’espaces  ', expected: "trop d'espaces", why: 'white space is collapsed and trimmed' },
    { input: 'so\u00adciale', expected: 'sociale', why: 'a soft hyphen left by PDF extraction disappears' },
    { input: 'l‘ASE lʼASE l`ASE', expected: "l'ase l'ase l'ase", why: 'every apostrophe look-alike is an apostrophe' },
  ])('$input → $expected ($why)', ({ input, expected }) => {
    expect(fold(input)).toBe(expected);
  });
});

describe('tokenize', () => {
  test.each([
    { input: 'l’ASE', expected: ['ase'], why: 'elision with a typographic apostrophe' },
    { input: "qu'il, qu’elle", expected: ['il', 'elle'], why: "qu' is an elision, straight or curly" },
    { input: 'jusqu’à l’État', expected: ['a', 'etat'], why: "jusqu' and l' are elided" },
    { input: 'lorsqu’elles puisqu’il quoiqu’on quelqu’un', expected: ['elles', 'il', 'on', 'un'], why: "the conjunctions' elisions" },
    { input: 'd’abord c’est n’a s’il m’a t’a j’ai', expected: ['abord', 'est', 'a', 'il', 'a', 'a', 'ai'], why: "the one-letter elisions d' c' n' s' m' t' j'" },
    { input: 'aujourd’hui, prud’hommes', expected: ['aujourdhui', 'prudhommes'], why: 'an apostrophe inside a word is not an elision: the word stays whole' },
    { input: 'porte-parole', expected: ['porte', 'parole'], why: 'a compound gives its parts, so « porte parole » matches it' },
    { input: 'sous-traitance', expected: ['sous', 'traitance'], why: 'same for prefixed compounds' },
    { input: '2014-2016', expected: ['2014', '2016'], why: 'a range gives both years' },
    { input: 'Ac.Sé, AC-Sé, Acsé', expected: ['acse', 'acse', 'acse'], why: 'an abbreviation of short dotted or capitalised segments is one word' },
    { input: 'O.I.T.', expected: ['oit'], why: 'a dotted acronym is one word' },
    { input: 'a-t-il', expected: ['a', 't', 'il'], why: 'short lower-case hyphenated segments are not an abbreviation' },
    { input: 'fin.Le texte', expected: ['fin', 'le', 'texte'], why: 'a missing space after a full stop does not glue two words' },
    { input: 'mesure 4 bis, PAN2', expected: ['mesure', '4', 'bis', 'pan2'], why: 'digits are kept; « 4 bis » and « PAN2 » are for measureRefs' },
  ])('$input → $expected ($why)', ({ input, expected }) => {
    expect(tokenize(input)).toEqual(expected);
  });
});

describe('stem (Snowball French on folded words)', () => {
  test.each([
    { words: ['victimes', 'victime', 'VICTIMES'], why: 'plural and case' },
    { words: ['hébergées', 'hébergement', 'héberger', 'hebergees'], why: 'participle, noun and verb share a stem; accents do not matter' },
    { words: ['mineurs', 'mineures', 'mineur'], why: 'gender and number' },
    { words: ['exploitation', 'exploités', 'exploitées'], why: 'noun and participles' },
    { words: ['délai', 'délais', 'delai'], why: 'plural in -s, with or without accent' },
    { words: ['identification', 'identifiées', 'identifier'], why: '-ées needs its accent back for Snowball: restored before stemming' },
    { words: ['prostitution', 'prostituées'], why: 'noun and participle' },
    { words: ['départementaux', 'départemental'], why: 'plural in -aux' },
    { words: ['œuvre', 'oeuvre'], why: 'ligature or not' },
    { words: ['étranger', 'étrangers', 'étrangère', 'étrangères'], why: 'Snowball read « étranger » as a verb in -er: overridden' },
    { words: ['délit', 'délits'], why: 'Snowball cut « délit » to « del »: overridden' },
    { words: ['danger', 'dangers'], why: 'overridden, like « étranger »' },
    { words: ['commission', 'commissions'], why: 'Snowball cut the plural to « comm »: overridden' },
    { words: ['réflexion', 'réflexions'], why: 'Snowball cut the plural to « reflex »: overridden' },
    { words: ['loi', 'lois'], why: 'Snowball left « lois » whole: overridden' },
    { words: ['loyer', 'loyers'], why: 'Snowball sent « loyer » to « loi »: overridden' },
  ])('$words share a stem ($why)', ({ words }) => {
    expect(new Set(words.map(stem)).size).toBe(1);
  });

  test.each([
    { a: 'réflexion', b: 'réfléchir', why: 'Snowball keeps derivations apart: the noun and the verb differ' },
    { a: 'sécurité', b: 'sécurisant', why: 'different suffixes, different stems' },
    { a: 'enfance', b: 'enfants', why: '« enfance » (ASE) and « enfants » are not conflated' },
    { a: 'loyer', b: 'loi', why: 'the rent is not the law' },
  ])('$a and $b differ ($why)', ({ a, b }) => {
    expect(stem(a)).not.toBe(stem(b));
  });

  test.each([
    { a: 'traitement', b: 'traite', why: 'treatment is not trafficking' },
    { a: 'données', b: 'donne', why: 'data, not « gives »' },
    { a: 'fonds', b: 'fond', why: 'a fund, not « au fond »' },
    { a: 'avoirs', b: 'avoir', why: 'criminal assets, not the verb' },
    { a: 'collecte', b: 'Collectif', why: 'collecting data is not the Collectif' },
    { a: 'directive', b: 'directement', why: 'an EU directive is not « directly »' },
    { a: 'placement', b: 'places', why: 'a child’s placement is not a shelter’s places' },
    { a: 'départements', b: 'départ', why: 'départements are not a departure' },
    { a: 'égalité', b: 'également', why: 'equality is not « also »' },
    { a: 'nationalité', b: 'national', why: 'a nationality is not « national »' },
    { a: 'formes', b: 'former', why: 'the forms of exploitation are not training' },
    { a: 'pays', b: 'payés', why: 'a country of origin is not a wage' },
    { a: 'fins', b: 'finissent', why: '« à des fins d’exploitation » is a purpose, not an end' },
    { a: 'traitée', b: 'traite', why: 'a request dealt with is not trafficking' },
    { a: 'forcément', b: 'forcé', why: '« pas forcément » says nothing of forced labour' },
    { a: 'assurance', b: 'assurer', why: 'an insurance is not « assurer la protection »' },
    { a: 'consulter', b: 'consultative', why: 'consulting a website is not the Commission nationale consultative' },
    { a: 'collection', b: 'Collectif', why: 'a collection of books is not the Collectif' },
    { a: 'moyenne', b: 'moyens', why: 'an average is not the means the plan needs' },
    { a: 'droite', b: 'droits', why: '« à droite » is not rights' },
    { a: 'chanter', b: 'chantier', why: 'singing is not a building site' },
    { a: 'blanche', b: 'blanchiment', why: 'a sleepless night is not money laundering' },
    { a: 'indemnes', b: 'indemniser', why: 'unharmed is not compensated' },
    { a: 'identifiant', b: 'identification', why: 'a login is not the identification of victims' },
    { a: 'parcourir', b: 'parcours', why: 'reading a document through is not an exit programme' },
    { a: 'publication', b: 'publique', why: 'a newsletter is not public policy' },
    { a: 'collective', b: 'Collectif', why: 'a staff meeting is not the Collectif' },
    { a: 'cases', b: 'cas', why: 'boxes to tick are not cases' },
    { a: 'initiation', b: 'initiative', why: 'a beginners’ class is not an initiative' },
    { a: 'mécanique', b: 'mécanisme', why: 'a garage is not the referral mechanism' },
    { a: 'Seine', b: 'sein', why: 'Seine-Saint-Denis is not « au sein de »' },
    { a: 'traits', b: 'traite', why: 'features are not trafficking' },
    { a: 'traitera', b: 'traite', why: '« le service le traitera » is not trafficking' },
    { a: 'pénalité', b: 'pénale', why: 'a late fee is not criminal law' },
    { a: 'exploit', b: 'exploitation', why: 'a feat is not exploitation' },
  ])('$a and $b, which Snowball stems alike, differ ($why)', ({ a, b }) => {
    expect(stem(a)).not.toBe(stem(b));
  });

  test.each([
    ['données', 'donnée'],
    ['directive', 'directives'],
    ['placement', 'placements'],
    ['départements', 'département'],
    ['traitement', 'traitements'],
    ['forme', 'formes'],
    ['former', 'formées'],
    ['payés', 'payer'],
    ['traitée', 'traiter'],
    ['traitent', 'traiter'],
    ['traitera', 'traiter'],
    ['paiement', 'payées'],
  ])('« %s » and « %s » still share their own stem', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });
});

describe('stop words', () => {
  test.each([
    { word: 'les', stop: true, why: 'article (Snowball list)' },
    { word: 'ne', stop: true, why: 'negation particle (Snowball list): a bag of words cannot use it' },
    { word: 'pas', stop: true, why: 'same' },
    { word: 'ete', stop: true, why: 'forms of être and avoir (Snowball list), folded' },
    { word: 'cette', stop: true, why: 'demonstrative Snowball leaves out, added' },
    { word: 'suivante', stop: true, why: '« notre position est la suivante » announces, says nothing (and would be `suiv`, the plan’s « suivi »)' },
    { word: 'suivi', stop: false, why: 'the monitoring of a plan carries a position' },
    { word: 'madame', stop: true, why: 'letter formula: every letter to a cabinet has it' },
    { word: 'cordialement', stop: true, why: 'letter formula' },
    { word: 'x', stop: true, why: 'a single letter left by « n° » or « L. 316-1 »' },
    { word: 'contre', stop: false, why: '« lutte contre » is a phrase of the field' },
    { word: 'non', stop: false, why: '« non mise en œuvre » is a CNCDH status' },
    { word: 'sans', stop: false, why: '« sans dépôt de plainte » carries a position' },
    { word: 'ministre', stop: false, why: 'titles can carry a position: not a formula' },
    { word: '4', stop: false, why: 'a digit is never a stop word' },
  ])('$word: $stop ($why)', ({ word, stop }) => {
    expect(isStopWord(word)).toBe(stop);
  });
});

describe('numbers', () => {
  test.each([
    { input: 'trente jours', expected: ['30', 'jour'], why: 'tens' },
    { input: 'trois mois', expected: ['3', 'mois'], why: 'units' },
    { input: 'quarante-cinq', expected: ['45'], why: 'hyphenated compound number' },
    { input: 'dix-huit ans', expected: ['18', 'an'], why: 'dix-sept to dix-neuf' },
    { input: 'vingt et un', expected: ['21'], why: '« et » inside a number' },
    { input: 'vingt-et-un', expected: ['21'], why: 'post-1990 spelling with hyphens' },
    { input: 'soixante-dix', expected: ['70'], why: 'soixante + dix' },
    { input: 'soixante et onze', expected: ['71'], why: 'soixante et onze' },
    { input: 'quatre-vingts', expected: ['80'], why: 'quatre-vingt(s) is 80, not 4 and 20' },
    { input: 'quatre-vingt-dix-neuf', expected: ['99'], why: 'the longest French tens' },
    { input: 'cent places', expected: ['100', 'plac'], why: 'hundred' },
    { input: 'deux cents', expected: ['200'], why: 'multiplied hundred' },
    { input: 'mille', expected: ['1000'], why: 'thousand' },
    { input: 'deux mille quatorze', expected: ['2014'], why: 'a year in words' },
    { input: 'trois millions', expected: ['3000000'], why: 'millions' },
    { input: '3 millions', expected: ['3000000'], why: 'digits then « millions » give the same' },
    { input: '1 500 places', expected: ['1500', 'plac'], why: 'space as thousands separator' },
    { input: 'deux, trois', expected: ['2', '3'], why: 'a comma ends a number' },
    { input: 'deux trois', expected: ['2', '3'], why: 'two units in a row are two numbers' },
    { input: 'un dispositif', expected: ['disposit'], why: '« un » alone is an article' },
    { input: 'un mois', expected: ['1', 'mois'], why: '« un » before a unit of time is a number' },
    { input: '30 pour cent', expected: ['30'], why: '« pour cent » is a percent sign, not 100' },
    { input: 'deuxième', expected: ['2e'], why: 'ordinal word' },
    { input: '2ème 2e 2nd second', expected: ['2e', '2e', '2e', '2e'], why: 'every way of writing « second »' },
    { input: '1er premier première', expected: ['1e', '1e', '1e'], why: 'every way of writing « first »' },
    { input: 'vingt-deuxième', expected: ['22e'], why: 'compound ordinal' },
    { input: 'troisièmes', expected: ['3e'], why: 'a plural ordinal' },
    { input: 'constructor', expected: [stem('constructor')], why: 'a word that names no number, even one every object has' },
  ])('$input → $expected ($why)', ({ input, expected }) => {
    expect(analyze(input)).toEqual(expected);
  });
});

describe('analyze: texts that must analyse the same', () => {
  test.each([
    { a: 'porter le délai à trente jours', b: 'porter le délai à 30 jours', why: 'number in words or digits' },
    { a: 'le deuxième plan', b: 'le 2e plan', why: 'ordinal in words or digits' },
    { a: 'le second plan', b: 'le 2ème plan', why: '« second » is « deuxième »' },
    { a: "L’ÉTAT", b: "l'etat", why: 'case, accents, apostrophe' },
    { a: 'victimes hébergées', b: 'victime HEBERGEE', why: 'inflection and capitals without accents' },
    { a: 'porte-parole', b: 'porte parole', why: 'hyphenated or not' },
    { a: 'le dispositif Ac.Sé', b: 'le dispositif AC-Sé', why: 'two spellings of the same abbreviation' },
    { a: 'Madame la Ministre, la mise en œuvre', b: 'ministre mise oeuvre', why: 'formula and stop words dropped' },
  ])('« $a » = « $b » ($why)', ({ a, b }) => {
    expect(analyze(a)).toEqual(analyze(b));
  });
});

describe('analyzeWithSurface: offsets in the original string', () => {
  test.each([
    { text: 'La mise en œuvre', word: 'oeuvre', surface: 'œuvre', why: 'œ is one character, oe two' },
    { text: 'Il faut qu’il œuvre', word: 'oeuvre', surface: 'œuvre', why: 'after an elided word and a ligature' },
    { text: 'le rôle de l’ÉTAT', word: 'etat', surface: 'ÉTAT', why: 'the elision is not highlighted' },
    { text: 'e\u0301tat', word: 'etat', surface: 'e\u0301tat', why: 'the combining accent stays inside the word' },
    { text: 'des ﬁnancements', word: 'financements', surface: 'ﬁnancements', why: 'one ligature character, two folded ones' },
    { text: 'pendant vingt et un jours', word: '21', surface: 'vingt et un', why: 'a number in words is one token over its words' },
    { text: '👍 victimes', word: 'victimes', surface: 'victimes', why: 'an emoji is two UTF-16 units' },
    { text: 'le dispositif Ac.Sé', word: 'acse', surface: 'Ac.Sé', why: 'an abbreviation spans its dots' },
    { text: '1 500 places', word: '1500', surface: '1 500', why: 'thousands joined over the space' },
  ])('$word ← « $surface » in « $text » ($why)', ({ text, word, surface }) => {
    const t = analyzeWithSurface(text).find((x) => x.word === word);
    expect(t).toBeDefined();
    expect(text.slice(t!.start, t!.end)).toBe(surface);
  });

  test('every word of a source maps back to what it folds from', () => {
    const text = readFileSync(join(__dirname, '../../data/library/seeds/002_235048df8b33cbc5.txt'), 'utf8');
    const tokens = analyzeWithSurface(text);
    expect(tokens.length).toBeGreaterThan(2000);
    const wrong = tokens.filter((t) => !/^\d/.test(t.word) && fold(text.slice(t.start, t.end)).replace(/[^a-z0-9]/g, '') !== t.word);
    expect(wrong).toEqual([]);
  });
});

describe('words only an accent tells from the library’s', () => {
  test('« traité » with its accent is the verb, « traite » without is trafficking', () => {
    expect(analyze('ce point sera traité jeudi')).toContain('traiter');
    expect(analyze('ce point sera traité jeudi')).not.toContain(stem('traite'));
    expect(analyze('la traite des êtres humains')).toContain(stem('traite'));
    expect(analyze('les traités internationaux')).not.toContain(stem('traite'));
  });

  test('« âgés » with its accent is the elderly, « âge » the age of a minor', () => {
    expect(analyze('des personnes âgées et un voisin âgé')).not.toContain(stem('âge'));
    expect(analyze('la détermination de l’âge')).toContain(stem('âge'));
  });

  test('« formés » with its accent is training, « formes » the forms of exploitation', () => {
    expect(analyze('des policiers formés')).toContain(stem('former'));
    expect(analyze('toutes les formes de traite')).toContain(stem('formes'));
    expect(stem('former')).not.toBe(stem('formes'));
  });
});
