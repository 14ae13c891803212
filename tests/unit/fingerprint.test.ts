import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../data/engine/match';
import { DEV_QUERIES, shippedLibrary } from '../../data/tools/cli-lib';
import { EVAL_DIR } from '../../data/tools/evalSets';
import { evaluationTexts, fingerprint } from '../../data/tools/fingerprint';
import { readJsonl } from '../../data/tools/fitGate';

describe('the fingerprint of every answer (`npm run eval -- --fingerprint`)', () => {
  const library = shippedLibrary();
  const dev = readJsonl<{ text: string }>(DEV_QUERIES).map((q) => q.text);

  test('reads every evaluation file of the project, the shared set among them', () => {
    const texts = evaluationTexts(EVAL_DIR);
    expect(texts.length).toBeGreaterThan(6000);
    for (const text of dev) expect(texts).toContain(text);
  });

  test('is the same for the same engine, and another when one answer moves', () => {
    const first = fingerprint(library, dev);
    expect(fingerprint(library, dev)).toBe(first);
    // The gate off: the off-topic lines are answered, nothing else changes.
    expect(fingerprint(library, dev, { ...DEFAULT_SETTINGS, gate: 0 })).not.toBe(first);
    // One passage fewer: the answers that showed it move.
    const shown = library.positions.find((p) => p.text.includes('délai de réflexion'))!;
    expect(fingerprint({ ...library, positions: library.positions.filter((p) => p !== shown) }, dev)).not.toBe(first);
  }, 60_000);
});
