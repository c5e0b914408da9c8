/**
 * How the documentation check reads a code block: the words a shell would hand to `scalebench`, from
 * every command of a line, and nothing from prose, YAML keys or program output.
 */
import { describe, expect, it } from 'vitest';
import { docCommandLines } from '../../helpers/doc-command-lines.ts';

const fence = '```';

function argsOf(block: string): string[][] {
  return docCommandLines(
    `Some prose about scalebench run --nope.\n\n${fence}sh\n${block}\n${fence}\n`,
    'x.md',
  ).map((line) => line.args);
}

describe('command lines found in Markdown', () => {
  it('reads quotes, comments and expansions as a shell does', () => {
    expect(
      argsOf(
        `npx scalebench bench http://h/ --header 'content-type: application/json' --body "{\\"a\\":1}"   # a comment\n` +
          'scalebench history add r.json --commit $GITHUB_SHA --branch "$GITHUB_HEAD_REF"',
      ),
    ).toEqual([
      ['bench', 'http://h/', '--header', 'content-type: application/json', '--body', '{"a":1}'],
      ['history', 'add', 'r.json', '--commit', 'VALUE', '--branch', 'VALUE'],
    ]);
  });

  it('joins a line ending in a backslash with the next, and gives the line the command starts on', () => {
    const lines = docCommandLines(
      `${fence}sh\nnpx scalebench ab http://a/ http://b/ \\\n  --trials 5 \\\n  --rate 200\n${fence}\n`,
      'x.md',
    );
    expect(lines).toMatchObject([
      { line: 2, args: ['ab', 'http://a/', 'http://b/', '--trials', '5', '--rate', '200'] },
    ]);
  });

  it('finds the command in each part of a pipeline or list, after VAR=value, and inside sh -c', () => {
    expect(
      argsOf(
        [
          'npm ci && npx scalebench run --quick',
          'RW_PASSWORD=x npx scalebench bench http://h/ --rate 1 &',
          'npx scalebench targets list | head -1; npx scalebench doctor > doctor.txt 2>&1',
          "kubectl exec reader -- sh -c 'scalebench merge /r/shard-*.json --json /r/merged.json'",
        ].join('\n'),
      ),
    ).toEqual([
      ['run', '--quick'],
      ['bench', 'http://h/', '--rate', '1'],
      ['targets', 'list'],
      ['doctor'],
      ['merge', '/r/shard-*.json', '--json', '/r/merged.json'],
    ]);
  });

  it('takes a <placeholder> as its name and an [--optional] flag without its brackets', () => {
    expect(
      argsOf('npx scalebench report <results.json> --out <dir>\nnpx scalebench doctor [--json]'),
    ).toEqual([
      ['report', 'results.json', '--out', 'dir'],
      ['doctor', '--json'],
    ]);
  });

  it('ignores code lines that do not start a scalebench command', () => {
    const yaml = `${fence}yaml\n- name: Keep both sides' trials\n  uses: org/scalebench@main\n  run: |\n    scalebench history show --db p.sqlite\n${fence}\n`;
    expect(docCommandLines(yaml, 'x.md').map((line) => line.args)).toEqual([
      ['history', 'show', '--db', 'p.sqlite'],
    ]);
    expect(argsOf('kubectl -n scalebench get pods\necho scalebench run')).toEqual([]);
  });
});
