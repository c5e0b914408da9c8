import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../reports/markdown/markdown.ts';
import { expectMatchesGolden } from '../../golden/golden.ts';
import { buildSuiteFixture } from '../../helpers/results-fixtures.ts';

describe('report.md for a complete suite', () => {
  const markdown = renderMarkdown(buildSuiteFixture({ seed: 7 }));

  it('matches the golden report (UPDATE_GOLDEN=1 refreshes it)', () => {
    expectMatchesGolden('test/golden/report.md', markdown);
  });

  it('has a table per experiment with confidence intervals across trials', () => {
    for (const title of ['Clones', 'Caching', 'Asynchronous', 'Database']) {
      expect(markdown).toMatch(
        new RegExp(`^## ${title}.*\\n\\n\\| Variant +\\| Trials \\| +p50 \\| +p99`, 'm'),
      );
    }
    expect(markdown).toMatch(/\| object +\| +5 \| +0\.9 ms ± 0\.\d+ ms \|/);
    expect(markdown).toContain('± is the 95% confidence interval of the mean across trials.');
  });

  it('states findings computed from the data', () => {
    expect(markdown).toMatch(
      /object cut p50 from 1\d\.\d ms to 0\.9 ms \(1\d× faster\) with a 98% hit ratio/,
    );
    expect(markdown).toMatch(/Query served 4\.2% stale reads/);
    expect(markdown).toMatch(
      /With a kill fault at 10 s \(killed clone-2 \(SIGKILL\)\), memory lost [\d,]+ sessions/,
    );
    expect(markdown).toMatch(
      /Replica broke read-your-writes 185 times; zero for normalized and denormalized/,
    );
    expect(markdown).toMatch(/Queue depth in queued peaked at 400/);
  });
});
