import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../../reports/markdown/markdown.ts';
import { buildBenchFixture, buildSuiteFixture } from '../../../helpers/results-fixtures.ts';

describe('report.md for partial suites and bench files', () => {
  it('flags a partial suite and shows what finished, without intervals for single trials', () => {
    const partial = buildSuiteFixture({ trials: 1, seconds: 4, complete: false, experiments: ['caching'] });
    partial.experiments.push({ name: 'async', title: 'Asynchronous processing', variants: [] });
    const markdown = renderMarkdown(partial);
    expect(markdown).toContain('**Partial results**');
    expect(markdown).toMatch(/\| none +\| +1 \| +\d+\.\d ms \| +\d+\.\d ms \|/);
    expect(markdown).not.toContain('±');
    expect(markdown).toMatch(/## Asynchronous processing \(`async`\)\n\n_No variant has finished yet._/);
  });

  it('renders a bench file as one run with its URL as the title', () => {
    const markdown = renderMarkdown(buildBenchFixture({ seconds: 4 }));
    expect(markdown).toMatch(/^# Bench http:\/\/127\.0\.0\.1:8080\/products\/1$/m);
    expect(markdown).toMatch(/\| run +\| +1 \| +3\.\d ms \|/);
    expect(markdown).toMatch(/\*\*Findings\.\*\* p50 was 3\.\d ms and p99 \d+\.\d ms at \d+ req\/s\./);
  });

  it('marks invalid variants in the table and the findings', () => {
    const suite = buildSuiteFixture({ trials: 1, seconds: 4, experiments: ['database'] });
    const summary = suite.experiments[0]!.variants[2]!.trials[0]!.summary;
    summary.valid = false;
    summary.invalidReasons = ['load generator saturated'];
    const markdown = renderMarkdown(suite);
    expect(markdown).toMatch(/\| replica ⚠ invalid +\|/);
    expect(markdown).toContain(
      'replica is invalid (load generator saturated): its numbers are a lower bound.',
    );
  });
});
