import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCloneSet } from '../../../targets/clones/clone-set.ts';
import { fetchHealth } from '../../../targets/process/health.ts';
import type { RunningTarget } from '../../../targets/target.ts';

describe('clones run the same code', () => {
  let target: RunningTarget | undefined;
  const logDir = mkdtempSync(join(tmpdir(), 'sb-clones-test-'));

  afterEach(async () => {
    await target?.stop();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('every clone reports the same build id at /healthz, each under its own instance id', async () => {
    target = await startCloneSet({
      experiment: 'clones',
      clones: 3,
      env: { FEATURES: '' },
      affinity: 'none',
      balancer: 'builtin',
      logDir,
    });
    const clones = target.instances().filter((instance) => instance.kind === 'clone');
    const health = await Promise.all(clones.map((clone) => fetchHealth(clone.url!)));
    expect(health.map((h) => h?.instance)).toEqual(['clone-0', 'clone-1', 'clone-2']);
    expect(new Set(health.map((h) => h?.build)).size).toBe(1);
    expect(health[0]?.build).toMatch(/^[0-9a-f]{12}$/);
    expect((await target.counters()).distinctBuilds).toBe(1);
  });
});
