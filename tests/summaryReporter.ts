/**
 * Ends each Vitest run with one plain line, « unit: 849 passed, 0 failed, 0 skipped », so
 * any CI that reads closing lines (not only Vitest's coloured summary) sees what ran.
 *
 * A test file that fails to load (a missing fixture, a syntax error, a throwing import) has no
 * tests to count: it counts as one failed, so the line can never say « 0 failed » when Vitest
 * itself reports a failed suite.
 */
import type { Reporter, TestModule } from 'vitest/node';

/** The parts of a `TestModule` the count reads (tests pass stand-ins). */
export type CountedModule = Pick<TestModule, 'state' | 'errors'> & {
  project: { name: string };
  children: { allTests(): Iterable<{ result(): { state: string } }> };
};

export function summaryLine(modules: ReadonlyArray<CountedModule>): string {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const projects = new Set<string>();
  for (const m of modules) {
    projects.add(m.project.name || 'tests');
    let failedHere = 0;
    for (const t of m.children.allTests()) {
      const state = t.result().state;
      if (state === 'passed') passed++;
      else if (state === 'failed') failedHere++;
      else skipped++;
    }
    // The file itself failed (it did not load, or a hook threw) without any failed test to show it.
    if (failedHere === 0 && (m.state() === 'failed' || m.errors().length > 0)) failedHere = 1;
    failed += failedHere;
  }
  const label = [...projects].join('+') || 'tests';
  return `${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    process.stdout.write(`\n${summaryLine(modules)}\n`);
  }
}
