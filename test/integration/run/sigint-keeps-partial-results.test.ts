/**
 * Ctrl-C on the real bin: SIGINT once the first trial's results are on disk → exit 130, results.json
 * valid with complete=false and the finished trial kept (the interrupted one dropped), and every process
 * the run started (clones, balancer) gone.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readResultsFile } from '../../../results/files.ts';
import type { SuiteResults } from '../../../results/schema.ts';
import { clonesMini } from '../../fixtures/run/clones-experiments.ts';
import { writeConfig } from '../../fixtures/run/write-config.ts';
import { spawnCli } from '../../helpers/cli.ts';
import { descendants, waitUntilGone } from '../../helpers/process-tree.ts';

let config: { dir: string; file: string };

beforeAll(async () => {
  config = await writeConfig([clonesMini], 'sb-run-sigint-');
});

afterAll(async () => {
  if (config) await rm(config.dir, { recursive: true, force: true });
});

async function firstTrialWritten(path: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (existsSync(path)) {
      const results = JSON.parse(await readFile(path, 'utf8')) as SuiteResults;
      if ((results.experiments[0]?.variants[0]?.trials.length ?? 0) >= 1) return;
    }
    await sleep(100);
  }
  throw new Error(`no trial in ${path} in time`);
}

it('exits 130 with a valid partial report and no process left', async () => {
  const out = join(config.dir, 'out');
  const results = join(out, 'results.json');
  const spawned = spawnCli(
    [
      'run',
      'clones-mini',
      '--quick',
      '--trials',
      '10',
      '--config',
      config.file,
      '--out',
      out,
      '--format',
      'json',
    ],
    { cwd: config.dir, env: { GITHUB_STEP_SUMMARY: '' } },
  );
  try {
    await firstTrialWritten(results, Date.now() + 40_000);
  } catch (error) {
    spawned.child.kill('SIGKILL');
    throw error;
  }
  const started = descendants(spawned.child.pid!);
  // two clones, and the balancer when it is a process of its own
  // targets/app/main.js when the binary runs dist/, main.ts when it runs the sources
  expect(started.filter((child) => /targets\/app\/main\.[jt]s/.test(child.args))).toHaveLength(2);
  spawned.child.kill('SIGINT');
  const run = await spawned.result;

  expect(run.stderr).toContain('SIGINT: stopping, writing partial results');
  expect(run.stdout).toMatch(/(^|\n)partial report written to \/.+\/out\/ \(json\)\n$/);
  expect(run.code).toBe(130);
  const partial = (await readResultsFile(results)) as SuiteResults;
  expect(partial.complete).toBe(false);
  const variants = partial.experiments[0]!.variants;
  expect(variants.map((variant) => variant.name)).toEqual(['stateless']);
  const trials = variants[0]!.trials;
  expect(trials.length).toBeGreaterThanOrEqual(1);
  expect(trials.length).toBeLessThan(10);
  for (const [index, trial] of trials.entries()) {
    expect(trial.trial).toBe(index);
    // only finished trials are kept: each covers the whole 3 s
    expect(trial.summary.durationSeconds).toBeCloseTo(3, 0);
  }
  // everything it started, and its reaper, ends within a moment of it
  expect(
    await waitUntilGone(
      started.map((child) => child.pid),
      5000,
    ),
  ).toEqual([]);
}, 60_000);
