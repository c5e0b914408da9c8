import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../../orchestration/progress/summary-table.ts';
import { renderHtml } from '../../../reports/html/html.ts';
import { renderMarkdown } from '../../../reports/markdown/markdown.ts';
import { createHistogram, encodeHistogram, recordMs, summarizePhases } from '../../../results/histogram.ts';
import type { BenchResults, PhaseHistograms } from '../../../results/schema.ts';
import { shardResults } from '../shard/bench-shard-fixture.ts';

function encoded(values: number[]): string {
  const histogram = createHistogram();
  for (const ms of values) recordMs(histogram, ms);
  return encodeHistogram(histogram);
}

const phaseHistograms: PhaseHistograms = {
  connecting: encoded([0.4]),
  tlsHandshaking: encoded([2.5]),
  waiting: encoded([1.2, 1.3, 1.4]),
  receiving: encoded([0.05]),
};

function benchWithPhases(): BenchResults {
  const results = shardResults(0, 1, [1.5, 1.6, 1.7]);
  const { shard: _shard, ...rest } = results;
  return {
    ...rest,
    summary: { ...results.summary, phases: summarizePhases(phaseHistograms) },
    phaseHistograms,
    protocol: 'h2',
  };
}

describe('request phases in the bench summary and the reports', () => {
  it('the summary prints a row per phase', () => {
    const text = formatSummary(benchWithPhases().summary);
    for (const row of ['connecting', 'tls handshake', 'waiting (ttfb)', 'receiving'])
      expect(text).toContain(row);
    expect(text).toMatch(/waiting \(ttfb\)\s+1\.30\d/);
  });

  it('Markdown and HTML show a request-phases table with the protocol', async () => {
    const results = benchWithPhases();
    const markdown = renderMarkdown(results);
    expect(markdown).toContain('**Request phases**');
    expect(markdown).toMatch(/\| run +\| h2 +\| http_req_tls_handshaking +\| +2\.5 ms \|/);
    const html = await renderHtml(results);
    expect(html).toContain('<h3>Request phases</h3>');
    expect(html).toContain('<td>http_req_waiting</td>');
  });

  it('leaves out connecting and TLS rows that are 0 on reused connections, and says so', () => {
    const reused: PhaseHistograms = {
      ...phaseHistograms,
      // 1 new connection in 200 requests: p99 0
      connecting: encoded([0.4, ...new Array(199).fill(0)]),
      tlsHandshaking: encoded(new Array(200).fill(0)),
    };
    const results = { ...benchWithPhases(), phaseHistograms: reused };
    const markdown = renderMarkdown(results);
    expect(markdown).not.toContain('http_req_connecting');
    expect(markdown).not.toContain('http_req_tls_handshaking');
    expect(markdown).toContain('http_req_waiting');
    expect(markdown).toContain(
      '2 connecting / TLS handshake rows left out: p99 0 ms, so at least 99% of requests reused a connection',
    );
  });

  it('results without phases show no such table', () => {
    const { shard: _shard, ...plain } = shardResults(0, 1, [1]);
    expect(renderMarkdown(plain)).not.toContain('Request phases');
    expect(formatSummary(plain.summary)).not.toContain('waiting');
  });
});
