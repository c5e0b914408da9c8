import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinExperiments } from '../../../scenarios/builtin.ts';
import { runCliInProcess } from '../../helpers/cli.ts';
import { typeCheck } from './type-check-k6.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-k6-tsc-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('exported k6 scripts type-check against @types/k6', () => {
  it('every built-in experiment, both profiles: tsc --noEmit exits 0; a broken copy does not', async () => {
    const files: string[] = [];
    for (const { name } of builtinExperiments) {
      for (const profile of ['quick', 'full']) {
        const file = `${name}-${profile}.js`;
        const result = await runCliInProcess([
          'export',
          'k6',
          name,
          '--profile',
          profile,
          '--out',
          join(dir, file),
        ]);
        expect(result.code, result.stderr).toBe(0);
        expect(result.stderr).toBe('');
        files.push(file);
      }
    }
    const checked = await typeCheck(dir, files);
    expect(checked.output).toBe('');
    expect(checked.code).toBe(0);

    // the same check catches a wrong executor name and a counter the script never declared
    const broken = join(dir, 'broken');
    await mkdir(broken);
    await copyFile(join(dir, 'clones-quick.js'), join(broken, 'clones.js'));
    const text = await readFile(join(broken, 'clones.js'), 'utf8');
    await writeFile(
      join(broken, 'clones.js'),
      text
        .replace('"constant-arrival-rate"', '"constant-arival-rate"')
        .replace('counters.sessionsLost', 'counters.lost'),
    );
    const failed = await typeCheck(broken, ['clones.js']);
    expect(failed.code).not.toBe(0);
    expect(failed.output).toMatch(/constant-arival-rate/);
    expect(failed.output).toMatch(/Property 'lost' does not exist/);
  });
});
