import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { binPath, type SpawnedCli, spawnCli } from '../../helpers/cli.ts';
import { descendants, waitForDescendants, waitUntilGone } from '../../helpers/process-tree.ts';

/** what a target process of scalebench looks like in `ps` (clones, workers, balancers, services) */
const isTargetProcess = (args: string) => /targets\/(app|balancer)\//.test(args);

describe('everything scalebench starts dies with it', () => {
  const folders: string[] = [];
  /** processes to kill if a test fails half-way, so a failure leaves nothing running either */
  const leftovers: number[] = [];
  let cli: SpawnedCli | undefined;

  afterEach(() => {
    if (cli && cli.child.exitCode === null) cli.child.kill('SIGKILL');
    cli = undefined;
    for (const pid of leftovers.splice(0)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone, as it should be
      }
    }
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  /** SIGKILLs scalebench, then answers which of `children` still run 5 s later: none, when it works */
  async function killAndListSurvivors(children: { pid: number }[]) {
    cli!.child.kill('SIGKILL');
    await cli!.result;
    return waitUntilGone(
      children.map((child) => child.pid),
      5000,
    );
  }

  function tempFolder(): string {
    const folder = mkdtempSync(join(tmpdir(), 'sb-children-test-'));
    folders.push(folder);
    return folder;
  }

  it('kill -9 of `targets start async --variant work=queued` leaves no child within 5 s', async () => {
    cli = spawnCli(['targets', 'start', 'async', '--variant', 'work=queued', '--log-dir', tempFolder()]);
    await cli.waitForStdout(/^ready /m, 45_000);
    const children = descendants(cli.child.pid!);
    leftovers.push(...children.map((child) => child.pid));
    expect(children.filter((child) => /targets\/app\/worker/.test(child.args)).length).toBe(2);
    expect(children.filter((child) => /targets\/app\/main/.test(child.args)).length).toBe(1);

    expect(await killAndListSurvivors(children)).toEqual([]);
  });

  it('kill -9 of a real `run` in the middle of a variant leaves no child within 5 s', async () => {
    const out = tempFolder();
    cli = spawnCli(['run', 'async', '--quick', '--variant', 'queued-bullmq', '--out', out]);
    const children = await waitForDescendants(
      cli.child.pid!,
      (found) => found.filter((child) => /targets\/app\/worker/.test(child.args)).length >= 2,
      60_000,
    );
    leftovers.push(...children.map((child) => child.pid));
    expect(children.some((child) => isTargetProcess(child.args))).toBe(true);

    expect(await killAndListSurvivors(children)).toEqual([]);
  });

  it('kill -9 of `services start --start` takes the private Redis and PostgreSQL down with it', async () => {
    cli = spawnCli(['services', 'start', 'redis', 'postgres', '--start', '--json']);
    const stdout = await cli.waitForStdout(/\]\n/, 60_000);
    const services = JSON.parse(stdout) as { name: string; source: string; pid: number; dataDir: string }[];
    expect(services.map((service) => [service.name, service.source])).toEqual([
      ['redis', 'started'],
      ['postgres', 'started'],
    ]);
    const children = descendants(cli.child.pid!);
    leftovers.push(...children.map((child) => child.pid));
    expect(children.map((child) => child.pid)).toEqual(expect.arrayContaining(services.map((s) => s.pid)));
    const folders = services.map((service) => service.dataDir);
    expect(folders.filter((folder) => existsSync(folder))).toEqual(folders);

    expect(await killAndListSurvivors(children)).toEqual([]);
    // and their data folders, once the servers have let go of them
    const deadline = Date.now() + 5000;
    while (folders.some((folder) => existsSync(folder)) && Date.now() < deadline) await sleep(100);
    expect(folders.filter((folder) => existsSync(folder))).toEqual([]);
  });

  it('a second SIGINT forces the stop at once (exit 130) and still leaves no child', async () => {
    cli = spawnCli(['targets', 'start', 'async', '--variant', 'work=queued', '--log-dir', tempFolder()]);
    await cli.waitForStdout(/^ready /m, 45_000);
    const children = descendants(cli.child.pid!);
    leftovers.push(...children.map((child) => child.pid));
    expect(children.filter((child) => isTargetProcess(child.args)).length).toBe(3);

    const stopping = new Promise<void>((resolve) => {
      cli!.child.stderr!.on('data', (chunk: string) => {
        if (chunk.includes('stopping')) resolve();
      });
    });
    cli.child.kill('SIGINT');
    await stopping; // two signals sent back to back would reach the process as one
    cli.child.kill('SIGINT');
    const result = await cli.result;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('forced stop');
    expect(
      await waitUntilGone(
        children.map((child) => child.pid),
        5000,
      ),
    ).toEqual([]);
  });

  it('stops itself and its children when npm launched it and npm dies (npm forwards no signal)', async () => {
    // `sh` stands in for `npm exec`: the parent that dies without passing any signal on
    const launcher = spawn(
      'sh',
      ['-c', '"$0" "$@"; :', process.execPath, binPath, 'targets', 'start', 'clones'],
      {
        env: { ...process.env, npm_command: 'exec', SCALEBENCH_BALANCER: 'builtin' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const below = await waitForDescendants(
      launcher.pid!,
      (found) => found.filter((child) => isTargetProcess(child.args)).length >= 3,
      45_000,
    );
    leftovers.push(...below.map((child) => child.pid));
    launcher.kill('SIGKILL');
    // scalebench itself (the sh's child) and everything below it
    expect(
      await waitUntilGone(
        below.map((child) => child.pid),
        10_000,
      ),
    ).toEqual([]);
  });
});
