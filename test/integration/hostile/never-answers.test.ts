import { describe, expect, it } from 'vitest';
import { CLIENTS, hostile, runAgainst, SHORT_TIMEOUT, TIME_BOUND_MS } from './fixtures/run-hostile.ts';

describe.each(CLIENTS)('a server that reads the request and never answers (%s client)', (client) => {
  it('counts every request as a timeout, on time', async () => {
    const server = await hostile(() => {});
    const { summary, elapsedMs } = await runAgainst(server.url, client, { timeout: SHORT_TIMEOUT });
    expect(summary.requests).toBe(6);
    expect(summary.errorsByClass).toEqual({ timeout: 6 });
    expect(elapsedMs).toBeLessThan(TIME_BOUND_MS);
  });
});
