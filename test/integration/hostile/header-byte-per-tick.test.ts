import { describe, expect, it } from 'vitest';
import { CLIENTS, hostile, runAgainst, SHORT_TIMEOUT, TIME_BOUND_MS } from './fixtures/run-hostile.ts';

describe.each(CLIENTS)(
  'a server that sends the status line, then one header byte at a time (%s client)',
  (client) => {
    it('times the request out at the request timeout although bytes keep coming', async () => {
      const server = await hostile((socket, self) => {
        socket.write('HTTP/1.1 200 OK\r\n');
        self.every(socket, 50, () => socket.write('x'));
      });
      const { summary, elapsedMs } = await runAgainst(server.url, client, { timeout: SHORT_TIMEOUT });
      expect(summary.errorsByClass).toEqual({ timeout: summary.requests });
      expect(summary.requests).toBe(6);
      expect(elapsedMs).toBeLessThan(TIME_BOUND_MS);
    });
  },
);
