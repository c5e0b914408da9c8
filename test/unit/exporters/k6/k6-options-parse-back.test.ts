import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../../../core/entry-points.ts';
import { generateK6Script, OPTIONS_BEGIN, OPTIONS_END } from '../../../../exporters/k6/k6-script.ts';
import { builtinExperiments } from '../../../../scenarios/builtin.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-k6-options-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Imports the generated options section on its own, as a module. */
async function importOptions(script: string, name: string): Promise<Record<string, unknown>> {
  const begin = script.indexOf(OPTIONS_BEGIN);
  const end = script.indexOf(OPTIONS_END);
  expect(begin).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(begin);
  const path = join(dir, `${name}.mjs`);
  await writeFile(path, script.slice(begin, end));
  return ((await import(pathToFileURL(path).href)) as { options: Record<string, unknown> }).options;
}

describe('the k6 options of an exported experiment parse back to its load profile and thresholds', () => {
  it.each(builtinExperiments.map((experiment) => [experiment.name, experiment] as const))(
    '%s',
    async (name, experiment) => {
      for (const profile of ['quick', 'full'] as const) {
        const { script, warnings } = generateK6Script({
          experiment,
          baseDir: packageRoot,
          profile,
          baseUrl: 'http://127.0.0.1:8080',
          generator: 'test',
        });
        expect(warnings).toEqual([]);
        const options = await importOptions(script, `${name}-${profile}`);
        const executor = experiment.profiles[profile].executor;
        expect(executor.executor).toBe('constant-arrival-rate');
        if (executor.executor !== 'constant-arrival-rate') return;
        expect(options).toEqual({
          scenarios: {
            [name]: {
              executor: 'constant-arrival-rate',
              rate: executor.rate,
              timeUnit: '1s',
              duration: executor.duration,
              preAllocatedVUs: executor.preAllocatedVUs,
              maxVUs: executor.maxVUs,
              gracefulStop: experiment.timeout === '30s' ? '31s' : '11s',
            },
          },
          thresholds: experiment.thresholds ?? {},
        });
      }
    },
  );

  it('the clones experiment keeps its p(50) threshold in k6 syntax', async () => {
    const clones = builtinExperiments.find((experiment) => experiment.name === 'clones')!;
    const { script } = generateK6Script({
      experiment: clones,
      baseDir: packageRoot,
      profile: 'full',
      baseUrl: 'http://127.0.0.1:8080',
      generator: 'test',
    });
    const options = await importOptions(script, 'clones-thresholds');
    expect(options['thresholds']).toEqual({ http_req_duration: ['p(50)<100'] });
    expect(script).toContain("import http from 'k6/http';");
    expect(script).toContain("import { check, sleep } from 'k6';");
    expect(script).toContain("import { Counter, Trend } from 'k6/metrics';");
    expect(script).toContain('__ENV.BASE_URL || "http://127.0.0.1:8080"');
  });
});
