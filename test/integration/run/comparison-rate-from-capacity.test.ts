/**
 * The rate a run compares variants at comes from the capacity it measured first (70% of the smallest),
 * and a fixed --rate above a variant's capacity is recorded as its share and warned of in results.json
 * and report.md: "driven at …/s = …% of its capacity …: overload, not architecture" (issue 28).
 */
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readResultsFile } from '../../../results/files.ts';
import type { SuiteResults } from '../../../results/schema.ts';
import { clonesSmall } from '../../fixtures/run/clones-experiments.ts';
import { writeConfig } from '../../fixtures/run/write-config.ts';
import { runCliInProcess } from '../../helpers/cli.ts';

let config: { dir: string; file: string };

beforeAll(async () => {
  config = await writeConfig([clonesSmall], 'sb-run-rate-');
});

afterAll(async () => {
  if (config) await rm(config.dir, { recursive: true, force: true });
});

const run = async (out: string, extra: string[]) => {
  const args = ['run', 'clones-small', '--quick', '--find-capacity', '--config', config.file];
  const result = await runCliInProcess([...args, '--out', out, '--format', 'json,md', '-q', ...extra], {
    cwd: config.dir,
    extraEnv: { GITHUB_STEP_SUMMARY: undefined },
  });
  const results = (await readResultsFile(join(out, 'results.json'))) as SuiteResults;
  return { result, results, report: await readFile(join(out, 'report.md'), 'utf8') };
};

it('compares at 70% of the capacity found, and warns of a fixed rate above it', async () => {
  const derived = await run(join(config.dir, 'derived'), []);
  const experiment = derived.results.experiments[0]!;
  const variant = experiment.variants[0]!;
  expect(variant.capacity).toBeGreaterThan(0);
  expect(experiment.comparison).toMatchObject({ derivation: 'from-capacity', from: 'stateless-1' });
  // 70% of the capacity, rounded down to a whole rate (a tenth below 10/s): a busy host finds a low one
  expect(experiment.comparison!.rate).toBeLessThanOrEqual(variant.capacity! * 0.7);
  expect(experiment.comparison!.rate).toBeGreaterThan(variant.capacity! * 0.7 - 1);
  expect(variant.trials[0]!.summary.targetRate).toBe(experiment.comparison!.rate);
  expect(variant.load).toMatchObject({ derivation: 'from-capacity', rate: experiment.comparison!.rate });
  expect(variant.load!.share).toBeLessThanOrEqual(0.7);
  expect(derived.report).toContain(`Every variant was driven at`);
  expect(derived.report).not.toContain('overload, not architecture');

  const fixed = await run(join(config.dir, 'fixed'), ['--rate', String(variant.capacity! * 3)]);
  const overloaded = fixed.results.experiments[0]!;
  expect(overloaded.comparison).toMatchObject({ derivation: 'fixed', reason: 'the rate --rate set' });
  const load = overloaded.variants[0]!.load!;
  expect(load.derivation).toBe('fixed');
  expect(load.share).toBeGreaterThan(1);
  expect(fixed.report).toMatch(
    /stateless-1 was driven at [\d.]+\/s = \d+% of its capacity [\d.]+\/s: its latency and errors are overload, not architecture/,
  );
}, 120_000);
