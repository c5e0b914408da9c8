/** bench ws:// in the engine: what scalebench counted agrees with what the echo server counted, merged across threads. */
import { afterEach, describe, expect, it } from 'vitest';
import { runLoad } from '../../../load/engine/run-load.ts';
import { startWsServer, type TestWsServer } from './ws-servers.ts';

let server: TestWsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe.each([1, 2])('WebSocket echo over held sockets (%i thread(s))', (workers) => {
  it('counts sessions and messages as the server does, each reply a request of step ws', async () => {
    server = await startWsServer();
    const outcome = await runLoad({
      baseUrl: server.url,
      executor: { executor: 'constant-vus', vus: 4, duration: 1000 },
      warmup: 0,
      workers,
      websocket: { message: 'ping', ratePerSocket: 20, holdMs: 0 },
    });
    const { summary, counters, trends } = outcome;
    expect(summary.errors).toBe(0);
    expect(summary.requests).toBeGreaterThan(40);
    expect(counters['ws_msgs_sent']).toBe(server.messages);
    expect(counters['ws_msgs_received']).toBe(server.messages);
    expect(summary.requests).toBe(server.messages);
    expect(counters['ws_sessions']).toBe(server.sessions);
    expect(server.sessions).toBe(4);
    expect(server.bytes).toBe(4 * server.messages);
    expect(summary.steps.map((step) => step.name)).toEqual(['ws']);
    expect(trends['ws_reply']?.count).toBe(summary.requests);
    expect(trends['ws_connecting']?.count).toBe(4);
    expect(trends['ws_session_duration']?.count).toBe(4);
    expect(server.closeCodes).toEqual([1000, 1000, 1000, 1000]);
  });
});
