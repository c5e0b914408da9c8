/**
 * A vitest reporter that ends the run with the tests skipped for a missing tool, one line each
 * (`skipped: test/…/x.test.ts > haproxy — haproxy missing (apt-get install haproxy)`), then the count:
 * `3 skipped: haproxy missing (apt-get install haproxy) ×2, chromium missing (apt-get install chromium) ×1`.
 */
import type { Reporter, TestCase, TestModule } from 'vitest/node';

function isToolNote(note: string | undefined): note is string {
  return note?.includes(' missing (') ?? false;
}

/** counts the skip notes of the form `<tool> missing (<install>)`, in order of first appearance */
export function countToolSkips(notes: readonly (string | undefined)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const note of notes) {
    if (isToolNote(note)) counts.set(note, (counts.get(note) ?? 0) + 1);
  }
  return counts;
}

export function toolSkipSummary(counts: ReadonlyMap<string, number>): string | undefined {
  if (counts.size === 0) return undefined;
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const reasons = [...counts].map(([note, count]) => `${note} ×${count}`);
  return `${total} skipped: ${reasons.join(', ')}`;
}

function skipNote(test: TestCase): string | undefined {
  const result = test.result();
  return result.state === 'skipped' ? result.note : undefined;
}

export default class SkippedToolsReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const skipped = testModules
      .flatMap((module) => [...module.children.allTests()])
      .map((test) => ({ test, note: skipNote(test) }))
      .filter(({ note }) => isToolNote(note));
    const line = toolSkipSummary(countToolSkips(skipped.map(({ note }) => note)));
    if (!line) return;
    const lines = skipped.map(
      ({ test, note }) => `skipped: ${test.module.relativeModuleId} > ${test.fullName} — ${note}`,
    );
    process.stdout.write(`\n${lines.join('\n')}\n${line}\n`);
  }
}
