/**
 * Issue 6, "show in tests": a ~1 ms service, then the same service with 20 ms added to every answer —
 * compare finds REGRESSED and exits 1 (the real bin does the comparing).
 */
import { expect, it } from 'vitest';
import { useDelayedService } from '../../fixtures/run/delayed-service.ts';
import { runArm } from '../../fixtures/run/run-twice.ts';
import { spawnCli } from '../../helpers/cli.ts';

const svc = useDelayedService({ baseMs: 0, rate: 50, duration: '1s', prefix: 'sb-cmp-slow-' });

it('reports REGRESSED and exits 1 when 20 ms are added to a 1 ms service', async () => {
  const baseline = await runArm(svc.config, 'svc', 'base', 5);
  await svc.server.setDelay({ base: 20 });
  const candidate = await runArm(svc.config, 'svc', 'cand', 5);

  const compare = await spawnCli(['compare', baseline.path, candidate.path], {
    env: { GITHUB_STEP_SUMMARY: '' },
  }).result;
  expect(compare.code).toBe(1);
  expect(compare.stdout).toMatch(/svc\/only\s+p50\s.*REGRESSED/);
  expect(compare.stdout).toMatch(/verdict: REGRESSED — [12] regressed/);
  expect(compare.stderr).not.toMatch(/at .*\.ts:\d+/);
});
