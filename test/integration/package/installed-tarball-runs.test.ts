/**
 * The npm package as a user gets it: `npm pack`, then `npm install ./scalebench-<version>.tgz` in an
 * empty folder, then the installed `scalebench` runs for real (--help, and one short experiment) from
 * the JavaScript in the tarball: no TypeScript compiler installed, no sources, no tests or fixtures.
 * dist/ is current here (test/helpers/build-if-stale.ts), so the pack skips `prepare` instead of
 * rewriting dist/ under tests that run the binary at the same time.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const { version } = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version: string };

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

async function exec(command: string, args: string[], cwd: string, timeout = 120_000): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run(command, args, { cwd, timeout, maxBuffer: 16 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error: unknown) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : -1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? '',
    };
  }
}

describe('the packed tarball, installed in an empty folder', () => {
  let packDir: string;
  let userDir: string;
  let tarball: string;
  let installed: Outcome;

  beforeAll(async () => {
    packDir = await mkdtemp(join(tmpdir(), 'scalebench-pack-'));
    userDir = await mkdtemp(join(tmpdir(), 'scalebench-user-'));
    const packed = await exec('npm', ['pack', '--ignore-scripts', '--pack-destination', packDir], repoRoot);
    expect(packed.code, packed.stderr).toBe(0);
    tarball = join(packDir, `scalebench-${version}.tgz`);
    installed = await exec(
      'npm',
      ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error'],
      userDir,
    );
  }, 180_000);

  afterAll(async () => {
    await rm(packDir, { recursive: true, force: true });
    await rm(userDir, { recursive: true, force: true });
  });

  it('ships the built code, the binary and the runtime files, and no sources, tests or fixtures', async () => {
    const listed = await exec('tar', ['tzf', tarball], packDir);
    const files = listed.stdout.split('\n').filter(Boolean);
    expect(files).toContain('package/bin/scalebench.js');
    expect(files).toContain('package/dist/cli/main.js');
    expect(files).toContain('package/dist/targets/app/main.js');
    expect(files).toContain('package/docker/compose/clones.yaml');
    expect(
      files.filter((file) => /^package\/(test|cli|core|load|orchestration|targets)\//.test(file)),
    ).toEqual([]);
    expect(files.filter((file) => file.endsWith('.ts'))).toEqual([]);
  });

  it('installs without a TypeScript compiler', () => {
    expect(installed.code, installed.stderr).toBe(0);
    expect(existsSync(join(userDir, 'node_modules/typescript'))).toBe(false);
  });

  it('runs `scalebench --help` from the installed package', async () => {
    const help = await exec(join(userDir, 'node_modules/.bin/scalebench'), ['--help'], userDir);
    expect(help.code, help.stderr).toBe(0);
    expect(help.stdout).toContain('Usage: scalebench');
    expect(help.stderr).toBe('');
  });

  it('runs a short experiment for real and writes its report', async () => {
    const args = ['run', 'clones', '--quick', '--variant', 'stateless-1', '--format', 'json,md', '--quiet'];
    // a capacity search of 500-request steps at one clone's ~35/s takes most of a minute
    const suite = await exec(join(userDir, 'node_modules/.bin/scalebench'), args, userDir, 200_000);
    // 1 only when a busy machine saturated the generator (the report says INVALID); anything else fails
    expect([0, 1], suite.stderr).toContain(suite.code);
    expect(suite.stderr).not.toMatch(/internal error|running the TypeScript sources/);
    const outDir = join(userDir, 'scalebench-results');
    expect((await readdir(outDir)).sort()).toEqual(expect.arrayContaining(['report.md', 'results.json']));
    const results = JSON.parse(await readFile(join(outDir, 'results.json'), 'utf8')) as {
      experiments: { name: string; variants: { name: string; trials: unknown[] }[] }[];
    };
    const clones = results.experiments.find((experiment) => experiment.name === 'clones');
    expect(clones?.variants.map((variant) => [variant.name, variant.trials.length])).toEqual([
      ['stateless-1', 1],
    ]);
  }, 240_000);
});
