import { describe, expect, it } from 'vitest';
import { CLIENTS, hostile, runAgainst, TIME_BOUND_MS } from './fixtures/run-hostile.ts';

describe.each(CLIENTS)('garbage instead of a status line (%s client)', (client) => {
  it('counts a parse error per request', async () => {
    const server = await hostile((socket) => socket.write('SSH-2.0-OpenSSH_9.6\r\n\r\n'));
    const { summary, elapsedMs } = await runAgainst(server.url, client);
    expect(summary.errorsByClass).toEqual({ parse: 6 });
    expect(elapsedMs).toBeLessThan(TIME_BOUND_MS);
  });
});
