import { describe, expect, it } from 'vitest';
import { defineFlow } from '../../../load-model/flows/define-flow.ts';
import { streamBody } from './fixtures/hostile-server.ts';
import {
  CLIENTS,
  hostile,
  MEMORY_BOUND_BYTES,
  runAgainst,
  SHORT_TIMEOUT,
  TIME_BOUND_MS,
} from './fixtures/run-hostile.ts';

const GIGABYTE = 1024 ** 3;

const readsBody = defineFlow({
  name: 'reads body',
  async iteration(vu) {
    await vu.request('page', { path: '/' }, { checks: { 'has body': (r) => r.text().length > 0 } });
  },
});

describe.each(CLIENTS)('a 1 GB response body (%s client)', (client) => {
  const bigBody = () =>
    hostile((socket) => {
      socket.write(`HTTP/1.1 200 OK\r\nContent-Length: ${GIGABYTE}\r\n\r\n`);
      streamBody(socket, GIGABYTE);
    });

  it('is read without being kept: a response or a timeout, memory flat, on time', async () => {
    const server = await bigBody();
    const { summary, elapsedMs, rssGrowth } = await runAgainst(server.url, client, {
      timeout: SHORT_TIMEOUT,
    });
    expect(summary.requests).toBeGreaterThan(0);
    expect(Object.keys(summary.errorsByClass).filter((name) => name !== 'timeout')).toEqual([]);
    expect(rssGrowth).toBeLessThan(MEMORY_BOUND_BYTES);
    expect(elapsedMs).toBeLessThan(TIME_BOUND_MS);
  });

  it('fails a flow request whose kept body passes maxBody, without holding it', async () => {
    const server = await bigBody();
    const { summary, rssGrowth } = await runAgainst(server.url, client, {
      flow: readsBody,
      maxBody: 1024 * 1024,
    });
    expect(summary.errorsByClass).toEqual({ other: summary.requests });
    expect(rssGrowth).toBeLessThan(MEMORY_BOUND_BYTES);
  });
});
