import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../../../targets/app/worker-pool.ts';

describe('the worker-pool server model', () => {
  it('never has more requests in progress than its size, and serves every request', async () => {
    const pool = new WorkerPool(3);
    const releases: (() => void)[] = [];
    let running = 0;
    let most = 0;
    const work = () =>
      new Promise<void>((resolve) => {
        running += 1;
        most = Math.max(most, running);
        releases.push(() => {
          running -= 1;
          resolve();
        });
      });
    const all = Array.from({ length: 10 }, () => pool.run(work));
    await Promise.resolve();
    expect(running).toBe(3);
    expect(pool.queued).toBe(7);
    // finish requests one at a time; the next in line takes the freed worker
    while (releases.length > 0) {
      releases.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(all);
    expect(most).toBe(3);
    expect(pool.maxInFlight).toBe(3);
    expect(pool.queued).toBe(0);
  });
});
