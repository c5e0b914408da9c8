/**
 * Without a reachable engine, `--stack docker` stops at once with one clear line: both the engine check
 * and starting a stack throw SB_ERR_NO_DOCKER (exit code 2) naming DOCKER_HOST and the remedy, and leave
 * no cleanup behind. DOCKER_HOST points at a socket that cannot exist, so this holds on machines that do
 * run an engine too.
 */
import { describe, expect, it } from 'vitest';
import { pendingCleanups } from '../../../../core/cleanup.ts';
import { ExitCode, formatError, isScalebenchError } from '../../../../core/errors.ts';
import { startDockerTarget } from '../../../../orchestration/run/docker-target.ts';
import { composeFileFor, ensureDockerEngine } from '../../../../orchestration/stack/docker.ts';

const socket = 'unix:///nonexistent/scalebench-test/docker.sock';
const env = { ...process.env, DOCKER_HOST: socket };

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('docker stack without an engine', () => {
  it('ensureDockerEngine throws SB_ERR_NO_DOCKER naming DOCKER_HOST, in one line with the remedy', async () => {
    const error = await caught(ensureDockerEngine({ env }));
    expect(isScalebenchError(error) && error.code).toBe('SB_ERR_NO_DOCKER');
    if (!isScalebenchError(error)) return;
    expect(error.exitCode).toBe(ExitCode.badInput);
    expect(error.message).toContain(`DOCKER_HOST=${socket}`);
    expect(error.hint).toMatch(/local-engine\.sh/);
    expect(error.hint).toMatch(/--stack docker/);
    expect(formatError(error)).not.toContain('\n');
  });

  it('starting a stack stops before anything is made or registered', async () => {
    const variant = { name: 'stateless-2', params: { session: 'redis' }, clones: 2 };
    const error = await caught(startDockerTarget('clones', variant, { env }));
    expect(isScalebenchError(error) && error.code).toBe('SB_ERR_NO_DOCKER');
    expect(pendingCleanups().filter((name) => name.includes('stack'))).toEqual([]);
  });

  it('knows a compose file per experiment and refuses other names', () => {
    for (const experiment of ['clones', 'caching', 'async', 'database']) {
      expect(composeFileFor(experiment)).toMatch(new RegExp(`docker/compose/${experiment}\\.yaml$`));
    }
    expect(() => composeFileFor('../etc/passwd')).toThrow(/no compose stack/);
  });
});
