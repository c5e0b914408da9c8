import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../reports/markdown/markdown.ts';
import { expectMatchesGolden } from '../../../golden/golden.ts';
import { buildSuiteFixture } from '../../../helpers/results-fixtures.ts';

describe('report.md for a complete suite', () => {
  const markdown = renderMarkdown(buildSuiteFixture({ seed: 7 }));

  it('matches the golden report (UPDATE_GOLDEN=1 refreshes it)', () => {
    expectMatchesGolden('test/golden/report.md', markdown);
  });

  it('has a table per experiment with confidence intervals across trials', () => {
    for (const title of ['Clones', 'Caching', 'Asynchronous', 'Database']) {
      expect(markdown).toMatch(
        new RegExp(
          `^## ${title}.*\\n\\n\\*\\*Takeaway\\.\\*\\* .+\\n\\n\\| Variant +\\| Trials \\| +p50 \\| +p99`,
          'm',
        ),
      );
    }
    expect(markdown).toMatch(/\| object +\| +5 \| +0\.9 ms ± 0\.\d+ ms \|/);
    expect(markdown).toContain('± is the 95% confidence interval of the mean across trials.');
  });

  it('states findings computed from the data', () => {
    expect(markdown).toMatch(
      /object cut p50 from 1\d\.\d ms to 0\.9 ms \(1\d× faster\) with a 98% hit ratio/,
    );
    expect(markdown).toContain('Stale reads: query 1,261; none in none or object.');
    expect(markdown).toContain('Fault: killed clone-2 (SIGKILL) at 10.0 s in memory, sticky and redis.');
    expect(markdown).toMatch(/Sessions lost: memory [\d,]+, sticky [\d,]+; none in redis\./);
    expect(markdown).toContain('RYW violations: replica 185; none in normalized or denormalized.');
    expect(markdown).toContain('Queue depth peaked at 400 in queued.');
    expect(markdown).toContain(
      "P50 was about the same as memory's 4.4 ms in sticky (4.3 ms) and redis (4.8 ms)",
    );
  });
});
