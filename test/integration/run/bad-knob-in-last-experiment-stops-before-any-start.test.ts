/**
 * `scalebench run` compiles every selected experiment before the first one starts: a config whose third
 * experiment has a variant knob and a server size its target cannot read stops at once with one line
 * naming both with their paths (exit 2), before the first two — sound ones, loading a live service —
 * send it a single request or write anything.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { externalExperiment, writeConfig } from '../../fixtures/run/write-config.ts';
import { runCliInProcess } from '../../helpers/cli.ts';

let server: Server;
let requests = 0;
let config: { dir: string; file: string };

beforeAll(async () => {
  server = createServer((request, response) => {
    requests += 1;
    request.resume();
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const load = { rate: 20, duration: '1s' };
  config = await writeConfig(
    [
      externalExperiment('first', url, load),
      externalExperiment('second', url, load),
      externalExperiment('third', url, load, {
        target: 'clones',
        serverSize: 'a lot',
        variants: [{ name: 'typo', params: { session: 'redsi' } }],
      }),
    ],
    'sb-run-knob-',
  );
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  if (config) await rm(config.dir, { recursive: true, force: true });
});

it("names the last experiment's bad knob and size, exit 2, before the first one loads anything", async () => {
  const out = join(config.dir, 'out');
  const run = await runCliInProcess(
    ['run', 'first', 'second', 'third', '--quick', '--config', config.file, '--out', out],
    { cwd: config.dir, extraEnv: { GITHUB_STEP_SUMMARY: undefined } },
  );
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  // no plan line, no progress: the one line is the error
  expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(run.stderr).toMatch(/^error: invalid run plan: /);
  expect(run.stderr).toContain("experiment 'third': serverSize: bad server size 'a lot'");
  expect(run.stderr).toContain(
    "experiment 'third'/typo: params: bad variant for target clones: session=redsi is not one of redis|memory",
  );
  expect(run.stderr).toContain('(SB_ERR_INVALID_CONFIG) — hint: ');
  expect(requests).toBe(0);
  expect(existsSync(out)).toBe(false);
});
