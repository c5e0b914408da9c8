import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/cli.ts';
import { buildBenchFixture, buildSuiteFixture, writeFixture } from '../../helpers/results-fixtures.ts';

describe('scalebench report', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sb-reports-cli-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('re-renders every format from a suite file into --out and appends report.md to the step summary', async () => {
    const results = await writeFixture(dir, 'results.json', buildSuiteFixture({ trials: 2, seconds: 5 }));
    const summary = join(dir, 'summary.md');
    await writeFile(summary, 'previous step\n');
    const out = join(dir, 'out');
    const run = await runCliInProcess(['report', results, '--format', 'all', '--out', out], {
      extraEnv: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const name of [
      'results.json',
      'report.md',
      'report.html',
      'junit.xml',
      'bmf.json',
      'gab-smaller-is-better.json',
      'gab-bigger-is-better.json',
      'charts/caching-spectrum.png',
      'charts/async-timeline.png',
    ]) {
      expect(existsSync(join(out, name)), name).toBe(true);
      expect(run.stdout).toContain(join(out, name));
    }
    const stepSummary = await readFile(summary, 'utf8');
    expect(stepSummary.startsWith('previous step\n# scalebench report')).toBe(true);
    expect(stepSummary).toBe(`previous step\n${await readFile(join(out, 'report.md'), 'utf8')}\n`);
  });

  it('writes next to the results file by default (md,html,png) for a bench file', async () => {
    const results = await writeFixture(dir, 'bench.json', buildBenchFixture({ seconds: 4 }));
    const run = await runCliInProcess(['report', results], { extraEnv: { GITHUB_STEP_SUMMARY: undefined } });
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'report.md'))).toBe(true);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    expect(existsSync(join(dir, 'charts', 'bench-spectrum.png'))).toBe(true);
    expect(existsSync(join(dir, 'junit.xml'))).toBe(false);
  });

  it('fails in one line with exit 2 on a corrupt file or an unknown format', async () => {
    const corrupt = join(dir, 'corrupt.json');
    await writeFile(corrupt, '{"kind": "suite", "schemaVersion": 1');
    const bad = await runCliInProcess(['report', corrupt]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: .*corrupt\.json is not valid JSON \(SB_ERR_RESULTS_FILE\).*\n$/);
    const results = await writeFixture(dir, 'results.json', buildBenchFixture({ seconds: 3 }));
    const format = await runCliInProcess(['report', results, '--format', 'pdf']);
    expect(format.code).toBe(2);
    expect(format.stderr.trim().split('\n')).toHaveLength(1);
  });
});
