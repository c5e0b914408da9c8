import { describe, expect, it } from 'vitest';
import { clonesTarget } from '../../../targets/clones/clones-target.ts';
import { targetPerTest } from '../../fixtures/clones/target-per-test.ts';
import { countLost, loginAndFillCart, ShopUser } from './shop-client.ts';

describe('clones with session=memory behind round-robin', () => {
  const run = targetPerTest();

  it('loses sessions with 2 clones even without a fault', async () => {
    const target = run.keep(
      await clonesTarget.start({
        variant: { session: 'memory', affinity: 'none' },
        clones: 2,
        logDir: run.logDir(),
      }),
    );
    const users = Array.from({ length: 8 }, (_, i) => new ShopUser(target.url, `memory-${i}`));
    const lost = await countLost(users, (user) => loginAndFillCart(user, 3));
    expect(lost).toBeGreaterThan(0);
    const counters = await target.counters();
    expect(counters.sessionsMissing).toBeGreaterThan(0);
    expect(counters['requests.clone-0']).toBeGreaterThan(0);
    expect(counters['requests.clone-1']).toBeGreaterThan(0);
  });
});
