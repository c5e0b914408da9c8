/** vu.data's files: sequential, random and unique rows; a missing or empty file, a ragged row, bad JSON. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFiles } from '../../../../load/virtual-users/data-file.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-data-'));
  await writeFile(join(dir, 'users.csv'), 'user,password\nada,a1\nbob,b2\n"cy, the third",c3\n');
  await writeFile(join(dir, 'users.jsonl'), '{"user":"ada"}\n\n{"user":"bob"}\n');
  await writeFile(join(dir, 'ragged.csv'), 'user,password\nada,a1\nbob\n');
  await writeFile(join(dir, 'header-only.csv'), 'user,password\n');
  await writeFile(join(dir, 'empty.csv'), '');
  await writeFile(join(dir, 'bad.jsonl'), '{"user":"ada"}\n{user: bob}\n');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const users = (files: DataFiles, file: string, mode: 'sequential' | 'random' | 'unique', n: number) =>
  Array.from({ length: n }, () => files.take(file, mode)['user']);

describe('vu.data files', () => {
  it('sequential hands rows out in order and wraps round; CSV rows are keyed by the header', () => {
    const files = new DataFiles(dir);
    expect(files.take('users.csv', 'sequential')).toEqual({ user: 'ada', password: 'a1' });
    expect(users(files, 'users.csv', 'sequential', 4)).toEqual(['bob', 'cy, the third', 'ada', 'bob']);
    expect(users(files, 'users.jsonl', 'sequential', 3)).toEqual(['ada', 'bob', 'ada']);
  });

  it('random draws rows of the file', () => {
    const drawn = new Set(users(new DataFiles(dir), 'users.csv', 'random', 60));
    expect(drawn).toEqual(new Set(['ada', 'bob', 'cy, the third']));
  });

  it('unique gives each slice its own rows, each once, then fails', () => {
    const a = new DataFiles(dir, { index: 0, count: 2 });
    const b = new DataFiles(dir, { index: 1, count: 2 });
    expect(users(a, 'users.csv', 'unique', 2)).toEqual(['ada', 'cy, the third']);
    expect(users(b, 'users.csv', 'unique', 1)).toEqual(['bob']);
    expect(() => b.take('users.csv', 'unique')).toThrow(/all 3 rows are used/);
  });

  it.each([
    ['missing.csv', /^vu\.data: cannot read missing\.csv \(ENOENT\)$/],
    ['ragged.csv', /^ragged\.csv:3: ragged row: columns length is 2, got 1 on line 3$/],
    ['header-only.csv', /^vu\.data: header-only\.csv has no rows$/],
    ['empty.csv', /^vu\.data: empty\.csv has no rows$/],
    ['bad.jsonl', /^bad\.jsonl:2: not JSON/],
  ])('%s is an input error (exit 2) with a hint', (file, message) => {
    expect(() => new DataFiles(dir).take(file, 'sequential')).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(message),
        exitCode: 2,
        hint: expect.any(String),
      }),
    );
  });
});
