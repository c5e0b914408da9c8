import { describe, expect, it } from 'vitest';
import { startCloneSet } from '../../../targets/clones/clone-set.ts';
import { fetchHealth } from '../../../targets/process/health.ts';
import { targetPerTest } from '../../fixtures/clones/target-per-test.ts';

describe('clones run the same code', () => {
  const run = targetPerTest();

  it('every clone reports the same build id at /healthz, each under its own instance id', async () => {
    const target = run.keep(
      await startCloneSet({
        experiment: 'clones',
        clones: 3,
        env: { FEATURES: '' },
        affinity: 'none',
        balancer: 'builtin',
        logDir: run.logDir(),
      }),
    );
    const clones = target.instances().filter((instance) => instance.kind === 'clone');
    const health = await Promise.all(clones.map((clone) => fetchHealth(clone.url!)));
    expect(health.map((h) => h?.instance)).toEqual(['clone-0', 'clone-1', 'clone-2']);
    expect(new Set(health.map((h) => h?.build)).size).toBe(1);
    expect(health[0]?.build).toMatch(/^[0-9a-f]{12}$/);
    expect((await target.counters()).distinctBuilds).toBe(1);
  });
});
