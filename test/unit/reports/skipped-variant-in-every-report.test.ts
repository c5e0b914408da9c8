/**
 * A variant skipped for a missing backend shows in every report that lists variants: report.md and
 * report.html say which and why (with the remedy), junit.xml has a <skipped> case, results.json keeps it.
 */
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../reports/html/html.ts';
import { renderJunit } from '../../../reports/junit.ts';
import { renderMarkdown } from '../../../reports/markdown/markdown.ts';
import { type SuiteResults, suiteResultsSchema } from '../../../results/schema.ts';
import { buildSuiteFixture } from '../../helpers/results-fixtures.ts';

const skip = {
  name: 'queued-rabbitmq',
  service: 'rabbitmq',
  reason: 'RabbitMQ does not answer at amqp://guest:***@127.0.0.1:5672 and cannot be started',
  remedy: 'apt-get install rabbitmq-server && rabbitmq-server -detached, or set AMQP_URL',
};
const text = `queued-rabbitmq: ${skip.reason} — ${skip.remedy}`;

function withSkipped(): SuiteResults {
  const results = buildSuiteFixture({ trials: 1, seconds: 3 });
  const experiment = results.experiments.find((candidate) => candidate.name === 'async')!;
  experiment.variants = experiment.variants.filter((variant) => variant.name !== 'queued-rabbitmq');
  experiment.skipped = [skip];
  return results;
}

describe('a skipped variant', () => {
  it('is named with its reason and remedy in report.md', () => {
    expect(renderMarkdown(withSkipped())).toContain(`**Skipped.** ${text}\n`);
  });

  it('is named with its reason and remedy in report.html', async () => {
    const html = await renderHtml(withSkipped());
    expect(html).toContain('<p class="skipped"><strong>Skipped.</strong> queued-rabbitmq: RabbitMQ');
  });

  it('is a <skipped> test case in junit.xml', () => {
    const xml = renderJunit(withSkipped());
    expect(xml).toContain('<testcase name="skipped: rabbitmq missing" classname="async.queued-rabbitmq">');
    // 1 variant left out, and the queued variant's two pattern failures (jobs lost, run twice) shown as skipped
    expect(xml).toMatch(/<testsuite name="async" tests="\d+" failures="\d+" errors="0" skipped="3"/);
  });

  it('stays in results.json', () => {
    const parsed = suiteResultsSchema.parse(JSON.parse(JSON.stringify(withSkipped())));
    expect(parsed.experiments.find((experiment) => experiment.name === 'async')?.skipped).toEqual([skip]);
  });
});
