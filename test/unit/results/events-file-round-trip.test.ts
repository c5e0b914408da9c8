import { appendFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openEventsWriter, readEventsFile } from '../../../results/events-file.ts';

describe('events.ndjson', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sb-events-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('reads back what was written, one record a line', async () => {
    const path = join(dir, 'out', 'events.ndjson');
    const writer = await openEventsWriter(path);
    writer.write({ type: 'warning', message: 'one', t: 1 });
    writer.write({ type: 'run-done', complete: true, t: 2 });
    await writer.close();
    expect(await readEventsFile(path)).toEqual([
      { type: 'warning', message: 'one', t: 1 },
      { type: 'run-done', complete: true, t: 2 },
    ]);
  });

  it('leaves out a torn last line (killed mid-write) but refuses a corrupt one inside', async () => {
    const path = join(dir, 'events.ndjson');
    await writeFile(path, '{"type":"warning","message":"a","t":1}\n{"type":"sec');
    expect(await readEventsFile(path)).toHaveLength(1);
    await appendFile(path, '\n{"type":"warning","message":"b","t":2}\n');
    await expect(readEventsFile(path)).rejects.toThrow(/line 2 is not an event record/);
  });
});
