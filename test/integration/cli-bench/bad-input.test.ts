import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/cli.ts';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('scalebench bench rejects bad input with one line, a hint and exit 2', () => {
  it.each([
    [['not-a-url'], /'not-a-url' is not a URL/],
    [['http://127.0.0.1:1/', '--rate', '0'], /--rate must be greater than 0/],
    [['http://127.0.0.1:1/', '--rate', '-5'], /--rate must be greater than 0/],
    [['http://127.0.0.1:1/', '--duration', '10parsecs'], /--duration '10parsecs' is not a duration/],
    [['http://127.0.0.1:1/', '--rate', 'lots'], /--rate 'lots' is not a number/],
    [['http://127.0.0.1:1/', '--workers', '2.5'], /--workers '2.5' is not an integer/],
    [['http://127.0.0.1:1/', '--connections', 'x'], /--connections 'x' is not an integer/],
    [['http://127.0.0.1:1/', '--rate', '5', '--connections', '2'], /cannot be used together/],
    [['http://127.0.0.1:1/', '--header', 'no-colon'], /is not name:value/],
    [
      ['http://127.0.0.1:1/', '--rate', '1e9', '--duration', '2s'],
      /arrivals\/s per thread cannot even be scheduled/,
    ],
    [['http://127.0.0.1:1/', '--connections', '100000000'], /connections need 100000000 open files/],
    [['http://127.0.0.1:1/', '--trials', '0'], /--trials must be at least 1, got 0/],
    [['http://127.0.0.1:1/', '--trials', '2.5'], /--trials '2.5' is not an integer/],
    [
      ['http://127.0.0.1:1/', '--trials', '3', '--shard', '0/2'],
      /--trials and --shard cannot be used together/,
    ],
    [['http://127.0.0.1:1/', '--trials', '3', '--pause', 'soon'], /--pause 'soon' is not a duration/],
  ])('bench %j', async (args, message) => {
    const result = await runCliInProcess(['bench', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/hint: /);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('probes the host first and names an unreachable one', async () => {
    const port = await closedPort();
    const result = await runCliInProcess(['bench', `http://127.0.0.1:${port}/`, '--duration', '1s']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      new RegExp(
        `cannot connect to 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\).*SB_ERR_UNREACHABLE.*hint: start the service`,
      ),
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('bench with WebSocket or event-stream flags rejects what does not fit, exit 2', () => {
  it.each([
    [['ws://127.0.0.1:1/', '--method', 'POST'], /--method is an HTTP request option/],
    [['ws://127.0.0.1:1/', '--body', 'x'], /--body is an HTTP request option/],
    [['ws://127.0.0.1:1/', '--http2'], /--http2 is an HTTP request option/],
    [['wss://127.0.0.1:1/', '--client', 'undici'], /--client is an HTTP request option/],
    [['http://127.0.0.1:1/', '--ws-rate', '5'], /--ws-rate applies to ws:\/\//],
    [['http://127.0.0.1:1/', '--sse-hold', '5s'], /--sse-hold applies to --sse only/],
    [['ws://127.0.0.1:1/', '--sse'], /--sse takes an http/],
    [['ws://127.0.0.1:1/', '--ws-expect', '(('], /is not a regular expression/],
    [['http://127.0.0.1:1/', '--sse', '--method', 'PUT'], /--method is an HTTP request option/],
    [['--targets', 'x.txt', '--ws-message', 'hi'], /--ws-message applies to ws:\/\//],
  ])('bench %j', async (args, message) => {
    const result = await runCliInProcess(['bench', ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });

  it('refuses an unknown --ws- option', async () => {
    const result = await runCliInProcess(['bench', 'ws://127.0.0.1:1/', '--ws-bogus', '1']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown option '--ws-bogus'/);
  });
});
