/**
 * A capacity search that reached its maxRate without breaking the SLO only knows a floor: every report
 * table shows it as `≥ 3000`. A search that found the break, and an older file without `capped`, show
 * the plain number.
 */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../reports/html/html.ts';
import { renderMarkdown } from '../../../reports/markdown/markdown.ts';
import { resultsFileSchema, type SuiteResults } from '../../../results/schema.ts';
import { buildSuiteFixture } from '../../helpers/results-fixtures.ts';

/** the clones fixture with capacities set on its first two variants; `capped` left out when undefined */
function suiteWithCapacity(capped: boolean | undefined): SuiteResults {
  const suite = buildSuiteFixture({ trials: 1, seconds: 4, experiments: ['clones'] });
  const [first, second] = suite.experiments[0]!.variants;
  Object.assign(first!, { capacity: 3000 }, capped === undefined ? {} : { capped });
  Object.assign(second!, { capacity: 1200, capped: false });
  return suite;
}

describe('capacity in reports', () => {
  it('shows a capped capacity as ≥ in Markdown and HTML', async () => {
    const suite = suiteWithCapacity(true);
    const markdown = renderMarkdown(suite);
    expect(markdown).toContain('Capacity (iterations/s)');
    expect(markdown).toMatch(/\| +≥ 3000 \|/);
    expect(markdown).toMatch(/\| +1200 \|/);
    expect(markdown).not.toContain('≥ 1200');
    const html = await renderHtml(suite);
    expect(html).toContain('<td class="num">≥ 3000</td>');
    expect(html).toContain('<td class="num">1200</td>');
  });

  it('shows the plain number for a file written before `capped` existed', () => {
    const old = resultsFileSchema.parse(JSON.parse(JSON.stringify(suiteWithCapacity(undefined))));
    const markdown = renderMarkdown(old);
    expect(markdown).toMatch(/\| +3000 \|/);
    expect(markdown).not.toContain('≥');
  });
});
