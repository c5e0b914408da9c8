import { describe, expect, it } from 'vitest';
import { clonesTarget } from '../../../targets/clones/clones-target.ts';
import { targetPerTest } from '../../fixtures/clones/target-per-test.ts';
import { countLost, loginAndFillCart, ShopUser } from './shop-client.ts';

describe('clones with session=redis (stateless)', () => {
  const run = targetPerTest();

  it('loses 0 sessions when a clone is SIGKILLed mid-run', async () => {
    const target = run.keep(
      await clonesTarget.start({ variant: { session: 'redis' }, clones: 2, logDir: run.logDir() }),
    );
    const users = Array.from({ length: 8 }, (_, i) => new ShopUser(target.url, `stateless-${i}`));
    expect(await countLost(users, (user) => loginAndFillCart(user, 3))).toBe(0);

    await target.kill('clone', 0);
    // no wait: requests already on their way to the dead clone are retried elsewhere by the balancer
    const lostAfterKill = await countLost(users, async (user) => {
      if (!(await user.cartIsIntact())) return 'lost';
      if (!(await user.addItems([7, 8]))) return 'lost';
      return (await user.cartIsIntact()) ? 'ok' : 'lost';
    });
    expect(lostAfterKill).toBe(0);
    const fresh = Array.from({ length: 4 }, (_, i) => new ShopUser(target.url, `fresh-${i}`));
    expect(await countLost(fresh, (user) => loginAndFillCart(user, 2))).toBe(0);
    expect(target.instances().find((instance) => instance.id === 'clone-0')?.alive).toBe(false);
  });
});
