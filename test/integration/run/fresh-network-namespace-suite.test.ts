/**
 * Where nothing listens (a fresh network namespace: no Redis, PostgreSQL or RabbitMQ on any port), a short
 * `scalebench run` completes: it starts a private Redis (async) and an embedded PostgreSQL (database),
 * skips the RabbitMQ variant with one notice line, shows it as skipped in the report, exits 0, and leaves
 * no process behind in the namespace. Needs root and `ip` (iproute2); skipped without them.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import type { SuiteResults } from '../../../results/schema.ts';
import { findOnPath } from '../../../targets/lifecycle/find-executable.ts';
import { writeConfig } from '../../fixtures/run/write-config.ts';
import { binPath, type CliResult } from '../../helpers/cli.ts';
import { requireSetup } from '../../helpers/requires-tool.ts';

const flow = (file: string, exportName: string) => ({
  module: fileURLToPath(new URL(`../../../scenarios/flows/${file}`, import.meta.url)),
  exportName,
});
const profile = {
  executor: { executor: 'constant-arrival-rate', rate: 5, duration: '2s', preAllocatedVUs: 5, maxVUs: 20 },
  warmup: '200ms',
};
const common = {
  description: 'a short run where nothing listens',
  profiles: { quick: profile, full: profile },
  // this test judges exit codes and processes, not latency: a busy shared machine must not make it INVALID
  saturation: { maxScheduleLagP99Ms: 5000, maxEventLoopDelayP99Ms: 5000 },
};
const asyncMini = {
  ...common,
  name: 'async-mini',
  title: 'Async in small',
  target: 'async',
  variants: [
    { name: 'prerendered', params: { work: 'prerendered' }, env: { PRERENDER_COUNT: '20' } },
    { name: 'queued-rabbitmq', params: { work: 'queued', queue: 'rabbitmq' }, workers: 1 },
  ],
  flow: flow('job-flow.ts', 'jobFlow'),
  flowParams: { inputs: 20, pollMs: 50, maxPolls: 100 },
  counters: ['jobsSubmitted', 'jobsNotSeenDone'],
};
const databaseMini = {
  ...common,
  name: 'database-mini',
  title: 'Database in small',
  target: 'database',
  variants: [
    {
      name: 'normalized',
      params: { db: 'normalized' },
      env: { ORDERS_SEED: 'customers=50,skus=20,orders=200,maxLines=3,seed=1' },
    },
  ],
  flow: flow('order-flow.ts', 'orderFlow'),
  flowParams: { writeRatio: 0.2, customers: 50, orders: 200 },
  counters: ['rywChecks', 'rywViolations'],
};

const namespace = `sb-test-fresh-${process.pid}`;
let created = false;
let configDir: string | undefined;

/** pids of every process in the namespace */
function namespacePids(): number[] {
  const out = execFileSync('ip', ['netns', 'pids', namespace], { encoding: 'utf8' });
  return out.split('\n').filter(Boolean).map(Number);
}

afterAll(async () => {
  if (created) {
    // whatever the run left behind must not outlive the test
    for (const pid of namespacePids()) process.kill(pid, 'SIGKILL');
    execFileSync('ip', ['netns', 'delete', namespace]);
  }
  if (configDir) await rm(configDir, { recursive: true, force: true });
});

function runInNamespace(args: string[], cwd: string): Promise<CliResult> {
  const env = { ...process.env, REDIS_URL: undefined, DATABASE_URL: undefined, AMQP_URL: undefined };
  const child = spawn('ip', ['netns', 'exec', namespace, process.execPath, binPath, ...args], {
    cwd,
    env: { ...env, SCALEBENCH_START_SERVICES: undefined, GITHUB_STEP_SUMMARY: undefined },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr })));
}

it('runs on a private Redis and an embedded PostgreSQL, skips RabbitMQ, exits 0 and leaves no process', async (ctx) => {
  const ip = await findOnPath('ip');
  requireSetup(ctx, process.getuid?.() === 0 && ip !== undefined, {
    name: 'root with ip',
    install: 'run as root; apt-get install iproute2',
  });
  execFileSync('ip', ['netns', 'add', namespace]);
  created = true;
  execFileSync('ip', ['netns', 'exec', namespace, 'ip', 'link', 'set', 'lo', 'up']);
  const config = await writeConfig([asyncMini, databaseMini], 'sb-run-fresh-');
  configDir = config.dir;
  const out = join(config.dir, 'out');

  const run = await runInNamespace(
    ['run', 'database-mini', 'async-mini', '--quick', '--config', config.file, '--out', out],
    config.dir,
  );

  expect(run.stderr).not.toMatch(/^error:|threshold failed|INVALID/m);
  const notices = run.stderr.split('\n').filter((line) => line.startsWith('skipped '));
  expect(notices).toHaveLength(1);
  expect(notices[0]).toMatch(/^skipped async-mini\/queued-rabbitmq: RabbitMQ does not answer .* — hint: /);
  expect(run.stdout).toContain(`report written to ${out}/ (json, md, html, png, junit, bmf, gab)\n`);
  expect(run.code).toBe(0);

  const results = JSON.parse(await readFile(join(out, 'results.json'), 'utf8')) as SuiteResults;
  expect(results.complete).toBe(true);
  // in the order asked for, though the skip was known before anything ran
  const [databaseResult, asyncResult] = results.experiments;
  expect(asyncResult?.variants.map((variant) => variant.name)).toEqual(['prerendered']);
  expect(asyncResult?.skipped).toEqual([
    expect.objectContaining({ name: 'queued-rabbitmq', service: 'rabbitmq' }),
  ]);
  expect(databaseResult?.variants.map((variant) => variant.name)).toEqual(['normalized']);
  for (const variant of [asyncResult!.variants[0]!, databaseResult!.variants[0]!]) {
    expect(variant.trials[0]!.summary.requests).toBeGreaterThan(0);
  }
  expect(await readFile(join(out, 'report.md'), 'utf8')).toContain('**Skipped.** queued-rabbitmq: RabbitMQ');

  // postgres takes a moment to finish its shutdown after scalebench has exited
  let left = namespacePids();
  for (let wait = 0; wait < 20 && left.length > 0; wait += 1) {
    await sleep(250);
    left = namespacePids();
  }
  expect(left).toEqual([]);
}, 240_000);
