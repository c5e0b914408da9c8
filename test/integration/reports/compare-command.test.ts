import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/cli.ts';
import {
  buildBenchFixture,
  buildSuiteFixture,
  type FixtureOptions,
  writeFixture,
} from '../../helpers/results-fixtures.ts';

// 20 s trials keep per-trial p99 noise small enough for a 10% threshold; with noisier trials the honest verdict is INCONCLUSIVE
const small: FixtureOptions = { experiments: ['clones', 'caching'], seconds: 20, trials: 5 };
const noSummary = { GITHUB_STEP_SUMMARY: undefined };

describe('scalebench compare', () => {
  let dir: string;
  let baseline: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sb-reports-compare-'));
    baseline = await writeFixture(dir, 'baseline.json', buildSuiteFixture({ ...small, seed: 11 }));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds no regression when the same results are compared with themselves', async () => {
    const run = await runCliInProcess(['compare', baseline, baseline, '--format', 'json'], {
      extraEnv: noSummary,
    });
    const json = JSON.parse(run.stdout) as { rows: { verdict: string; estimate: number; pValue: number }[] };
    expect(json.rows).toHaveLength(24);
    for (const row of json.rows) {
      expect(['NO-CHANGE', 'INCONCLUSIVE']).toContain(row.verdict);
      expect(row.pValue).toBe(1);
    }
    expect([0, 3]).toContain(run.code);
    const p50 = await runCliInProcess(['compare', baseline, baseline, '--metric', 'p50'], {
      extraEnv: noSummary,
    });
    expect(p50.code).toBe(0);
    expect(p50.stdout).toMatch(/verdict: NO-CHANGE — 0 regressed, 0 improved, 6 no change, 0 inconclusive/);
    expect(p50.stderr).toBe('');
  });

  it('finds no regression in a rerun of the same target', async () => {
    const rerun = await writeFixture(dir, 'rerun.json', buildSuiteFixture({ ...small, seed: 12 }));
    const run = await runCliInProcess(['compare', baseline, rerun], { extraEnv: noSummary });
    expect(run.stdout).not.toContain('REGRESSED');
    expect([0, 3]).toContain(run.code);
  });

  it('reports REGRESSED and exits 1 when the candidate adds a delay that matters', async () => {
    const slower = await writeFixture(
      dir,
      'slower.json',
      buildSuiteFixture({ ...small, seed: 13, addedDelayMs: 4 }),
    );
    const run = await runCliInProcess(['compare', baseline, slower, '--threshold', '10%'], {
      extraEnv: noSummary,
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^caching\/none\s+p50\s+1\d\.\d ms\s+1\d\.\d ms\s+\+3\d\.\d%\s+\[\+\d+\.\d%, \+\d+\.\d%\]\s+0\.008\s+5\/5\s+REGRESSED$/m,
    );
    expect(run.stdout).toMatch(/^caching\/none\s+throughput\s.*NO-CHANGE$/m);
    expect(run.stdout).toMatch(/verdict: REGRESSED/);
  });

  it('is INCONCLUSIVE with 3 trials an arm (exit 3)', async () => {
    const few = { ...small, trials: 3 };
    const a = await writeFixture(dir, 'a.json', buildSuiteFixture({ ...few, seed: 1 }));
    const b = await writeFixture(dir, 'b.json', buildSuiteFixture({ ...few, seed: 2, addedDelayMs: 4 }));
    const run = await runCliInProcess(['compare', a, b, '--format', 'json'], { extraEnv: noSummary });
    expect(run.code).toBe(3);
    const json = JSON.parse(run.stdout) as { verdict: string; rows: { verdict: string; reason: string }[] };
    expect(json.verdict).toBe('INCONCLUSIVE');
    expect(json.rows.every((row) => row.verdict === 'INCONCLUSIVE')).toBe(true);
    expect(json.rows[0]!.reason).toBe('3 trials; need at least 4 in each arm');
  });

  it('warns when environments differ and writes Markdown to the step summary', async () => {
    const other = buildSuiteFixture({ ...small, seed: 11, environment: { cores: 8, cpuModel: 'Other CPU' } });
    const candidate = await writeFixture(dir, 'other.json', other);
    const summary = join(dir, 'summary.md');
    const run = await runCliInProcess(['compare', baseline, candidate, '--metric', 'p50', '--format', 'md'], {
      extraEnv: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /^warning: environments differ \(cpuModel: Synthetic CPU @ 3\.0GHz → Other CPU\)/m,
    );
    expect(run.stderr).toMatch(/^warning: environments differ \(cores: 2 → 8\)/m);
    expect(run.stdout).toMatch(/^## scalebench compare: ⚪ NO-CHANGE$/m);
    expect(run.stdout).toMatch(/^\| caching\/object \| p50 \| 0\.9 ms \| 0\.9 ms \| \+0\.0% \|/m);
    expect(await readFile(summary, 'utf8')).toBe(`${run.stdout}\n`);
  });

  it('rejects mismatched, disjoint or corrupt files in one line with exit 2', async () => {
    const bench = await writeFixture(dir, 'bench.json', buildBenchFixture({ seconds: 3 }));
    const disjoint = await writeFixture(
      dir,
      'db.json',
      buildSuiteFixture({ experiments: ['database'], trials: 1, seconds: 3 }),
    );
    const corrupt = join(dir, 'corrupt.json');
    await writeFile(corrupt, JSON.stringify({ kind: 'suite', schemaVersion: 1, experiments: 'no' }));
    const cases: [string[], RegExp][] = [
      [[baseline, bench], /cannot compare a suite results file with a bench one/],
      [[baseline, disjoint], /no experiment\/variant in common/],
      [[baseline, corrupt], /corrupt\.json is not a scalebench results file/],
      [[baseline, baseline, '--threshold', 'lots'], /--threshold 'lots' is not a percentage/],
    ];
    for (const [args, message] of cases) {
      const run = await runCliInProcess(['compare', ...args], { extraEnv: noSummary });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
