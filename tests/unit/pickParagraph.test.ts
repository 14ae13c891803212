/**
 * The paragraph around the caret, from lines (utils/editors/pickParagraph.ts): which lines make a
 * paragraph, when the neighbour comes as context, and what is cleaned away.
 */
import { describe, expect, test } from 'vitest';
import { linesOfValue, pickParagraph, type TextLine } from '../../utils/editors/pickParagraph';

const P1 = {};
const P2 = {};
const LONG = 'Le Collectif demande que le délai de réflexion soit porté à trois mois pour toutes les victimes.';

describe('pickParagraph', () => {
  test.each<[string, TextLine[], number, { text: string; context?: string }]>([
    ['a paragraph element is one paragraph, soft line breaks included', [{ text: 'Ligne un,', block: P1 }, { text: 'ligne deux.', block: P1 }, { text: LONG, block: P2 }], 0, { text: 'Ligne un,\nligne deux.', context: LONG }],
    ['two paragraph elements side by side are two paragraphs', [{ text: LONG, block: P1 }, { text: 'Court.', block: P2 }], 1, { text: 'Court.', context: LONG }],
    ['bare lines (Gmail divs, textarea) run until a blank line', [{ text: 'Bonjour,' }, { text: '' }, { text: LONG }, { text: 'suite du paragraphe.' }, { text: '' }, { text: 'Cordialement' }], 3, { text: `${LONG}\nsuite du paragraphe.` }],
    ['a long paragraph comes alone', [{ text: 'Avant.' }, { text: '' }, { text: LONG }], 2, { text: LONG }],
    ['a short paragraph at the top takes the next one as context', [{ text: 'Objet' }, { text: '' }, { text: LONG }], 0, { text: 'Objet', context: LONG }],
    ['the caret on a blank line is an empty paragraph', [{ text: LONG }, { text: '' }], 1, { text: '' }],
    ['an empty editor', [{ text: '' }], 0, { text: '' }],
    ['zero-width placeholders and non-breaking spaces are cleaned', [{ text: '\u200Bdélai\u00A0de réflexion\uFEFF' }], 0, { text: 'délai de réflexion' }],
  ])('%s', (_name, lines, caretLine, expected) => {
    expect(pickParagraph(lines, caretLine)).toEqual(expected);
  });

  test('a very long paragraph is cut', () => {
    expect(pickParagraph([{ text: 'a'.repeat(10_000) }], 0).text).toHaveLength(4000);
  });
});

describe('linesOfValue (textarea)', () => {
  test('finds the caret line from a character offset', () => {
    const value = 'Bonjour,\n\nPremier paragraphe.\nSuite.\n\nFin';
    const { lines, caretLine } = linesOfValue(value, value.indexOf('Suite') + 2);
    expect(caretLine).toBe(3);
    expect(pickParagraph(lines, caretLine).text).toBe('Premier paragraphe.\nSuite.');
  });
});
