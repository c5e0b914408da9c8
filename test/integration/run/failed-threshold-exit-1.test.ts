/**
 * A threshold that fails makes `scalebench run` exit 1 and list the failure on stderr: in-memory
 * sessions behind a round-robin balancer held to sessionsLost count==0. The results are still complete.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readResultsFile } from '../../../results/files.ts';
import type { SuiteResults } from '../../../results/schema.ts';
import { clonesStrict } from '../../fixtures/run/clones-experiments.ts';
import { writeConfig } from '../../fixtures/run/write-config.ts';
import { runCliInProcess } from '../../helpers/cli.ts';

let config: { dir: string; file: string };

beforeAll(async () => {
  config = await writeConfig([clonesStrict], 'sb-run-threshold-');
});

afterAll(async () => {
  if (config) await rm(config.dir, { recursive: true, force: true });
});

it('exits 1 and names the failed threshold', async () => {
  const out = join(config.dir, 'out');
  const run = await runCliInProcess(
    [
      'run',
      'clones-strict',
      '--quick',
      '--config',
      config.file,
      '--out',
      out,
      '--format',
      'json,junit',
      '-q',
    ],
    { cwd: config.dir, extraEnv: { GITHUB_STEP_SUMMARY: undefined } },
  );
  expect(run.stderr).toMatch(
    /^threshold failed: clones-strict\/stateful: sessionsLost count==0 \(actual [1-9]\d*\)\n$/,
  );
  expect(run.code).toBe(1);
  const results = (await readResultsFile(join(out, 'results.json'))) as SuiteResults;
  expect(results.complete).toBe(true);
  const [threshold] = results.experiments[0]!.variants[0]!.thresholds;
  expect(threshold).toMatchObject({ metric: 'sessionsLost', expression: 'count==0', passed: false });
}, 60_000);
