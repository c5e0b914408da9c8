import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type SpawnedCli, spawnCli } from '../../helpers/cli.ts';

/** true while any process remains in the process group led by `pid` (each started process leads one) */
function groupAlive(pid: number): boolean {
  return spawnSync('pgrep', ['-g', String(pid)]).status === 0;
}

describe('scalebench targets start (real binary)', () => {
  const logDir = mkdtempSync(join(tmpdir(), 'sb-cli-targets-test-'));
  let cli: SpawnedCli | undefined;

  afterEach(async () => {
    if (cli && cli.child.exitCode === null) cli.child.kill('SIGKILL');
    rmSync(logDir, { recursive: true, force: true });
  });

  it('prints one ready line with the balancer address, serves, and stops every process on SIGINT', async () => {
    cli = spawnCli([
      'targets',
      'start',
      'clones',
      '--variant',
      'session=memory',
      '--clones',
      '2',
      '--log-dir',
      logDir,
    ]);
    let stderr = '';
    cli.child.stderr!.on('data', (chunk: string) => {
      stderr += chunk;
    });
    const stdout = await cli.waitForStdout(/^ready http:\/\/127\.0\.0\.1:\d+\n/m, 45_000);
    const url = stdout.trim().split(' ')[1]!;
    const health = await fetch(new URL('/healthz', url));
    expect(health.status).toBe(200);
    expect(health.headers.get('x-served-by')).toMatch(/^clone-[01]$/);

    const pids = [...stderr.matchAll(/ pid (\d+)/g)].map((match) => Number(match[1]));
    expect(pids.length).toBe(3); // the balancer and two clones
    expect(pids.filter(groupAlive)).toEqual(pids);

    cli.child.kill('SIGINT');
    const result = await cli.result;
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`ready ${url}\n`);
    expect(pids.filter(groupAlive)).toEqual([]);
  });
});
