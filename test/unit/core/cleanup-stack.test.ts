import { afterEach, describe, expect, it } from 'vitest';
import { onCleanup, pendingCleanups, runAllCleanups } from '../../../core/cleanup.ts';

describe('cleanup stack', () => {
  afterEach(async () => {
    await runAllCleanups();
  });

  it('runs cleanups newest first, each once, and collects failures without stopping', async () => {
    const ran: string[] = [];
    onCleanup('first', () => {
      ran.push('first');
    });
    onCleanup('broken', () => {
      throw new Error('kill failed');
    });
    onCleanup('last', async () => {
      ran.push('last');
    });
    expect(pendingCleanups()).toEqual(['first', 'broken', 'last']);
    expect(await runAllCleanups()).toEqual(['broken: kill failed']);
    expect(ran).toEqual(['last', 'first']);
    expect(await runAllCleanups()).toEqual([]);
    expect(ran).toEqual(['last', 'first']);
  });

  it('runs one cleanup early through the returned function and not again later', async () => {
    let runs = 0;
    const stop = onCleanup('server', () => {
      runs += 1;
    });
    await stop();
    await stop();
    await runAllCleanups();
    expect(runs).toBe(1);
    expect(pendingCleanups()).toEqual([]);
  });
});
