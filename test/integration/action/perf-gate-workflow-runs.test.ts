/**
 * The workflow of docs/ci-gate.md (docs/ci/perf-gate.yml) run here as GitHub would run it, as far as it is
 * scalebench's: checkout and build are played by writing `base/` and `pr/` (each an npm package whose
 * `start` serves on $PORT, the PR's 20 ms slower); the action's own steps run with bash, the GitHub files
 * pointed at temp files, the workflow's `with:` inputs (free ports instead of 3001/3002, 1 s trials);
 * then the workflow's history step. Cache, comment and upload steps are GitHub's own and not played.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '../../../targets/lifecycle/free-port.ts';
import {
  compositeActionSchema,
  evaluate,
  type Runner,
  readYaml,
  runCompositeAction,
  runStep,
  workflowSchema,
} from '../../helpers/github-actions.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const delayServer = fileURLToPath(new URL('../../fixtures/run/delay-server.mjs', import.meta.url));
let runner: Runner;

async function writeSide(dir: string, delayMs: number) {
  await mkdir(dir, { recursive: true });
  const start = `DELAY_MS=${delayMs} node ${JSON.stringify(delayServer)}`;
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'svc', private: true, scripts: { start } }),
  );
}

beforeAll(async () => {
  const temp = await mkdtemp(join(tmpdir(), 'sb-action-'));
  const workspace = join(temp, 'workspace');
  await writeSide(join(workspace, 'base'), 0);
  await writeSide(join(workspace, 'pr'), 20);
  const env = { ...process.env, GITHUB_BASE_REF: 'main', GITHUB_HEAD_REF: 'feature' };
  runner = { temp, workspace, summaryPath: join(temp, 'step-summary.md'), path: [], env };
  await writeFile(runner.summaryPath, '');
});
afterAll(async () => {
  if (runner) await rm(runner.temp, { recursive: true, force: true });
});

it('races base against the PR, fails on REGRESSED with the verdict in the summary, and keeps the history', async () => {
  const workflow = workflowSchema.parse(await readYaml(join(root, 'docs/ci/perf-gate.yml')));
  const action = compositeActionSchema.parse(await readYaml(join(root, 'action.yml')));
  const steps = Object.values(workflow.jobs)[0]!.steps;
  const gateIndex = steps.findIndex((step) => /\/scalebench@/.test(step.uses ?? ''));
  const gate = steps[gateIndex]!;
  const [basePort, prPort] = [await freePort(), await freePort()];
  const command = `${gate.with!['command']!} --duration 1s --warmup 250ms --rate 50`
    .replaceAll('3001', String(basePort))
    .replaceAll('3002', String(prPort));
  const github = {
    event: { pull_request: { base: { sha: 'a'.repeat(40) }, head: { sha: 'b'.repeat(40) } } },
  };

  const result = await runCompositeAction(runner, action, root, { ...gate.with, command }, github);
  expect(result.code, result.output).toBe(1);
  expect(result.outputs['verdict']).toBe('REGRESSED');
  const report = await readFile(result.outputs['report-path']!, 'utf8');
  expect(report).toMatch(/^## scalebench compare: 🔴 REGRESSED/);
  expect(await readFile(runner.summaryPath, 'utf8')).toContain(report.trim());
  const ab = JSON.parse(await readFile(join(runner.workspace, 'ab.json'), 'utf8'));
  expect(ab.trials.map((trial: { side: string }) => trial.side[0]).join('')).toBe('bcbcbcbcbc');

  const history = steps.slice(gateIndex + 1).find((step) => step.run?.includes('scalebench history'))!;
  const steps_ = { perf: { outputs: result.outputs } };
  const env = Object.fromEntries(
    Object.entries(history.env ?? {}).map(([k, v]) => [k, evaluate(v, { github, steps: steps_ })]),
  );
  const kept = await runStep(runner, history.run!, env, '.');
  expect(kept.code, kept.output).toBe(0);
  expect(kept.output).toMatch(/added run #1 \(main aaaaaaa, 5 trials\)/);
  expect(kept.output).toMatch(/added run #2 \(feature bbbbbbb, 5 trials\)/);
  const png = await readFile(join(runner.workspace, 'trend.png'));
  expect(png.subarray(1, 4).toString()).toBe('PNG');
}, 120_000);
