/**
 * The letter outline (data/library/outline.ts): measures in the order chosen, each with the
 * Collectif's most recent wording verbatim and cited, the CNCDH status, and the government's last
 * answer as a labelled reminder. Nothing in it is invented, and no one else's words pass as ours.
 */
import { describe, expect, test } from 'vitest';
import { shippedLibrary } from '../../data/tools/cli-lib';
import { OUTLINE_LABELS, outline } from '../../data/library/outline';
import { CLOSE_QUOTE, OPEN_QUOTE } from '../../data/library/citation';
import { isOurs } from '../../data/library/schema';

const shipped = shippedLibrary();
const texts = (ours: boolean) => shipped.positions.filter((p) => isOurs(p.author) === ours).map((p) => p.text);

/** The outermost « … » quotations of a line (a wording may itself hold « possibilité »). */
function quotations(line: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    if (line.startsWith(OPEN_QUOTE, i)) {
      if (depth++ === 0) start = i + OPEN_QUOTE.length;
    } else if (line.startsWith(CLOSE_QUOTE, i) && depth > 0 && --depth === 0) out.push(line.slice(start, i));
  }
  return out;
}

describe('the outline of PAN1-4bis then PAN1-5', () => {
  const o = outline(shipped, ['PAN1-4bis', 'PAN1-5']);
  const lines = o.text.trim().split('\n').filter(Boolean);

  test('measures come in the order chosen, each under its title', () => {
    expect(o.sections.map((s) => s.measure.key)).toEqual(['PAN1-4bis', 'PAN1-5']);
    expect(outline(shipped, ['PAN1-5', 'PAN1-4bis']).sections.map((s) => s.measure.key)).toEqual(['PAN1-5', 'PAN1-4bis']);
    expect(lines[0]).toBe('Mesure 4 bis — Étendre le délai de réflexion et de rétablissement à trois mois');
  });

  test('every line is a title or starts with one of the allowed labels: no sentence of ours', () => {
    const titles = o.sections.map((s) => s.heading);
    for (const line of lines) {
      const labelled = Object.values(OUTLINE_LABELS).some((label) => line.startsWith(label));
      expect(labelled || titles.includes(line), line).toBe(true);
    }
  });

  test('the Collectif\u2019s wording is verbatim from its own passages, cited, and the most recent of them', () => {
    const ours = new Set(texts(true));
    for (const line of lines.filter((l) => l.startsWith(OUTLINE_LABELS.position))) {
      const [quote, ...rest] = quotations(line);
      expect(rest).toEqual([]);
      expect(ours.has(quote!), quote).toBe(true);
      // The citation follows in brackets: source, date, section.
      expect(line.slice(line.lastIndexOf(CLOSE_QUOTE))).toMatch(/\(.+, \d{1,2}(er)? \p{L}+ \d{4}/u);
    }
    for (const section of o.sections) {
      const newer = shipped.positions.filter((p) => isOurs(p.author) && p.measures.includes(section.measure.key) && p.date > section.position!.position.date);
      // Nothing newer names the measure: the position shown is the latest the Collectif gave on it directly.
      expect(newer.filter((p) => p.measures.length === 1)).toEqual([]);
    }
  });

  test('no government or CNCDH wording stands as the Collectif\u2019s; the government\u2019s is a labelled reminder', () => {
    const theirs = new Set(texts(false));
    for (const line of lines.filter((l) => l.startsWith(OUTLINE_LABELS.position))) for (const q of quotations(line)) expect(theirs.has(q) && !texts(true).includes(q)).toBe(false);
    const reminder = lines.find((l) => l.startsWith(OUTLINE_LABELS.government));
    expect(reminder).toBeDefined();
    const [said] = quotations(reminder!);
    expect(theirs.has(said!)).toBe(true);
    expect(reminder).toContain('— Mme Moiron-Braud, MIPROF');
  });

  test('the CNCDH status is the evaluation\u2019s own word for the measure', () => {
    expect(lines).toContain(`${OUTLINE_LABELS.cncdh}partiellement mise en œuvre`);
  });
});

describe('choices and mistakes', () => {
  test('narrowed to Matignon, only what was said there', () => {
    const o = outline(shipped, ['PAN1-5'], { with: 'Matignon' });
    expect(o.sections[0]!.position!.position.sourceId).toBe('cr-2014-06-24');
  });

  test('a measure chosen twice appears once', () => {
    expect(outline(shipped, ['PAN1-5', 'pan1-5']).sections).toHaveLength(1);
  });

  test.each([
    [[], /au moins une mesure/],
    [['PAN1-99'], /Mesure ou thème inconnu : « PAN1-99 »/],
    [['sejour'], /« sejour » est un thème/],
  ])('%j is refused with a message saying why', (keys, message) => {
    expect(() => outline(shipped, keys)).toThrow(message);
  });
});
