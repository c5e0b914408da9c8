/**
 * bench --sse in the engine: held streams count the events the server sent, time the first one and
 * each stamped one, and reconnect with Last-Event-ID when the server ends a stream.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runLoad } from '../../../load/engine/run-load.ts';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe('event streams held by the engine', () => {
  it('count what the server sent and resume from the last event id', async () => {
    const seen = { events: 0, streams: 0, lastEventIds: [] as string[] };
    server = createServer((request, response) => {
      seen.streams += 1;
      seen.lastEventIds.push(String(request.headers['last-event-id'] ?? ''));
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('retry: 20\n: a comment\n\n');
      let id = Number(request.headers['last-event-id'] ?? 0);
      const timer = setInterval(() => {
        id += 1;
        seen.events += 1;
        response.write(`id: ${id}\r\nevent: tick\r\ndata: {"ts":${Date.now()}}\r\n\r\n`);
        if (id % 10 === 0) {
          clearInterval(timer);
          response.end();
        }
      }, 10);
      request.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`;
    const outcome = await runLoad({
      baseUrl: url,
      executor: { executor: 'constant-vus', vus: 2, duration: 700 },
      warmup: 0,
      sse: { holdMs: 0 },
    });
    const { counters, trends, summary } = outcome;
    expect(summary.errors).toBe(0);
    expect(counters['sse_events']).toBe(seen.events);
    expect(counters['sse_streams']).toBe(seen.streams);
    expect(counters['sse_reconnects']).toBe(seen.streams - 2);
    expect(summary.iterations).toBe(seen.events);
    expect(summary.requests).toBe(seen.streams);
    expect(seen.lastEventIds.filter((id) => id === '')).toHaveLength(2);
    expect(seen.lastEventIds.filter((id) => id !== '').every((id) => Number(id) % 10 === 0)).toBe(true);
    expect(seen.lastEventIds).toContain('10');
    expect(trends['sse_first_event']?.count).toBe(seen.streams);
    expect(trends['sse_event_latency']?.count).toBe(seen.events);
  });
});
