/**
 * A variant that fails mid-suite does not lose what finished before it: results.json (complete=false)
 * and the reports — charts included — hold the earlier experiment, and the error is one line.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readResultsFile } from '../../../results/files.ts';
import type { SuiteResults } from '../../../results/schema.ts';
import { type DelayServer, startDelayServer } from '../../fixtures/run/delay-server.ts';
import { externalExperiment, writeConfig } from '../../fixtures/run/write-config.ts';
import { runCliInProcess } from '../../helpers/cli.ts';

let server: DelayServer;
let config: { dir: string; file: string };

beforeAll(async () => {
  server = await startDelayServer({ base: 1 });
  const load = { rate: 20, duration: '500ms' };
  config = await writeConfig(
    [
      externalExperiment('first', server.url, load),
      externalExperiment('broken', server.url, load, {
        flow: { module: '/nonexistent/flow.ts', exportName: 'flow' },
      }),
    ],
    'sb-run-failure-',
  );
});

afterAll(async () => {
  await server?.close();
  if (config) await rm(config.dir, { recursive: true, force: true });
});

it('writes the finished variants in every format before the error ends the run', async () => {
  const out = join(config.dir, 'out');
  const run = await runCliInProcess(
    ['run', 'first', 'broken', '--config', config.file, '--trials', '2', '--out', out, '-q'],
    { cwd: config.dir, extraEnv: { GITHUB_STEP_SUMMARY: undefined } },
  );
  expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(run.stderr).toMatch(/^error: .*flow/);
  expect(run.stderr).toContain('SB_ERR_');
  expect(run.code).not.toBe(0);
  const results = (await readResultsFile(join(out, 'results.json'))) as SuiteResults;
  expect(results.complete).toBe(false);
  expect(results.experiments.map((experiment) => experiment.name)).toEqual(['first']);
  expect(results.experiments[0]!.variants[0]!.trials).toHaveLength(2);
  const files = await readdir(out);
  expect(files).toEqual(expect.arrayContaining(['report.md', 'report.html', 'charts', 'junit.xml']));
});
