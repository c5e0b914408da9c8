/**
 * Bad input to `scalebench run` stops before anything starts: one line on stderr naming the problem
 * (with its code and a hint), nothing on stdout, exit 2.
 */
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { externalExperiment, writeConfig } from '../../fixtures/run/write-config.ts';
import { runCliInProcess } from '../../helpers/cli.ts';

let config: { dir: string; file: string };
let broken: { dir: string; file: string };

beforeAll(async () => {
  config = await writeConfig([externalExperiment('svc', 'http://127.0.0.1:9', { rate: 5, duration: '1s' })]);
  const good = externalExperiment('x', 'http://127.0.0.1:9', { rate: 5, duration: '1s' });
  broken = await writeConfig([
    { ...good, name: 'Bad Name', variants: [] },
    { ...good, name: 'slow-one', thresholds: { http_req_duration: ['p95<200'] } },
    { ...good, name: 'elsewhere', target: 'mainframe' },
  ]);
});

afterAll(async () => {
  for (const dir of [config?.dir, broken?.dir]) if (dir) await rm(dir, { recursive: true, force: true });
});

async function expectBadInput(
  args: string[],
  code: string,
  message: RegExp,
  env: Record<string, string> = {},
) {
  const run = await runCliInProcess(['run', ...args], {
    cwd: config.dir,
    extraEnv: { GITHUB_STEP_SUMMARY: undefined, ...env },
  });
  expect(run.stdout).toBe('');
  expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(run.stderr).toMatch(message);
  expect(run.stderr).toContain(`(${code}) — hint: `);
  expect(run.code).toBe(2);
  return run.stderr;
}

it('rejects an unknown experiment, listing the known ones', async () => {
  const line = await expectBadInput(
    ['nope', '--config', config.file],
    'SB_ERR_INVALID_ARGUMENT',
    /no experiment named nope/,
  );
  expect(line).toMatch(/pick from clones, caching, async, database, svc/);
});

it('rejects --trials 0 and a bad --format', async () => {
  await expectBadInput(
    ['svc', '--trials', '0'],
    'SB_ERR_INVALID_ARGUMENT',
    /--trials must be at least 1, got 0/,
  );
  await expectBadInput(
    ['svc', '--format', 'md,pdf'],
    'SB_ERR_INVALID_ARGUMENT',
    /--format 'pdf' is not a report format/,
  );
});

it('rejects an unknown --variant, naming the variants there are', async () => {
  await expectBadInput(
    ['svc', '--variant', 'nope', '--config', config.file],
    'SB_ERR_INVALID_ARGUMENT',
    /no variant named nope in svc .*only/,
  );
});

it('lists every problem of a config with broken experiments in one line', async () => {
  const line = await expectBadInput(
    ['--config', broken.file],
    'SB_ERR_INVALID_CONFIG',
    /invalid experiments: /,
  );
  expect(line).toContain("experiment 'Bad Name': name must be lowercase letters, digits and dashes");
  expect(line).toContain("experiment 'Bad Name': needs at least one variant");
  expect(line).toContain("experiment 'slow-one': threshold 'p95<200' on http_req_duration is not k6 syntax");
  expect(line).toContain(
    "experiment 'elsewhere': target 'mainframe' is not clones, caching, async, database or a URL",
  );
});

it('stops at once with SB_ERR_NO_DOCKER naming DOCKER_HOST when --stack docker has no engine', async () => {
  await expectBadInput(
    ['svc', '--stack', 'docker', '--config', config.file],
    'SB_ERR_NO_DOCKER',
    /no container engine answers at DOCKER_HOST=unix:\/\/\/nonexistent\/scalebench-test\.sock.*local-engine\.sh/,
    {
      DOCKER_HOST: 'unix:///nonexistent/scalebench-test.sock',
      PATH: process.env.PATH ?? '',
    },
  );
});

it('stops before any target starts when a service URL given in the environment does not answer', async () => {
  const line = await expectBadInput(
    ['async', '--variant', 'sync', '--quick'],
    'SB_ERR_SERVICE_UNAVAILABLE',
    /async\/sync cannot run: Redis at REDIS_URL=redis:\/\/127\.0\.0\.1:1 does not answer/,
    { REDIS_URL: 'redis://127.0.0.1:1' },
  );
  expect(line).toContain('fix REDIS_URL');
});

it('rejects a --rate-fraction outside (0, 1], a --rate of 0 and an unknown --profile', async () => {
  for (const fraction of ['0', '1.5', '-0.2', 'most'])
    await expectBadInput(['svc', '--rate-fraction', fraction], 'SB_ERR_INVALID_ARGUMENT', /--rate-fraction/);
  await expectBadInput(['svc', '--rate', '0'], 'SB_ERR_INVALID_ARGUMENT', /--rate must be above 0, got 0/);
  const line = await expectBadInput(['svc', '--profile', 'long'], 'SB_ERR_INVALID_ARGUMENT', /profile/);
  expect(line).toMatch(/quick.*default.*full.*workshop/);
});
