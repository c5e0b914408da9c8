/**
 * Every `scalebench …` command line that README.md and docs/*.md show in a code block parses with the
 * real CLI (nothing runs): a renamed flag or command fails here instead of in a reader's terminal.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { docCommandLines } from '../../helpers/doc-command-lines.ts';
import { parseCliOnly } from '../../helpers/parse-cli-only.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const files = [
  'README.md',
  ...readdirSync(`${root}docs`)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];
const lines = files.flatMap((file) => docCommandLines(readFileSync(`${root}${file}`, 'utf8'), file));

describe('documented command lines', () => {
  it('are found in the README and the docs pages', () => {
    expect(lines.filter((line) => line.file === 'README.md').length).toBeGreaterThan(0);
    expect(new Set(lines.map((line) => line.file)).size).toBeGreaterThanOrEqual(8);
  });

  it.each(lines.map((line) => [`${line.file}:${line.line}`, line] as const))(
    '%s parses',
    async (_where, { source, args }) => {
      const outcome = await parseCliOnly(args);
      expect(outcome, source).toEqual({ ok: true });
    },
  );
});

describe('the parse the documentation is checked with', () => {
  it('refuses an unknown command, an unknown flag, a missing value and an extra argument', async () => {
    for (const args of [
      ['benchmark', 'http://127.0.0.1:8080/'],
      ['run', '--quik'],
      ['bench', 'http://127.0.0.1:8080/', '--rate'],
      ['history', 'remove', 'results.json'],
      ['compare', 'a.json', 'b.json', 'c.json'],
    ]) {
      expect(await parseCliOnly(args), args.join(' ')).toMatchObject({ ok: false });
    }
  });
});
