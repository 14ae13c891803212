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

  test('a short paragraph under a <blockquote> (an HTML reply) takes neither the quote nor the paragraph introducing it as context', () => {
    const [INTRO, QUOTED, MINE, NEXT] = [{}, {}, {}, {}];
    const reply: TextLine[] = [
      { text: 'Le 2026-12-03 10:00, Cabinet de la ministre a écrit\u00A0:', block: INTRO },
      { text: 'Nous vous confirmons la réunion du 12 janvier.', block: QUOTED, quote: 1 },
      { text: 'Madame,', block: MINE },
    ];
    expect(pickParagraph(reply, 2)).toEqual({ text: 'Madame,' });
    expect(pickParagraph([...reply, { text: LONG, block: NEXT }], 2)).toEqual({ text: 'Madame,', context: LONG });
    // Above the quote (top posting), the introducing paragraph is not taken either.
    expect(pickParagraph([{ text: 'Madame,', block: MINE }, ...reply.slice(0, 2)], 0)).toEqual({ text: 'Madame,' });
  });

  test('a very long paragraph is cut', () => {
    expect(pickParagraph([{ text: 'a'.repeat(10_000) }], 0).text).toHaveLength(4000);
  });
});

describe('linesOfValue (textarea)', () => {
  const pickInText = (value: string, caret: number) => {
    const { lines, caretLine } = linesOfValue(value, caret);
    return pickParagraph(lines, caretLine);
  };

  test('finds the caret line from a character offset', () => {
    const value = 'Bonjour,\n\nPremier paragraphe.\nSuite.\n\nFin';
    const { lines, caretLine } = linesOfValue(value, value.indexOf('Suite') + 2);
    expect(caretLine).toBe(3);
    expect(pickParagraph(lines, caretLine).text).toBe('Premier paragraphe.\nSuite.');
  });

  // Roundcube's reply: the caret goes on the line right under the quote, no blank line between.
  const REPLY = ['Le 2026-12-03 10:00, Cabinet de la ministre a écrit :', '> Madame,', '> ', '> Nous vous confirmons la réunion du 12 janvier.', '> Le cabinet', LONG].join('\n');

  test('a reply written right under a mail quote is read without the quote or the line that introduces it', () => {
    expect(pickInText(REPLY, REPLY.length)).toEqual({ text: LONG });
  });

  test('written right above a quote (top posting), the line that introduces the quote is not read either', () => {
    const value = `${LONG}\nOn Thu, Dec 3, 2026, Cabinet wrote:\n> Dear Madam,\n> the meeting is confirmed.`;
    expect(pickInText(value, LONG.length).text).toBe(LONG);
  });

  test('a short line under a quote (« Madame, ») takes no quote as context: the next paragraph, or nothing', () => {
    const shortUnder = `${REPLY.slice(0, REPLY.lastIndexOf('\n'))}\nMadame,`;
    expect(pickInText(shortUnder, shortUnder.length)).toEqual({ text: 'Madame,' });
    const withNext = `${shortUnder}\n\n${LONG}`;
    expect(pickInText(withNext, shortUnder.length)).toEqual({ text: 'Madame,', context: LONG });
  });

  test('with the caret in the quote, the quote is read without its marks, one depth at a time', () => {
    const value = '> > Question du cabinet ?\n> Réponse citée sur le délai de réflexion,\n> sur deux lignes.\n\nMa réponse.';
    expect(pickInText(value, value.indexOf('deux')).text).toBe('Réponse citée sur le délai de réflexion,\nsur deux lignes.');
  });

  test('a line ending with a colon and no quote under it stays the user’s', () => {
    const value = `Notre position est la suivante :\n${LONG}`;
    expect(pickInText(value, value.length).text).toBe(`Notre position est la suivante :\n${LONG}`);
  });

  // A forwarded message carries no `>`: Roundcube (its own words, `compose.php`), Thunderbird, Outlook.
  const MINISTER = 'Nous vous confirmons que le délai de réflexion des victimes de la traite sera examiné.';
  test.each([
    ['Roundcube’s inline forward', `-------- Courriel original --------\nObjet: Réunion\nDate: 2026-12-03 10:00\nDe: Cabinet de la ministre\n\n${MINISTER}`],
    ['Outlook’s original message', `-----Message d'origine-----\nDe : Cabinet de la ministre\nEnvoyé : mardi 3 décembre 2026\n\n${MINISTER}`],
    ['Gmail’s forwarded message', `---------- Forwarded message ---------\nFrom: Cabinet <cabinet@gouv.fr>\n\n${MINISTER}`],
    ['Outlook’s rule over the original’s header', `________________________________\nDe : Cabinet de la ministre\nObjet : Réunion\n\n${MINISTER}`],
    ['a signature', `-- \nMarie Dupont\nCollectif « Ensemble contre la traite des êtres humains »\n\n${MINISTER}`],
  ])('a short line above %s takes none of it as context, and a long one none of it as its own', (_name, below) => {
    expect(pickInText(`Madame,\n\n\n${below}`, 3)).toEqual({ text: 'Madame,' });
    // No blank line between (a signature right under the last line): still not the user's paragraph.
    expect(pickInText(`${LONG}\n${below}`, 5)).toEqual({ text: LONG });
    // The caret in the forwarded message reads it, as it reads a quote.
    const value = `Madame,\n\n${below}`;
    expect(pickInText(value, value.length).text).toBe(MINISTER);
  });

  test('dashes and underscores that open no message leave the text the user’s', () => {
    expect(pickInText(`Court.\n\n-- Ordre du jour --\n${LONG}`, 2)).toEqual({ text: 'Court.', context: `-- Ordre du jour --\n${LONG}` });
    expect(pickInText(`Court.\n\n__________\n${LONG}`, 2)).toEqual({ text: 'Court.', context: `__________\n${LONG}` });
  });
});
