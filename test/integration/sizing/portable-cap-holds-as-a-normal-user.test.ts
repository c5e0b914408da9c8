/**
 * The portable CPU cap, as a normal user: a CPU-bound process under the in-process governor, and one
 * under the stop/continue limiter, each use no more than their size + 10% of wall time over 2 s, as the
 * operating system counts it (/proc/<pid>/stat); two CPU-bound processes pinned to one core by CPU
 * affinity use no more than 1.1 CPU between them. Run as root, the capped processes run as `nobody`, so no
 * privilege is involved.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { affinityFor } from '../../../targets/sizing/cpu-affinity.ts';
import { processCpuMs } from '../../../targets/sizing/process-cpu.ts';

const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
  }
});

async function startCapped(mode: 'governor' | 'limiter' | 'affinity', cpus: number): Promise<number> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/fixtures/sizing/capped-busy-child.ts', mode, String(cpus)],
    { ...asNobody, env: { ...process.env, HOME: '/tmp' }, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  let text = '';
  for await (const chunk of child.stdout!) {
    text += String(chunk);
    const pid = /ready (\d+)/.exec(text)?.[1];
    if (pid) return Number(pid);
  }
  throw new Error(`the capped child exited before it was ready (code ${child.exitCode})`);
}

async function shareOver(pid: number, ms: number, tree = false): Promise<number> {
  const wall0 = performance.now();
  const cpu0 = (await processCpuMs(pid, { tree })) as number;
  await sleep(ms);
  const cpu1 = (await processCpuMs(pid, { tree })) as number;
  return (cpu1 - cpu0) / (performance.now() - wall0);
}

describe.skipIf(process.platform !== 'linux')('the portable CPU cap, as a normal user', () => {
  for (const mode of ['governor', 'limiter'] as const) {
    it(`holds a CPU-bound process to its size with the ${mode}`, async () => {
      const cpus = 0.25;
      const pid = await startCapped(mode, cpus);
      const share = await shareOver(pid, 2000);
      expect(share).toBeLessThanOrEqual(cpus * 1.1);
      // it does run: a stopped process would pass the first check
      expect(share).toBeGreaterThan(0.02);
    }, 30_000);
  }

  it.skipIf(affinityFor(1) === null)(
    'holds two CPU-bound processes to one core by CPU affinity',
    async () => {
      const pid = await startCapped('affinity', 1);
      await sleep(500);
      const share = await shareOver(pid, 2000, true);
      expect(share).toBeLessThanOrEqual(1.1);
      // both run, on that one core: unpinned they would take both of a 2-core host
      expect(share).toBeGreaterThan(0.5);
    },
    30_000,
  );
});
