/**
 * An iteration still running when the graceful stop runs out is not in the latency figures (it never
 * finished): the outcome counts it, so a capacity step can tell a target that never answered from one
 * that answered fast.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runLoad } from '../../../load/engine/run-load.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

/** answers /fast at once and holds /slow for `holdMs` */
async function server(holdMs: number): Promise<string> {
  const held = new Set<NodeJS.Timeout>();
  const http = createServer((req, res) => {
    if (req.url === '/slow') {
      const timer = setTimeout(() => res.end('late'), holdMs);
      held.add(timer);
    } else res.end('ok');
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    for (const timer of held) clearTimeout(timer);
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  });
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

const load = (baseUrl: string, path: string) =>
  runLoad({
    baseUrl,
    request: { path },
    executor: { executor: 'constant-arrival-rate', rate: 20, duration: '500ms', maxVUs: 50 },
    gracefulStop: '100ms',
    timeout: '10s',
  });

describe('unfinished iterations', () => {
  it('are counted when the target holds every request past the graceful stop', async () => {
    const outcome = await load(await server(5_000), '/slow');
    expect(outcome.summary.iterations).toBe(0);
    expect(outcome.unfinishedIterations).toBe(10);
  });

  it('are none when every request is answered', async () => {
    const outcome = await load(await server(5_000), '/fast');
    expect(outcome.summary.iterations).toBe(10);
    expect(outcome.unfinishedIterations).toBe(0);
  });
});
