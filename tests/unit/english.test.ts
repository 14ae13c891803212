/**
 * A look-up typed in English read as the library's French (data/engine/english.ts, the search box only): the
 * reviewed table names concepts that exist, each expression once; the search box reads English look-ups and says
 * how, and leaves French ones as they were.
 */
import { describe, expect, test } from 'vitest';
import { createEnglishReader } from '../../data/engine/english';
import { SHIPPED_CONCEPTS } from '../../data/engine/concepts';
import english from '../../data/engine/thesaurus/english.json';
import { createMatcher } from '../../data/engine/match';
import { createSearch } from '../../data/engine/search';
import { buildIndex } from '../../data/engine/searchIndex';
import { fold } from '../../data/engine/normalise';
import { shippedLibrary } from '../../data/tools/cli-lib';

const library = shippedLibrary();
const search = createSearch(library, createMatcher(buildIndex(library)));
const all = (text: string, extra = {}) => search({ text, limit: 1000, ...extra });

describe('the reviewed English table', () => {
  test('names concepts the thesaurus has, and each English expression means one thing', () => {
    const ids = new Set(SHIPPED_CONCEPTS.map((c) => c.id));
    expect(Object.keys(english.concepts).filter((id) => !ids.has(id))).toEqual([]);
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [id, expressions] of Object.entries(english.concepts))
      for (const e of expressions) {
        if (seen.has(e) && seen.get(e) !== id) twice.push(`${e}: ${seen.get(e)} and ${id}`);
        seen.set(e, id);
      }
    for (const e of Object.keys(english.words)) if (seen.has(e)) twice.push(`${e}: ${seen.get(e)} and words`);
    expect(twice).toEqual([]);
  });

  test('reads the longest expression first, plurals as singulars, small words let go', () => {
    const read = createEnglishReader(SHIPPED_CONCEPTS);
    expect(read('residence permits')?.french).toBe('titre de séjour');
    expect(read('the recovery and reflection period')?.french).toBe('délai de réflexion');
    expect(read('housing for minors')).toMatchObject({ french: 'hébergement mineurs', whole: true });
    // A word it does not know is left over: the reading is not whole.
    expect(read('housing xyzzy')?.whole).toBe(false);
    expect(read('réunion du bureau')).toBeUndefined();
  });

  test('a concept renamed or removed drops its English, and nothing else', () => {
    const read = createEnglishReader(SHIPPED_CONCEPTS.filter((c) => c.id !== 'hebergement'));
    expect(read('housing')).toBeUndefined();
    expect(read('residence permit')?.french).toBe('titre de séjour');
  });
});

describe('the search box reads English look-ups', () => {
  // Until the forty-sixth session each of these found nothing (« minors », 4 passages on « minorité »).
  test.each([
    ['housing', 'hébergement', /heberg/],
    ['residence permit', 'titre de séjour', /sejour/],
    ['reflection period', 'délai de réflexion', /delai de reflexion/],
    ['minors', 'mineurs', /mineur/],
    ['compensation for victims', 'indemnisation victimes', /indemnis/],
  ])('« %s » is looked up as « %s »', (typed, french, holds) => {
    const answer = all(typed);
    expect(answer.readAs).toBe(french);
    expect(answer.total).toBeGreaterThan(2);
    expect(answer.hits.every((h) => holds.test(fold(h.position.text)))).toBe(true);
    // The same passages as the French typed.
    expect(answer.hits.map((h) => h.position.id)).toEqual(all(french).hits.map((h) => h.position.id));
  });

  test('in an English question: the body asked for, on the subject read in French', () => {
    const answer = all('what did the government say about housing');
    expect(answer.author).toBe('gouvernement');
    expect(answer.readAs).toBe('hébergement');
    expect(answer.total).toBeGreaterThan(0);
    expect(answer.hits.every((h) => h.position.author === 'gouvernement' && /heberg/.test(fold(h.position.text)))).toBe(true);
  });

  test('French look-ups are read as they were: the same words, nothing said about English', () => {
    for (const typed of ['associations', 'prostitution', 'justice', 'titre de séjour', 'réserver train vacances', 'météo demain paris']) {
      expect(all(typed).readAs, typed).toBeUndefined();
    }
    expect(all('associations').total).toBeGreaterThan(50);
  });
});
