/** The test run ends with one line: how many tests were skipped for a missing tool, and which tools. */
import { describe, expect, it } from 'vitest';
import { countToolSkips, toolSkipSummary } from '../../helpers/skipped-tools-reporter.ts';

describe('the skipped-tools summary', () => {
  it('counts each missing tool once per skipped test, in order of first appearance', () => {
    const notes = [
      'haproxy missing (apt-get install haproxy)',
      undefined,
      'chromium missing (apt-get install chromium)',
      'haproxy missing (apt-get install haproxy)',
      'skipped for another reason',
    ];
    expect(toolSkipSummary(countToolSkips(notes))).toBe(
      '3 skipped: haproxy missing (apt-get install haproxy) ×2, chromium missing (apt-get install chromium) ×1',
    );
  });

  it('says nothing when no test was skipped for a tool', () => {
    expect(toolSkipSummary(countToolSkips([undefined, 'todo']))).toBeUndefined();
  });
});
