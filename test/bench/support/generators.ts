/**
 * Running each load generator as a child process and reading what it did: scalebench and autocannon
 * through generator-child.ts (CPU from process.cpuUsage inside the child), wrk and hey through the
 * shell wrapper of proc-stat.ts (CPU from the shell's cutime/cstime after the generator exited).
 */
import { fileURLToPath } from 'node:url';
import { runToEnd, tsNodeArgs } from './child.ts';
import type { GeneratorJob, GeneratorResult } from './generator-child.ts';
import { shellWithCpu, splitCpu } from './proc-stat.ts';

const GENERATOR_CHILD = fileURLToPath(new URL('./generator-child.ts', import.meta.url));

export async function runNodeGenerator(job: GeneratorJob): Promise<GeneratorResult> {
  const { done } = runToEnd(job.tool, process.execPath, tsNodeArgs(GENERATOR_CHILD, [JSON.stringify(job)]));
  const finished = await done;
  const line = finished.stdout.split('\n').find((text) => text.startsWith('{"result"'));
  if (finished.code !== 0 || !line) {
    throw new Error(`${job.tool} failed (exit ${finished.code}): ${finished.stderr.trim().slice(-500)}`);
  }
  return (JSON.parse(line) as { result: GeneratorResult }).result;
}

export interface ExternalRun {
  output: string;
  cpuSeconds: number;
  systemSeconds: number;
}

/** Runs wrk/hey (bounded by their own duration flag) and returns their output and CPU time. */
export async function runExternal(command: string, args: readonly string[]): Promise<ExternalRun> {
  const { done } = runToEnd(command, '/bin/sh', shellWithCpu(command, args));
  const finished = await done;
  const { output, cpu } = splitCpu(finished.stdout);
  return {
    output: `${output}${finished.stderr}`,
    cpuSeconds: cpu.userSeconds + cpu.systemSeconds,
    systemSeconds: cpu.systemSeconds,
  };
}

/** wrk prints latencies as `52.10us`, `1.20ms`, `1.00s`: to ms. */
export function wrkDurationMs(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  const scale: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
  return value * scale[match[2]!]!;
}

export interface WrkFigures {
  requests: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
}

/** Parses `wrk --latency` output. */
export function parseWrk(output: string): WrkFigures {
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? Number.NaN);
  const percentile = (p: string) =>
    wrkDurationMs(new RegExp(`^\\s+${p}%\\s+(\\S+)`, 'm').exec(output)?.[1] ?? '');
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  const errors = socketErrors
    ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) + non2xx
    : non2xx;
  return { requests, p50: percentile('50'), p90: percentile('90'), p99: percentile('99'), errors };
}
