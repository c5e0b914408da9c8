/**
 * Bad input to `run --stack docker` is one line and exit 2, before any load: a balancer port already
 * taken on 127.0.0.1 (SCALEBENCH_PORT) is named; an image that fails to build (a NODE_IMAGE that does not
 * exist) shows the build log's last lines. Neither leaves anything of the stack on the engine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/cli.ts';
import { requireEngine } from '../../helpers/container-engine.ts';

describe('run --stack docker, bad input', () => {
  const folders: string[] = [];
  let server: Server | undefined;

  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    server = undefined;
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  async function run(extraEnv: Record<string, string>) {
    const out = mkdtempSync(join(tmpdir(), 'sb-docker-bad-'));
    folders.push(out);
    const args = ['run', 'clones', '--stack', 'docker', '--quick', '--variant', 'stateless-2', '--out', out];
    return runCliInProcess(args, { extraEnv: { GITHUB_STEP_SUMMARY: undefined, ...extraEnv } });
  }

  it('a port already taken on 127.0.0.1 is named, exit 2', async (ctx) => {
    await requireEngine(ctx);
    server = createServer();
    const port = await new Promise<number>((resolve) => {
      server!.listen(0, '127.0.0.1', () => resolve((server!.address() as { port: number }).port));
    });
    const result = await run({ SCALEBENCH_PORT: String(port) });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: port 127.0.0.1:${port} is already taken`);
    expect(result.stderr).toContain('(SB_ERR_TARGET_START) — hint: ');
  });

  it('an image that fails to build shows the build log, exit 2', async (ctx) => {
    await requireEngine(ctx);
    const result = await run({ SCALEBENCH_NODE_IMAGE: 'localhost/scalebench-no-such-base:0' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/error: building scalebench-target:local from .*docker\/Dockerfile failed/);
    expect(result.stderr).toMatch(/the build log ends: .*scalebench-no-such-base/);
    expect(result.stderr.trim().split('\n').at(-1)).toMatch(/^error: /);
  }, 600_000);
});
