/**
 * Inserted wording joined as a writer would (issue 11, item 1): the cases the review met in both
 * demo editors, and the edges around them. Every row gives the text around the caret and what the
 * paragraph reads after the insert.
 */
import { describe, expect, test } from 'vitest';
import { joinAtCaret } from '../../utils/editors/joinAtCaret';

const W = 'Les préfectures doivent délivrer un titre de séjour.';
const read = (before: string, insert: string, after: string) => before + joinAtCaret(before, insert, after).text + after;

describe('joinAtCaret', () => {
  test.each([
    { why: 'after a sentence: one space', before: '…avec la justice.', after: '', reads: `…avec la justice. ${W}` },
    { why: 'after a sentence and a quote', before: 'du plan d’action.', insert: '« En premier lieu… »', after: '', reads: 'du plan d’action. « En premier lieu… »' },
    { why: 'at the start of an empty paragraph: nothing', before: '', after: '', reads: W },
    { why: 'after a space already typed: no double space', before: 'avec la justice. ', after: '', reads: `avec la justice. ${W}` },
    { why: 'after a no-break space (editors end lines with one)', before: 'avec la justice.\u00A0', after: '', reads: `avec la justice.\u00A0${W}` },
    { why: 'mid-sentence without a space: one space', before: 'Nous demandons que', insert: 'le délai soit porté à trois mois', after: '', reads: 'Nous demandons que le délai soit porté à trois mois' },
    { why: 'before a word: a space after too', before: 'Nous demandons', insert: 'instamment', after: 'que le délai', reads: 'Nous demandons instamment que le délai' },
    { why: 'before a space: none added after', before: 'Nous demandons', insert: 'instamment', after: ' que le délai', reads: 'Nous demandons instamment que le délai' },
    { why: 'before closing punctuation: none added after', before: 'Nous demandons', insert: 'instamment', after: '.', reads: 'Nous demandons instamment.' },
    { why: 'after an opening bracket: glued', before: 'Nous demandons (', insert: 'mesure 5', after: ')', reads: 'Nous demandons (mesure 5)' },
    { why: 'the wording’s own outer spaces are dropped', before: 'justice.', insert: `  ${W}  `, after: '', reads: `justice. ${W}` },
  ])('$why', ({ before, insert = W, after, reads }) => {
    expect(read(before, insert, after)).toBe(reads);
    expect(read(before, insert, after)).not.toMatch(/ {2}/);
  });

  test('says what it added', () => {
    expect(joinAtCaret('justice.', W, 'Suite')).toEqual({ text: ` ${W} `, lead: ' ', trail: ' ' });
    expect(joinAtCaret('', '   ', '')).toEqual({ text: '', lead: '', trail: '' });
  });
});
