import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeReports } from '../../../reports/write-reports.ts';
import { buildSuiteFixture } from '../../helpers/results-fixtures.ts';

describe('writeReports', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sb-reports-write-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the chosen formats and appends to the step summary only once the suite is complete', async () => {
    const summary = join(dir, 'summary.md');
    const env = { GITHUB_STEP_SUMMARY: summary };
    const partial = buildSuiteFixture({ trials: 1, seconds: 3, experiments: ['caching'], complete: false });
    const written = await writeReports(partial, join(dir, 'out'), ['md', 'junit'], env);
    expect(written).toEqual([join(dir, 'out', 'report.md'), join(dir, 'out', 'junit.xml')]);
    expect(existsSync(summary)).toBe(false);

    await writeReports({ ...partial, complete: true }, join(dir, 'out'), ['md'], env);
    const once = await readFile(summary, 'utf8');
    expect(once).toContain('## Caching');
    await writeReports(partial, join(dir, 'out'), ['md'], env, { stepSummary: true });
    expect((await readFile(summary, 'utf8')).length).toBeGreaterThan(once.length);
    await writeReports({ ...partial, complete: true }, join(dir, 'out'), ['json'], env);
    expect(existsSync(join(dir, 'out', 'results.json'))).toBe(true);
  });
});
