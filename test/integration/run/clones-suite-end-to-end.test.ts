/**
 * `scalebench run` on the real clones target: a custom experiment with a stateless and a stateful
 * variant (2 clones behind a real balancer, clone 0 killed at 1 s) writes a valid, complete results file
 * and every report; sessions survive only in Redis; thresholds pass, so the exit code is 0.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readResultsFile } from '../../../results/files.ts';
import type { SuiteResults } from '../../../results/schema.ts';
import { clonesMini } from '../../fixtures/run/clones-experiments.ts';
import { writeConfig } from '../../fixtures/run/write-config.ts';
import { runCliInProcess } from '../../helpers/cli.ts';

let config: { dir: string; file: string };

beforeAll(async () => {
  config = await writeConfig([clonesMini], 'sb-run-clones-');
});

afterAll(async () => {
  if (config) await rm(config.dir, { recursive: true, force: true });
});

it('runs a stateless and a stateful variant with a killed clone and writes every report', async () => {
  const out = join(config.dir, 'out');
  const run = await runCliInProcess(
    ['run', 'clones-mini', '--quick', '--config', config.file, '--out', out, '--format', 'all'],
    { cwd: config.dir, extraEnv: { GITHUB_STEP_SUMMARY: undefined } },
  );
  expect(run.stderr, run.stderr).not.toContain('threshold failed');
  // a 3 s trial judges a few dozen sessions: too few for the stateless variant's verdict, and said so
  expect(run.stderr).toMatch(
    /threshold not judged: clones-mini\/stateless: sessionsLost count==0 \(not enough evidence: \d+ sessions judged/,
  );
  // the takeaways, then the report's absolute path
  expect(run.stdout).toMatch(/^takeaways:\n {2}clones-mini: .+\n/);
  expect(run.stdout).toContain(
    `report written to ${out}/ (json, md, html, png, junit, bmf, gab)\nopen ${join(out, 'report.html')}\n`,
  );
  expect(run.stderr).toMatch(
    /\[1\/2\] clones-mini\/stateless: target ready at http:\/\/127\.0\.0\.1:\d+ behind \w+/,
  );
  expect(run.stderr).toMatch(/\[2\/2\] clones-mini\/stateful: done\n/);

  const results = (await readResultsFile(join(out, 'results.json'))) as SuiteResults;
  expect(results.kind).toBe('suite');
  expect(results.complete).toBe(true);
  expect(results.profile).toBe('quick');
  expect(results.experiments.map((experiment) => experiment.name)).toEqual(['clones-mini']);
  const [stateless, stateful] = results.experiments[0]!.variants;
  expect([stateless?.name, stateful?.name]).toEqual(['stateless', 'stateful']);
  for (const variant of [stateless!, stateful!]) {
    expect(['haproxy', 'nginx', 'builtin']).toContain(variant.balancer);
    expect(variant.trials).toHaveLength(1);
    const [trial] = variant.trials;
    expect(trial!.summary.requests).toBeGreaterThan(0);
    expect(trial!.correctness.sessions).toBeGreaterThan(0);
    expect(trial!.faults).toEqual([expect.objectContaining({ kind: 'kill', detail: 'kill clone 0' })]);
    expect(trial!.faults[0]!.atSeconds).toBeGreaterThan(0.5);
  }
  expect(stateless!.trials[0]!.correctness.sessionsLost).toBe(0);
  expect(stateless!.thresholds).toEqual([
    { metric: 'sessionsLost', expression: 'count==0', actual: 0, passed: true },
  ]);
  expect(stateful!.trials[0]!.correctness.sessionsLost).toBeGreaterThan(0);

  const files = await readdir(out);
  for (const name of ['results.json', 'report.md', 'report.html', 'junit.xml', 'charts']) {
    expect(files).toContain(name);
  }
  const charts = await readdir(join(out, 'charts'));
  expect(charts.filter((name) => name.endsWith('.png')).length).toBeGreaterThan(0);
  const markdown = await readFile(join(out, 'report.md'), 'utf8');
  expect(markdown).toContain('clones-mini');
  expect(markdown).toContain('stateful');
  expect(run.code).toBe(0);
}, 60_000);
