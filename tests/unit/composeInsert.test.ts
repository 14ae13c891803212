/**
 * Issue 12 item 7: the Collectif-only rule holds in the background, not only in the UI. An insert
 * names a position and a variant; the text is composed from the library, and every CNCDH or
 * government position of the shipped library is refused.
 */
import { describe, expect, test } from 'vitest';
import bundled from '../../data/library/generated/library.json';
import { quoteForLetter } from '../../data/library/citation';
import { composeInsert, InsertRefusedError } from '../../data/library/composeInsert';
import { isDraftRemark, isOurs, type Library } from '../../data/library/schema';

const library = bundled as unknown as Library;

describe('composeInsert over the shipped library', () => {
  test('every position of the Collectif or a member: the wording verbatim, or with its source', () => {
    const ours = library.positions.filter((p) => isOurs(p.author) && !isDraftRemark(p));
    expect(ours.length).toBeGreaterThan(400);
    for (const p of ours) {
      expect(composeInsert(library, { kind: 'position', id: p.id, variant: 'plain' })).toBe(p.text);
      expect(composeInsert(library, { kind: 'position', id: p.id, variant: 'source' })).toBe(quoteForLetter(p, library.sources.find((s) => s.id === p.sourceId)));
    }
  });

  test('the citation style of the options: footnote, none; an unknown style is refused', () => {
    const p = library.positions.find((x) => isOurs(x.author) && !isDraftRemark(x))!;
    const source = library.sources.find((s) => s.id === p.sourceId);
    expect(composeInsert(library, { kind: 'position', id: p.id, variant: 'source', style: 'footnote' })).toBe(quoteForLetter(p, source, 'footnote'));
    expect(composeInsert(library, { kind: 'position', id: p.id, variant: 'source', style: 'none' })).toBe(quoteForLetter(p, source, 'none'));
    expect(() => composeInsert(library, { kind: 'position', id: p.id, variant: 'source', style: 'apa' as never })).toThrow(InsertRefusedError);
  });

  test('every CNCDH or government position is refused, in both variants', () => {
    const context = library.positions.filter((p) => !isOurs(p.author));
    expect(new Set(context.map((p) => p.author))).toEqual(new Set(['cncdh', 'gouvernement']));
    for (const p of context)
      for (const variant of ['plain', 'source'] as const)
        expect(() => composeInsert(library, { kind: 'position', id: p.id, variant })).toThrow(InsertRefusedError);
  });

  test('a remark on a draft’s wording is never inserted (the card only copies it, cited)', () => {
    const remarks = library.positions.filter((p) => isOurs(p.author) && isDraftRemark(p));
    for (const p of remarks) expect(() => composeInsert(library, { kind: 'position', id: p.id, variant: 'plain' })).toThrow(/remark on a draft's wording/);
  });

  test.each([
    ['a bare string', 'Un texte choisi par la page', /an insert names a position/],
    ['text instead of an id', { text: 'x' }, /an insert names a position/],
    ['no id', { kind: 'position', variant: 'plain' }, /needs the id of a position/],
    ['an unknown id', { kind: 'position', id: 'nope', variant: 'plain' }, /no position "nope"/],
    ['an unknown variant', { kind: 'position', id: library.positions[0]!.id, variant: 'html' }, /unknown insert variant "html"/],
  ])('%s is refused', (_name, request, error) => {
    expect(() => composeInsert(library, request)).toThrow(error);
  });
});
