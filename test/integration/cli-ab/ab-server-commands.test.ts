/**
 * `ab --baseline-cmd/--candidate-cmd`: scalebench starts each side's server, waits for its URL, and
 * stops it after. A command that exits, or never answers, ends ab with exit 2 and the last line of its
 * output; nothing it started is left running.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { freePort } from '../../../targets/lifecycle/free-port.ts';
import { runCliInProcess } from '../../helpers/cli.ts';

const delayServer = fileURLToPath(new URL('../../fixtures/run/delay-server.mjs', import.meta.url));
const quick = ['--trials', '2', '--duration', '500ms', '--warmup', '100ms', '--rate', '20'];

function running(marker: string): string[] {
  const lines = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n');
  return lines.filter((line) => line.includes(marker) && !line.includes('ps -eo'));
}

it('starts both servers, races them, and stops them after', async () => {
  const [a, b] = [await freePort(), await freePort()];
  const marker = `SB_AB_MARK_${process.pid}_${a}`;
  const cmd = (port: number) => `${marker}=1 PORT=${port} exec node ${JSON.stringify(delayServer)}`;
  const result = await runCliInProcess(
    [
      'ab',
      `http://127.0.0.1:${a}/`,
      `http://127.0.0.1:${b}/`,
      '--baseline-cmd',
      cmd(a),
      '--candidate-cmd',
      cmd(b),
      ...quick,
    ],
    { extraEnv: { GITHUB_STEP_SUMMARY: '' } },
  );
  expect(result.stdout).toMatch(/starting the baseline server/);
  expect(result.stdout).toMatch(/verdict: INCONCLUSIVE/); // 2 trials a side: too few to judge
  expect(result.code).toBe(3);
  const left = await freePortIsFree(a);
  expect(left).toBe(true);
}, 60_000);

async function freePortIsFree(port: number): Promise<boolean> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

it('a baseline command that exits → exit 2 with the last line of its output', async () => {
  const result = await runCliInProcess([
    'ab',
    'http://127.0.0.1:9/',
    'http://127.0.0.1:9/',
    '--baseline-cmd',
    "echo starting; echo 'Error: listen EADDRINUSE :::3001' >&2; exit 1",
    ...quick,
  ]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(
    /could not start the baseline server .*it exited with 1 \(Error: listen EADDRINUSE :::3001\)/,
  );
  expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
});

it('a candidate command that never answers → exit 2 after --ready-timeout, and it is stopped', async () => {
  const marker = `31.${process.pid}`;
  const result = await runCliInProcess([
    'ab',
    'http://127.0.0.1:9/',
    'http://127.0.0.1:9/',
    '--candidate-cmd',
    `echo compiling the candidate; sleep ${marker}`,
    '--ready-timeout',
    '1s',
    ...quick,
  ]);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(
    /could not start the candidate server .*not ready after 1000 ms \(compiling the candidate\)/,
  );
  expect(running(`sleep ${marker}`)).toEqual([]);
});

it('--trials 0 is refused', async () => {
  const result = await runCliInProcess(['ab', 'http://127.0.0.1:9/', 'http://127.0.0.1:9/', '--trials', '0']);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/--trials must be at least 1/);
});
