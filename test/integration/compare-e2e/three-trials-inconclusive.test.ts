/**
 * Issue 6, "show in tests": with 3 trials an arm there is too little to judge — even a 20 ms slowdown is
 * INCONCLUSIVE, and compare exits 3.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DelayServer, startDelayServer } from '../../fixtures/run/delay-server.ts';
import { runArm } from '../../fixtures/run/run-twice.ts';
import { externalExperiment, writeConfig } from '../../fixtures/run/write-config.ts';
import { runCliInProcess } from '../../helpers/cli.ts';

let server: DelayServer;
let config: { dir: string; file: string };

beforeAll(async () => {
  server = await startDelayServer({ base: 0 });
  config = await writeConfig(
    [externalExperiment('svc', server.url, { rate: 50, duration: '1s' })],
    'sb-cmp-three-',
  );
});

afterAll(async () => {
  await server?.close();
  if (config) await rm(config.dir, { recursive: true, force: true });
});

it('is INCONCLUSIVE with exit 3 when each arm has 3 trials', async () => {
  const baseline = await runArm(config, 'svc', 'base', 3);
  await server.setDelay({ base: 20 });
  const candidate = await runArm(config, 'svc', 'cand', 3);

  const compare = await runCliInProcess(['compare', baseline.path, candidate.path, '--format', 'json'], {
    extraEnv: { GITHUB_STEP_SUMMARY: undefined },
  });
  const json = JSON.parse(compare.stdout) as { rows: { verdict: string; reason: string }[] };
  expect(json.rows.length).toBeGreaterThan(0);
  for (const row of json.rows) {
    expect(row.verdict).toBe('INCONCLUSIVE');
    expect(row.reason).toMatch(/3 trials; need at least 4/);
  }
  expect(compare.code).toBe(3);
});
