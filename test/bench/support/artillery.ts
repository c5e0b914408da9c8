/**
 * Artillery 2 as a peer of the WebSocket benchmark. It is never a dependency of scalebench (it installs
 * about 600 MB): the benchmark finds it at run time as ARTILLERY_BIN, else an `artillery` on PATH, else
 * installs it once with npm into a cache folder outside the repository ($XDG_CACHE_HOME or ~/.cache,
 * then scalebench-bench/artillery). Artillery is driven with its own `ws` engine through a scenario
 * written to a temporary folder: N virtual users arrive within the first second, each opens one socket
 * and, for S seconds, sends the message and waits for its echo (a `send` with a `match` waits for the
 * reply) before sending the next.
 */
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { runToEnd } from './child.ts';
import type { ExternalRun } from './generators.ts';
import { shellWithCpu, splitCpu } from './proc-stat.ts';

const PACKAGE = 'artillery@2';

export type ArtilleryLookup =
  | { state: 'found'; bin: string; version: string; from: string }
  | { state: 'missing'; reason: string };

export function artilleryCacheDir(): string {
  const cache = process.env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(cache, 'scalebench-bench', 'artillery');
}

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function onPath(name: string): Promise<string | undefined> {
  for (const dir of (process.env['PATH'] ?? '').split(delimiter)) {
    if (dir !== '' && (await isExecutable(join(dir, name)))) return join(dir, name);
  }
  return undefined;
}

/** The version of the `artillery` package a bin (usually a symlink into it) belongs to. */
async function versionOf(bin: string): Promise<string | undefined> {
  let dir = dirname(await realpath(bin));
  for (let depth = 0; depth < 4; depth += 1, dir = dirname(dir)) {
    const text = await readFile(join(dir, 'package.json'), 'utf8').catch(() => '{}');
    const manifest = JSON.parse(text) as { name?: string; version?: string };
    if (manifest.name === 'artillery') return manifest.version;
  }
  return undefined;
}

async function found(bin: string, from: string): Promise<ArtilleryLookup> {
  const version = await versionOf(bin).catch(() => undefined);
  if (version !== undefined && !version.startsWith('2.'))
    return { state: 'missing', reason: `${from} is Artillery ${version}, not 2` };
  return { state: 'found', bin, version: version ?? '2 (version not read)', from };
}

/** npm's own reason, not its closing "a complete log of this run…" line */
function npmReason(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim());
  const errors = lines.filter((line) => /^npm (error|ERR!)/.test(line) && !/complete log/.test(line));
  return (errors.find((line) => /\b(code|E[A-Z]+|network|failed)\b/i.test(line)) ?? errors[0] ?? '').slice(
    0,
    200,
  );
}

async function install(dir: string): Promise<ArtilleryLookup> {
  process.stdout.write(
    `websocket: Artillery 2 is neither ARTILLERY_BIN nor on PATH: installing ${PACKAGE} once into ${dir} (about 600 MB, a minute or two)\n`,
  );
  await mkdir(dir, { recursive: true });
  // --ignore-scripts: playwright-core's postinstall downloads a browser, which the ws engine never uses
  const args = [
    'install',
    '--no-save',
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
    '--prefix',
    dir,
    PACKAGE,
  ];
  const finished = await runToEnd('npm install artillery', 'npm', args, 15 * 60_000).done.catch(
    (error: unknown) => ({ code: null, stdout: '', stderr: `npm error ${String(error)}` }),
  );
  const bin = join(dir, 'node_modules', '.bin', 'artillery');
  if (finished.code === 0 && (await isExecutable(bin))) return found(bin, dir);
  const reason = npmReason(finished.stderr) || `no ${bin} afterwards`;
  return { state: 'missing', reason: `npm install ${PACKAGE} failed (exit ${finished.code}): ${reason}` };
}

/** ARTILLERY_BIN, else `artillery` on PATH, else the cache folder, installed there if absent. */
export async function findArtillery(): Promise<ArtilleryLookup> {
  const fromEnv = process.env['ARTILLERY_BIN'];
  if (fromEnv) {
    if (await isExecutable(fromEnv)) return found(fromEnv, 'ARTILLERY_BIN');
    return { state: 'missing', reason: `ARTILLERY_BIN=${fromEnv} is not an executable file` };
  }
  const path = await onPath('artillery');
  if (path) return found(path, path);
  const dir = artilleryCacheDir();
  const cached = join(dir, 'node_modules', '.bin', 'artillery');
  return (await isExecutable(cached)) ? found(cached, dir) : install(dir);
}

export interface EchoJob {
  url: string;
  sockets: number;
  seconds: number;
  message: string;
}

/** The scenario: each virtual user loops send-and-await-echo until its deadline (the processor's). */
function scenario(job: EchoJob, processor: string): string {
  const exactly = job.message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return stringify({
    config: { target: job.url, phases: [{ duration: 1, arrivalCount: job.sockets }], processor },
    scenarios: [
      {
        name: 'echo',
        engine: 'ws',
        flow: [
          {
            loop: [{ send: { payload: job.message, match: { regexp: exactly, value: job.message } } }],
            whileTrue: 'withinDeadline',
          },
        ],
      },
    ],
  });
}

function processorSource(seconds: number): string {
  return `'use strict';
// scalebench's WebSocket benchmark: each virtual user loops for ${seconds} s after its first echo
module.exports.withinDeadline = (context, next) => {
  context.vars.deadline ??= Date.now() + ${seconds * 1000};
  next(Date.now() < context.vars.deadline);
};
`;
}

export interface ArtilleryRun extends ExternalRun {
  /** from Artillery's summary report: virtual users completed and failed, messages it sent */
  completed: number;
  failed: number;
  sent: number;
}

function summaryCount(summary: string, name: string): number {
  const match = new RegExp(`^${name.replace(/\./g, '\\.')}: \\.*\\s*(\\d+)`, 'm').exec(summary);
  return match ? Number(match[1]) : Number.NaN;
}

/**
 * `artillery run` as a user runs it, start-up included, under the shell wrapper of proc-stat.ts: its
 * CPU is the user + system time of the whole process tree, read after it exited. Telemetry is off (it
 * would only wait on a network this benchmark does not reach).
 */
export async function runArtilleryEcho(bin: string, job: EchoJob): Promise<ArtilleryRun> {
  const dir = await mkdtemp(join(tmpdir(), 'scalebench-artillery-'));
  try {
    const processor = join(dir, 'deadline.cjs');
    await writeFile(processor, processorSource(job.seconds));
    await writeFile(join(dir, 'echo.yml'), scenario(job, processor));
    const command = ['ARTILLERY_DISABLE_TELEMETRY=true', bin, 'run', join(dir, 'echo.yml')];
    const limitMs = (job.seconds + 60) * 1000;
    const finished = await runToEnd('artillery', '/bin/sh', shellWithCpu('env', command), limitMs).done;
    const { output, cpu } = splitCpu(finished.stdout);
    const summary = output.slice(output.lastIndexOf('Summary report'));
    return {
      output: `${output}${finished.stderr}`,
      cpuSeconds: cpu.userSeconds + cpu.systemSeconds,
      systemSeconds: cpu.systemSeconds,
      completed: summaryCount(summary, 'vusers.completed'),
      failed: summaryCount(summary, 'vusers.failed'),
      sent: summaryCount(summary, 'websocket.messages_sent'),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
