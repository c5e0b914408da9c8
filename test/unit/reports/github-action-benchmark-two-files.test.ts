import { describe, expect, it } from 'vitest';
import { gabReporter } from '../../../reports/github-action-benchmark.ts';
import { buildSuiteFixture } from '../../helpers/results-fixtures.ts';

describe('github-action-benchmark files', () => {
  it('splits smaller-is-better and bigger-is-better entries of { name, unit, value, range, extra }', async () => {
    const files = await gabReporter.render(
      buildSuiteFixture({ trials: 2, seconds: 4, experiments: ['clones'] }),
    );
    expect(files.map((file) => file.name)).toEqual([
      'gab-smaller-is-better.json',
      'gab-bigger-is-better.json',
    ]);
    const smaller = JSON.parse(String(files[0]!.content)) as Record<string, unknown>[];
    const bigger = JSON.parse(String(files[1]!.content)) as Record<string, unknown>[];
    expect(smaller[0]).toEqual({
      name: 'clones/memory p50 latency',
      unit: 'ms',
      value: expect.any(Number),
      range: expect.stringMatching(/^± \d/),
      extra: '2 trials, session=memory, clones=2, affinity=none',
    });
    expect(smaller.map((entry) => entry['name'])).toContain('clones/memory sessionsLost');
    expect(bigger.map((entry) => entry['name'])).toEqual([
      'clones/memory throughput',
      'clones/sticky throughput',
      'clones/redis throughput',
    ]);
    expect(bigger.every((entry) => entry['unit'] === 'req/s')).toBe(true);
  });
});
