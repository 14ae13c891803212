import { describe, expect, test } from 'vitest';
import { compileIdioms, IDIOMS, oneSlipApart } from '../../data/engine/idioms';
import { fold } from '../../data/engine/normalise';

describe('thesaurus/idioms.json', () => {
  test('every entry is well formed, matches its idiom as written, and is there once', () => {
    const seen = new Set<string>();
    for (const e of IDIOMS) {
      expect(e.idiom, JSON.stringify(e)).toBeTruthy();
      expect(e.means, e.idiom).toBeTruthy();
      expect(seen.has(fold(e.idiom)), `twice: ${e.idiom}`).toBe(false);
      seen.add(fold(e.idiom));
      expect(compileIdioms([e]).gloss(e.idiom), `the pattern of « ${e.idiom} » does not match it`).toContain(` ${e.means}`);
    }
    expect(IDIOMS.length).toBeGreaterThan(100);
  });

  test('a meaning is plain words: no idiom of the list reads in it', () => {
    const idioms = compileIdioms(IDIOMS);
    for (const e of IDIOMS) expect(idioms.gloss(e.means), e.idiom).toBe(e.means);
  });
});

describe('compileIdioms', () => {
  const idioms = compileIdioms(IDIOMS);

  test('each idiom is followed by its meaning, the text around it kept as written', () => {
    expect(idioms.gloss('Avec des bouts de ficelle, impossible d’agir.')).toBe('Avec des bouts de ficelle des moyens dérisoires, insuffisants, impossible d’agir.');
    // Accents, capitals and curly apostrophes do not matter; two idioms in one sentence are both read.
    expect(idioms.gloss('Pieds et poings liés, elles restent à la merci d’un réseau.')).toBe(
      'Pieds et poings liés la contrainte, l\'emprise, l\'impuissance, elles restent à la merci l\'emprise, la vulnérabilité d’un réseau.',
    );
  });

  test('only whole words: an idiom inside a longer word, or the words of an idiom apart, are not read', () => {
    for (const text of ['Une remarque sur le carreaulage.', 'Le trottoir devant la gare est en travaux.', 'Un fil électrique et une patte de fixation.'])
      expect(idioms.gloss(text)).toBe(text);
  });

  test('an idiom whose words are common in office mail is read only in its figurative frame', () => {
    // « dans les cartons » and « la loterie » are literal in an association's mail; « rester dans les cartons » and
    // « c'est une loterie » are not.
    for (const text of ['Les archives sont encore dans les cartons depuis le déménagement.', 'Les lots de la loterie de Noël sont arrivés.'])
      expect(idioms.gloss(text)).toBe(text);
    expect(idioms.gloss('Le plan reste dans les cartons.')).not.toBe('Le plan reste dans les cartons.');
    expect(idioms.gloss('Le titre de séjour, c’est une vraie loterie.')).not.toBe('Le titre de séjour, c’est une vraie loterie.');
  });

  test('an empty list reads nothing', () => {
    expect(compileIdioms([]).gloss('Avec des bouts de ficelle.')).toBe('Avec des bouts de ficelle.');
    expect(compileIdioms([]).mend('Avec des bouts de ficele.')).toBe('Avec des bouts de ficele.');
  });

  test('an idiom typed with a slip in one of its words is made whole, and then read', () => {
    // Written for this test: a letter left out, two swapped, one too many, one for another.
    expect(idioms.mend('Ces femmes restent pieds et poigns liés.')).toBe('Ces femmes restent pieds et poings liés.');
    expect(idioms.mend('On travaille avec des bouts de ficele.')).toBe('On travaille avec des bouts de ficelle.');
    expect(idioms.mend('Le ministère fait la sourde oreillle.')).toBe('Le ministère fait la sourde oreille.');
    expect(idioms.gloss(idioms.mend('Les promesses sont restées letre morte.'))).toContain('lettre morte ');
  });

  test('a word one slip from an idiom\'s word is left as written when no idiom reads with it', () => {
    for (const text of ['Les poigns de porte du local sont cassés.', 'Une ficele pour les colis.', 'Pieds et poings liés, déjà lu.'])
      expect(idioms.mend(text)).toBe(text);
  });
});

describe('oneSlipApart', () => {
  test('one slip as typing makes them, the first letter as written', () => {
    for (const [typed, word] of [
      ['poigns', 'poings'],
      ['ficele', 'ficelle'],
      ['oreillle', 'oreille'],
      ['lendemian', 'lendemain'],
      ['combatant', 'combattant'],
      ['mortr', 'morte'],
    ])
      expect(oneSlipApart(typed, word), `${typed} / ${word}`).toBe(true);
    for (const [typed, word] of [
      ['poings', 'poings'],
      ['loings', 'poings'],
      ['pigons', 'poings'],
      ['ficel', 'ficelle'],
    ])
      expect(oneSlipApart(typed, word), `${typed} / ${word}`).toBe(false);
  });
});
