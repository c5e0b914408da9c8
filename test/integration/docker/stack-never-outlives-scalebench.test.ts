/**
 * A container stack never outlives scalebench: Ctrl-C (SIGINT) removes it before scalebench exits 130,
 * and `kill -9` — when no code of scalebench runs any more — has the child-guard reaper run the removal
 * by label, so `podman ps -a` / `network ls` / `volume ls` show nothing of it shortly after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../../../orchestration/stack/container-engine.ts';
import { type SpawnedCli, spawnCli } from '../../helpers/cli.ts';
import {
  leftovers,
  requireEngine,
  stackPublishing,
  waitUntilRemoved,
} from '../../helpers/container-engine.ts';

describe('a stack never outlives scalebench', () => {
  const folders: string[] = [];
  let cli: SpawnedCli | undefined;

  afterEach(() => {
    if (cli && cli.child.exitCode === null) cli.child.kill('SIGKILL');
    cli = undefined;
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  });

  /** starts a clones run and resolves with its stack's name once the target is ready */
  async function stackUp(engine: Engine): Promise<string> {
    const out = mkdtempSync(join(tmpdir(), 'sb-docker-kill-'));
    folders.push(out);
    cli = spawnCli([
      'run',
      'clones',
      '--stack',
      'docker',
      '--quick',
      '--variant',
      'stateless-2',
      '--out',
      out,
    ]);
    let stderr = '';
    const port = await new Promise<number>((resolve, reject) => {
      cli!.child.stderr!.on('data', (chunk: Buffer | string) => {
        stderr += String(chunk);
        const ready = /target ready at http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr);
        if (ready) resolve(Number(ready[1]));
      });
      cli!.child.on('close', () => reject(new Error(`scalebench exited before the stack was up: ${stderr}`)));
    });
    const project = await stackPublishing(engine, port);
    expect(project).toMatch(/^scalebench-[0-9a-f]+-clones-stateless-2$/);
    expect((await leftovers(engine, project!)).length).toBeGreaterThan(0);
    return project!;
  }

  it('Ctrl-C: the stack is gone when scalebench has exited 130', async (ctx) => {
    const engine = await requireEngine(ctx);
    const project = await stackUp(engine);
    cli!.child.kill('SIGINT');
    const run = await cli!.result;
    expect(run.code, run.stderr).toBe(130);
    expect(await leftovers(engine, project)).toEqual([]);
  }, 600_000);

  it('kill -9: the reaper removes every container, network and volume of the stack', async (ctx) => {
    const engine = await requireEngine(ctx);
    const project = await stackUp(engine);
    cli!.child.kill('SIGKILL');
    await cli!.result;
    expect(await waitUntilRemoved(engine, project, 60_000)).toEqual([]);
  }, 600_000);
});
