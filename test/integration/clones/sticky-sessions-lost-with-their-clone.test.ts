import { describe, expect, it } from 'vitest';
import { stickyCookie } from '../../../targets/balancer/balancer.ts';
import { clonesTarget } from '../../../targets/clones/clones-target.ts';
import { targetPerTest } from '../../fixtures/clones/target-per-test.ts';
import { countLost, loginAndFillCart, ShopUser } from './shop-client.ts';

describe('clones with session=memory and affinity=sticky', () => {
  const run = targetPerTest();

  it('keeps every session until a clone dies, then loses exactly that clone’s sessions', async () => {
    const target = run.keep(
      await clonesTarget.start({
        variant: { session: 'memory', affinity: 'sticky' },
        clones: 2,
        logDir: run.logDir(),
      }),
    );
    const users = Array.from({ length: 8 }, (_, i) => new ShopUser(target.url, `sticky-${i}`));
    expect(await countLost(users, (user) => loginAndFillCart(user, 3))).toBe(0);
    const onClone0 = users.filter((user) => user.cookies.get(stickyCookie) === 'clone-0').length;
    expect(onClone0).toBeGreaterThan(0);
    expect(onClone0).toBeLessThan(users.length);

    await target.kill('clone', 0);
    const lost = await countLost(users, (user) => user.cartIsIntact());
    expect(lost).toBe(onClone0);
  });
});
