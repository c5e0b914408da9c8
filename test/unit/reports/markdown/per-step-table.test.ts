/** A run with two or more measured steps gets a per-step table in the summary, report.md and report.html. */
import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../../../orchestration/progress/summary-table.ts';
import { renderHtml } from '../../../../reports/html/html.ts';
import { renderMarkdown } from '../../../../reports/markdown/markdown.ts';
import {
  createHistogram,
  encodeHistogram,
  recordMs,
  summarizeHistogram,
} from '../../../../results/histogram.ts';
import type { StepStats } from '../../../../results/schema.ts';
import { buildBenchFixture } from '../../../helpers/results-fixtures.ts';

function step(name: string, values: number[], errors: Record<string, number> = {}): StepStats {
  const histogram = createHistogram();
  for (const ms of values) recordMs(histogram, ms);
  const stats = summarizeHistogram(histogram);
  const encoded = encodeHistogram(histogram);
  return {
    name,
    requests: values.length,
    errors,
    latency: { response: stats, service: stats },
    histograms: { response: encoded, service: encoded },
  };
}

describe('the per-step table', () => {
  const results = buildBenchFixture({ seconds: 3 });
  results.summary.durationSeconds = 10;
  results.summary.steps = [
    step('GET /products/:id', [1, 2, 3, 4]),
    step('POST /cart/items', [10, 20, 30, 40], { status_5xx: 1 }),
  ];

  it('is in report.md with each step’s own percentiles, rate and errors', () => {
    const md = renderMarkdown(results);
    expect(md).toContain('**Per step**');
    expect(md).toMatch(/\| GET \/products\/:id +\| +4 \| +0\.4 \| +0% \| +2\.0 ms \|/);
    expect(md).toMatch(/\| POST \/cart\/items +\| +4 \| +0\.4 \| +25% \| +20\.0 ms \|/);
  });

  it('is in report.html and in the bench summary', async () => {
    const html = await renderHtml(results);
    expect(html).toContain('<h3>Per step</h3>');
    expect(html).toContain('<td>POST /cart/items</td>');
    const text = formatSummary(results.summary);
    expect(text).toMatch(/step \(ms\) +requests +errors +p50/);
    expect(text).toMatch(/POST \/cart\/items +4 +1 +20\.0/);
  });

  it('is left out when there is one step only', () => {
    const single = { ...results, summary: { ...results.summary, steps: [results.summary.steps[0]!] } };
    expect(renderMarkdown(single)).not.toContain('Per step');
    expect(formatSummary(single.summary)).not.toContain('step (ms)');
  });
});
