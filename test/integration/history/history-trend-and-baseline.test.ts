/**
 * Issue 15: `history add` of three runs, then `history show --out trend.png` → a PNG with three points
 * per metric; `compare --baseline history:main --last 3` takes those runs' trials as the baseline; runs
 * from another machine are never mixed silently (a warning names both fingerprints).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { resolveMetrics } from '../../../reports/compare/metrics.ts';
import { trendLines } from '../../../reports/history/trend.ts';
import { HistoryStore } from '../../../results/history-store.ts';
import { runCliInProcess } from '../../helpers/cli.ts';
import { buildBenchTrialsFixture, writeFixture } from '../../helpers/results-fixtures.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-history-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const cli = (args: string[]) => runCliInProcess(args, { cwd: dir, extraEnv: { GITHUB_STEP_SUMMARY: '' } });

async function addThreeRuns(db: string) {
  for (const [index, commit] of ['1111111', '2222222', '3333333'].entries()) {
    const file = await writeFixture(
      dir,
      `run-${index}.json`,
      buildBenchTrialsFixture({ seed: 10 * index + 1 }),
    );
    const added = await cli(['history', 'add', file, '--db', db, '--branch', 'main', '--commit', commit]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(new RegExp(`added run #${index + 1} \\(main ${commit}, 5 trials\\)`));
  }
}

it('draws three points per metric and serves as a compare baseline', async () => {
  const db = join(dir, 'perf.sqlite');
  await addThreeRuns(db);

  const shown = await cli(['history', 'show', '--db', db, '--metric', 'p99']);
  expect(shown.stdout.trim().split('\n')).toHaveLength(4);
  const drawn = await cli(['history', 'show', '--db', db, '--out', 'trend.png']);
  expect(drawn.code, drawn.stderr).toBe(0);
  const png = await readFile(join(dir, 'trend.png'));
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.readUInt32BE(20)).toBe(3 * 480); // three charts stacked: p50, p99, throughput
  const store = HistoryStore.open(db, { create: false });
  const runs = store.runs();
  store.close();
  for (const metric of resolveMetrics(['p50', 'p99', 'throughput'])) {
    const lines = trendLines(runs, metric);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.values.filter((value) => value !== null)).toHaveLength(3);
  }
  const html = await cli(['history', 'show', '--db', db, '--out', 'trend.html']);
  expect(html.code).toBe(0);
  expect(await readFile(join(dir, 'trend.html'), 'utf8')).toContain('"id":"trend-p99"');

  const candidate = await writeFixture(
    dir,
    'cand.json',
    buildBenchTrialsFixture({ seed: 99, addedDelayMs: 40 }),
  );
  const compared = await cli([
    'compare',
    '--baseline',
    'history:main',
    '--last',
    '3',
    candidate,
    '--db',
    db,
    '--format',
    'json',
  ]);
  const verdict = JSON.parse(compared.stdout);
  expect(verdict.baseline).toMatch(/^history:main \(last 3 runs of /);
  expect(verdict.rows[0].baseline.trials).toBe(15);
  expect(verdict.rows[0].candidate.trials).toBe(5);
  expect(verdict.verdict).toBe('REGRESSED');
  expect(compared.code).toBe(1);
  expect(compared.stderr).toBe('');
});

it('warns, naming both machines, when the history runs come from another machine', async () => {
  const db = join(dir, 'perf.sqlite');
  await addThreeRuns(db);
  const elsewhere = buildBenchTrialsFixture({ seed: 5, environment: { cpuModel: 'Other CPU', cores: 8 } });
  const candidate = await writeFixture(dir, 'cand.json', elsewhere);
  const compared = await cli(['compare', 'history:main', candidate, '--db', db, '--last', '3']);
  expect(compared.stderr).toMatch(
    /warning: the candidate ran on 'Other CPU × 8, Node .*' but baseline runs on 'Synthetic CPU @ 3.0GHz × 2, Node .*'/,
  );
});

it('a corrupt database or a results file of another schema version → exit 2 naming the file', async () => {
  const bad = join(dir, 'bad.sqlite');
  await writeFixture(dir, 'x.json', buildBenchTrialsFixture());
  const { writeFile } = await import('node:fs/promises');
  await writeFile(bad, 'this is not SQLite, it is a text file that lost its way\n'.repeat(20));
  const shown = await cli(['history', 'show', '--db', bad]);
  expect(shown.code).toBe(2);
  expect(shown.stderr).toContain(`${bad} is not a scalebench history database`);
  const added = await cli(['history', 'add', 'x.json', '--db', bad, '--branch', 'main']);
  expect(added.code).toBe(2);
  expect(added.stderr).toContain(`${bad} is not a scalebench history database`);

  const future = join(dir, 'future.json');
  const text = (await readFile(join(dir, 'x.json'), 'utf8')).replace(
    '"schemaVersion": 1',
    '"schemaVersion": 2',
  );
  await writeFile(future, text);
  const read = await cli(['history', 'add', future, '--db', join(dir, 'ok.sqlite'), '--branch', 'main']);
  expect(read.code).toBe(2);
  expect(read.stderr).toContain(`${future} is results schema version 2; this scalebench reads version 1`);
  const compared = await cli(['compare', future, join(dir, 'x.json')]);
  expect(compared.code).toBe(2);
  expect(compared.stderr).toContain(`${future} is results schema version 2`);
});
