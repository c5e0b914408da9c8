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
  // 6 trials an arm, not 5: on a busy CI machine one stalled baseline trial (a p50 near the candidate's)
  // widened the bootstrap CI across the threshold with 5, an INCONCLUSIVE verdict (exit 3)
  const baseline = await runArm(svc.config, 'svc', 'base', 6);
  await svc.server.setDelay({ base: 20 });
  const candidate = await runArm(svc.config, 'svc', 'cand', 6);

  const compare = await spawnCli(['compare', baseline.path, candidate.path], {
    env: { GITHUB_STEP_SUMMARY: '' },
  }).result;
  expect(compare.code, compare.stdout).toBe(1);
  expect(compare.stdout).toMatch(/svc\/only\s+p50\s.*REGRESSED/);
  expect(compare.stdout).toMatch(/verdict: REGRESSED — [12] regressed/);
  expect(compare.stderr).not.toMatch(/at .*\.ts:\d+/);
});
