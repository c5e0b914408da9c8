/**
 * A closed model whose flow fails at once (a WebSocket or an event stream on a port nothing listens on)
 * does not spin: its VUs are paced, so a 2 s run holds at most ~10 iterations a VU (before: hundreds,
 * 650–6 000 in 2 s on this machine), every failure is still counted in its class, and the pacing is
 * counted apart (fastFailedIterations). A flow that works keeps looping back to back.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FAST_FAILED_ITERATIONS } from '../../../load/engine/fast-fail-backoff.ts';
import { runLoad } from '../../../load/engine/run-load.ts';
import { defineFlow } from '../../../load-model/flows/define-flow.ts';
import { startWsServer, type TestWsServer } from '../websocket/ws-servers.ts';

let server: TestWsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** a port on 127.0.0.1 that nothing listens on (taken, then released) */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const VUS = 4;
/** floors 10, 20, … 640 ms then 1 s: 8 iterations in the first 1.27 s, 1–2 more by 2 s */
const MOST_PER_VU = 10;

const refusedWs = defineFlow({
  name: 'refused-ws',
  async iteration(vu) {
    const socket = await vu.ws('chat', { path: '/chat' });
    if (!socket.closed) await socket.close();
  },
});

const refusedSse = defineFlow({
  name: 'refused-sse',
  async iteration(vu) {
    await vu.sse('events', { path: '/events' });
  },
});

describe.each([
  ['vu.ws', refusedWs],
  ['vu.sse', refusedSse],
])('a closed model whose flow (%s) is refused at once', (_name, flow) => {
  it('runs a bounded number of iterations and reports every failure', async () => {
    const outcome = await runLoad({
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
      executor: { executor: 'constant-vus', vus: VUS, duration: 2000 },
      warmup: 0,
      flow,
    });
    const { summary, counters } = outcome;
    expect(outcome.interrupted).toBe(false);
    expect(summary.iterations).toBeGreaterThanOrEqual(VUS);
    expect(summary.iterations).toBeLessThanOrEqual(VUS * MOST_PER_VU);
    expect(summary.errors).toBe(summary.iterations);
    expect(summary.errorsByClass['refused']).toBe(summary.iterations);
    expect(counters[FAST_FAILED_ITERATIONS]).toBeGreaterThan(0);
  });
});

describe('a closed model whose WebSocket flow works', () => {
  it('keeps its iterations back to back, none paced', async () => {
    server = await startWsServer();
    const echo = defineFlow({
      name: 'echo',
      async iteration(vu) {
        const socket = await vu.ws('echo', { path: '/' });
        await socket.request('echo', 'ping', (m) => m.text() === 'ping');
        await socket.close();
      },
    });
    const outcome = await runLoad({
      baseUrl: server.url.replace('ws://', 'http://'),
      executor: { executor: 'constant-vus', vus: 2, duration: 1000 },
      warmup: 0,
      flow: echo,
    });
    expect(outcome.summary.errors).toBe(0);
    expect(outcome.summary.iterations).toBeGreaterThan(2 * MOST_PER_VU);
    expect(outcome.summary.iterations).toBe(server.sessions);
    expect(outcome.counters[FAST_FAILED_ITERATIONS]).toBeUndefined();
  });
});
