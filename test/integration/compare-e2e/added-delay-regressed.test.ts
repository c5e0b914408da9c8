/**
 * Issue 6, "show in tests": a ~1 ms service, then the same service with 20 ms added to every answer —
 * compare finds REGRESSED and exits 1 (the real bin does the comparing).
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DelayServer, startDelayServer } from '../../fixtures/run/delay-server.ts';
import { runArm } from '../../fixtures/run/run-twice.ts';
import { externalExperiment, writeConfig } from '../../fixtures/run/write-config.ts';
import { spawnCli } from '../../helpers/cli.ts';

let server: DelayServer;
let config: { dir: string; file: string };

beforeAll(async () => {
  server = await startDelayServer({ base: 0 });
  config = await writeConfig(
    [externalExperiment('svc', server.url, { rate: 50, duration: '1s' })],
    'sb-cmp-slow-',
  );
});

afterAll(async () => {
  await server?.close();
  if (config) await rm(config.dir, { recursive: true, force: true });
});

it('reports REGRESSED and exits 1 when 20 ms are added to a 1 ms service', async () => {
  const baseline = await runArm(config, 'svc', 'base', 5);
  await server.setDelay({ base: 20 });
  const candidate = await runArm(config, 'svc', 'cand', 5);

  const compare = await spawnCli(['compare', baseline.path, candidate.path], {
    env: { GITHUB_STEP_SUMMARY: '' },
  }).result;
  expect(compare.code).toBe(1);
  expect(compare.stdout).toMatch(/svc\/only\s+p50\s.*REGRESSED/);
  expect(compare.stdout).toMatch(/verdict: REGRESSED — [12] regressed/);
  expect(compare.stderr).not.toMatch(/at .*\.ts:\d+/);
});
