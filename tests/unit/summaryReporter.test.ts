/**
 * Issue 12 item 10: the closing « unit: N passed, N failed, N skipped » line counts a test file
 * that failed to load as failed (it used to say « 0 failed » while Vitest reported a failed suite).
 */
import { describe, expect, test } from 'vitest';
import { summaryLine, type CountedModule } from '../summaryReporter';

const module = (states: string[], fileState: 'passed' | 'failed' | 'skipped' = 'passed', errors: unknown[] = []): CountedModule =>
  ({
    project: { name: 'unit' },
    state: () => fileState,
    errors: () => errors,
    children: { allTests: () => states.map((state) => ({ result: () => ({ state }) })) },
  }) as unknown as CountedModule;

describe('summaryLine', () => {
  test('counts tests by state', () => {
    expect(summaryLine([module(['passed', 'passed', 'failed', 'skipped'], 'failed')])).toBe('unit: 2 passed, 1 failed, 1 skipped');
  });

  test('a file that failed to load (no tests, an import error) counts as one failed', () => {
    const broken = module([], 'failed', [{ message: "ENOENT: no such file or directory, open 'tests/fixtures/missing.jsonl'" }]);
    expect(summaryLine([module(['passed', 'passed']), broken])).toBe('unit: 2 passed, 1 failed, 0 skipped');
  });

  test('a file whose tests failed is not counted twice', () => {
    expect(summaryLine([module(['failed', 'passed'], 'failed')])).toBe('unit: 1 passed, 1 failed, 0 skipped');
  });
});
