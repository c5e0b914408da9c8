/**
 * Issue 6, "show in tests": with 3 trials an arm there is too little to judge — even a 20 ms slowdown is
 * INCONCLUSIVE, and compare exits 3.
 */
import { expect, it } from 'vitest';
import { useDelayedService } from '../../fixtures/run/delayed-service.ts';
import { runArm } from '../../fixtures/run/run-twice.ts';
import { runCliInProcess } from '../../helpers/cli.ts';

const svc = useDelayedService({ baseMs: 0, rate: 50, duration: '1s', prefix: 'sb-cmp-three-' });

it('is INCONCLUSIVE with exit 3 when each arm has 3 trials', async () => {
  const baseline = await runArm(svc.config, 'svc', 'base', 3);
  await svc.server.setDelay({ base: 20 });
  const candidate = await runArm(svc.config, 'svc', 'cand', 3);

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
