/**
 * The per-server CPU sampler on real processes: a busy process shows CPU, an idle one almost none, and a
 * server measured as a tree (a PostgreSQL postmaster and its backends) counts the CPU of what it forked.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { cpuBetween, serverRecords, snapshotServers } from '../../../orchestration/run/server-cpu.ts';
import type { InstanceInfo } from '../../../targets/target.ts';

const children: ChildProcess[] = [];
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      // the whole group: a shell's forked busy loop must not outlive the test
      process.kill(-child.pid!, 'SIGKILL');
      await once(child, 'exit');
    }
  }
});

function start(script: string): ChildProcess {
  const child = spawn('sh', ['-c', script], { stdio: 'ignore', detached: true });
  children.push(child);
  return child;
}

const instance = (id: string, pid: number, tree = false): InstanceInfo => ({
  id,
  kind: 'clone',
  url: null,
  pid,
  alive: true,
  logFile: null,
  tree,
  server: { model: 'cpu-governor', size: 0.05, label: 'cpu governor 0.05 CPU' },
});

describe.skipIf(process.platform !== 'linux')('the per-server CPU sampler', () => {
  it('reads what each real process used, a tree with its children', async () => {
    const busy = start('while :; do :; done');
    const idle = start('sleep 30');
    // the shell itself only waits: its forked busy loop does the work
    const parent = start('sh -c "while :; do :; done" & wait');
    await sleep(200);
    const servers = [
      instance('busy', busy.pid!),
      instance('idle', idle.pid!),
      instance('parent-alone', parent.pid!),
      instance('parent-tree', parent.pid!, true),
    ];
    const before = await snapshotServers(servers);
    await sleep(1000);
    const used = cpuBetween(before, await snapshotServers(servers));
    expect(used.busy).toBeGreaterThan(0.1);
    expect(used.idle).toBeLessThan(0.05);
    expect(used['parent-alone']).toBeLessThan(0.05);
    expect(used['parent-tree']).toBeGreaterThan(0.1);
    // a 0.05-CPU server that used a busy loop's share is flagged
    const records = serverRecords(servers, used);
    expect(records.find((record) => record.name === 'busy')).toMatchObject({ overSize: true });
    expect(records.find((record) => record.name === 'idle')).toMatchObject({ overSize: false });
  }, 20_000);
});
