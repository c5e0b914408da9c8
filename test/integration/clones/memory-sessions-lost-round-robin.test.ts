import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clonesTarget } from '../../../targets/clones/clones-target.ts';
import type { RunningTarget } from '../../../targets/target.ts';
import { countLost, loginAndFillCart, ShopUser } from './shop-client.ts';

describe('clones with session=memory behind round-robin', () => {
  let target: RunningTarget | undefined;
  const logDir = mkdtempSync(join(tmpdir(), 'sb-clones-test-'));

  afterEach(async () => {
    await target?.stop();
    rmSync(logDir, { recursive: true, force: true });
  });

  it('loses sessions with 2 clones even without a fault', async () => {
    target = await clonesTarget.start({
      variant: { session: 'memory', affinity: 'none' },
      clones: 2,
      logDir,
    });
    const users = Array.from({ length: 8 }, (_, i) => new ShopUser(target!.url, `memory-${i}`));
    const lost = await countLost(users, (user) => loginAndFillCart(user, 3));
    expect(lost).toBeGreaterThan(0);
    const counters = await target.counters();
    expect(counters.sessionsMissing).toBeGreaterThan(0);
    expect(counters['requests.clone-0']).toBeGreaterThan(0);
    expect(counters['requests.clone-1']).toBeGreaterThan(0);
  });
});
