/** A card marks only what tells why it matched (issue 11, item 7): each word once, whole, a few at most. */
import { describe, expect, test } from 'vitest';
import { sparseHighlights } from '../../components/highlights';

const marked = (text: string, ranges: [number, number][], max?: number) => sparseHighlights(text, ranges, max).map(([a, b]) => text.slice(a, b));

describe('sparseHighlights', () => {
  test.each([
    { why: 'each word once: its first occurrence', text: 'la traite et la traite encore', ranges: [[3, 9], [16, 22]] as [number, number][], out: ['traite'] },
    { why: 'whole words, never a cut inside one', text: 'la création du fonds', ranges: [[4, 8]] as [number, number][], out: ['création'] },
    { why: 'case and accents do not make another word', text: 'Séjour puis sejour', ranges: [[0, 6], [12, 18]] as [number, number][], out: ['Séjour'] },
  ])('$why', ({ text, ranges, out }) => {
    expect(marked(text, ranges)).toEqual(out);
  });

  test('at most `max` words, the longer ones, kept in reading order', () => {
    const text = 'un délai de réflexion pour les victimes de traite';
    const words = ['délai', 'réflexion', 'victimes', 'traite'].map((w) => [text.indexOf(w), text.indexOf(w) + w.length] as [number, number]);
    expect(marked(text, words, 2)).toEqual(['réflexion', 'victimes']);
  });
});
