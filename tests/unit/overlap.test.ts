import { describe, expect, test } from 'vitest';
import { bandOf, lexicalOverlap, OVERLAP_BANDS, overlapTable } from '../../data/tools/overlap';
import { shippedLibrary } from '../../data/tools/cli-lib';
import { buildIndex } from '../../data/engine/searchIndex';
import type { EvalQuery } from '../../data/tools/evaluate';

const library = shippedLibrary();
const passage = library.positions.find((p) => p.author === 'collectif' && /délai de réflexion/.test(p.text))!;

describe('how much a line says its answer’s words', () => {
  test('a line cut from its passage shares all of them; a paraphrase few; a phrase no passage holds, no answer', () => {
    expect(lexicalOverlap(passage.text, ['délai de réflexion'], library.positions)).toBe(1);
    expect(lexicalOverlap('Il faut laisser aux personnes le temps de souffler avant de décider.', ['délai de réflexion'], library.positions)).toBeLessThan(0.35);
    expect(lexicalOverlap(passage.text, ['une phrase que personne n’a écrite'], library.positions)).toBeUndefined();
  });

  test('bands: 60 % and more, 35 to 60 %, less', () => {
    expect([1, 0.6, 0.59, 0.35, 0.34, 0].map(bandOf)).toEqual([0, 0, 1, 1, 2, 2].map((i) => OVERLAP_BANDS[i].name));
  });

  test('the table counts each on-topic line once, in its band, for the engine and plain BM25 alike', () => {
    const queries: EvalQuery[] = [
      { id: 'a', kind: 'topic', text: passage.text, expect: { anyText: ['délai de réflexion'] } },
      { id: 'b', kind: 'topic', text: 'Il faut laisser aux victimes le temps de souffler avant de décider de porter plainte.', expect: { anyText: ['délai de réflexion'] } },
      { id: 'c', kind: 'offtopic', text: 'La réunion de bureau est reportée.', expect: { empty: true } },
    ];
    const table = overlapTable(buildIndex(library), [{ name: 'essai', queries }]).split('\n');
    expect(table).toHaveLength(2 + OVERLAP_BANDS.length + 1);
    const row = (band: string) => table.find((r) => r.includes(band))!.split('|').map((c) => c.trim());
    expect(row(OVERLAP_BANDS[0].name)[3]).toBe('1');
    expect(row(OVERLAP_BANDS[0].name)[4]).toBe('1.00 / 1.00');
    expect(row(OVERLAP_BANDS[0].name)[5]).toBe('1.00 / 1.00');
    expect(row(OVERLAP_BANDS[1].name)[3]).toBe('0');
    expect(row(OVERLAP_BANDS[2].name)[3]).toBe('1');
    expect(row('toutes')[3]).toBe('2');
  });

  test('a half read with the band mix of another: each band’s rate weighted by the other half’s share of lines', () => {
    const lexical = library.positions.filter((p) => p.author === 'collectif' && /délai de réflexion/.test(p.text)).slice(0, 3);
    const line = (id: string, text: string): EvalQuery => ({ id, kind: 'topic', text, expect: { anyText: ['délai de réflexion'] } });
    const paraphrase = line('p', 'Il faut laisser aux victimes le temps de souffler avant de décider de porter plainte.');
    // Tuning: one line cut from a passage, three paraphrases (a quarter, three quarters).
    const tuning = [line('t1', lexical[0].text), paraphrase, { ...paraphrase, id: 'p2' }, { ...paraphrase, id: 'p3' }];
    // Held-out: three cut lines, one paraphrase (three quarters, a quarter).
    const heldOut = [...lexical.map((p, i) => line(`h${i}`, p.text)), paraphrase];
    const table = overlapTable(buildIndex(library), [{ name: 'réglage', queries: tuning }, { name: 'témoin', queries: heldOut }], 'réglage').split('\n');
    const cells = (set: string, band: string) => table.find((r) => r.startsWith(`| ${set} | ${band} |`))!.split('|').map((c) => c.trim());
    const hit = (set: string, band: string) => Number(cells(set, band)[4].split(' / ')[0]);
    const weighted = cells('témoin', 'toutes, bandes au poids de « réglage »');
    expect(weighted[3]).toBe('4');
    expect(Number(weighted[4].split(' / ')[0])).toBeCloseTo(0.25 * hit('témoin', OVERLAP_BANDS[0].name) + 0.75 * hit('témoin', OVERLAP_BANDS[2].name), 2);
    // The reference half gets no weighted row of its own.
    expect(table.some((r) => r.startsWith('| réglage | toutes, bandes'))).toBe(false);
  });
});
