import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HistoryStore, machineFingerprint } from '../../../results/history-store.ts';
import { buildBenchFixture, fixtureEnvironment } from '../../helpers/results-fixtures.ts';

const require = createRequire(import.meta.url);
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const run = (branch: string, commit: string) => ({
  commit,
  branch,
  createdAt: '2026-01-01T00:00:00.000Z',
  kind: 'bench',
  source: 'x.json',
  environment: fixtureEnvironment,
  sets: [{ key: 'bench', summaries: [1, 2].map((seed) => buildBenchFixture({ seed, seconds: 2 }).summary) }],
});

describe('the SQLite history', () => {
  it('keeps runs with their trials and answers a branch’s last N, oldest first', () => {
    const path = join(dir, 'perf.sqlite');
    const store = HistoryStore.open(path, { create: true });
    for (const [i, branch] of ['main', 'feature', 'main', 'main'].entries()) store.add(run(branch, `c${i}`));
    store.close();
    const reopened = HistoryStore.open(path, { create: false });
    const last = reopened.runs({ branch: 'main', last: 2 });
    reopened.close();
    expect(last.map((r) => r.commit)).toEqual(['c2', 'c3']);
    expect(last[0]!.sets[0]!.summaries).toHaveLength(2);
    expect(last[0]!.fingerprint).toBe(machineFingerprint(fixtureEnvironment));
    expect(last[0]!.fingerprint).toBe('Synthetic CPU @ 3.0GHz × 2, Node v20.20.2, linux 6.1.0 x64');
  });

  it('refuses a missing file when reading, and another application’s database when adding', () => {
    expect(() => HistoryStore.open(join(dir, 'none.sqlite'), { create: false })).toThrow(
      /no history database at/,
    );
    const foreign = join(dir, 'app.sqlite');
    const Database = require('better-sqlite3');
    const db = new Database(foreign);
    db.exec('CREATE TABLE users (id INTEGER PRIMARY KEY)');
    db.close();
    expect(() => HistoryStore.open(foreign, { create: true })).toThrow(
      `${foreign} is not a scalebench history database (it holds other tables)`,
    );
    expect(() => HistoryStore.open(foreign, { create: false })).toThrow(/no such table: meta/);
  });
});
