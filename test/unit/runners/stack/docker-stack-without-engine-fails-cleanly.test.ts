/**
 * Without a reachable Docker engine, `--stack docker` stops at once with one clear line: both the engine
 * check and composeUp throw SB_ERR_NO_DOCKER (exit code 2) and leave no cleanup behind. DOCKER_HOST
 * points at a socket that cannot exist, so this holds on machines that do run an engine too.
 */
import { describe, expect, it } from 'vitest';
import { pendingCleanups } from '../../../../core/cleanup.ts';
import { ExitCode, formatError, isScalebenchError } from '../../../../core/errors.ts';
import { composeFileFor, composeUp, ensureDockerEngine } from '../../../../runners/stack/docker.ts';

const noEngine = { env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/scalebench-test/docker.sock' } };

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error: unknown) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('docker stack without an engine', () => {
  it('ensureDockerEngine throws SB_ERR_NO_DOCKER with one line and a hint', async () => {
    const error = await caught(ensureDockerEngine(noEngine));
    expect(isScalebenchError(error) && error.code).toBe('SB_ERR_NO_DOCKER');
    if (!isScalebenchError(error)) return;
    expect(error.exitCode).toBe(ExitCode.badInput);
    expect(error.message).toMatch(/docker/i);
    expect(error.hint).toMatch(/--stack docker/);
    expect(formatError(error)).not.toContain('\n');
  });

  it('says so when the docker CLI itself is missing', async () => {
    const error = await caught(ensureDockerEngine({ command: 'scalebench-no-such-docker-cli' }));
    expect(isScalebenchError(error) && error.code).toBe('SB_ERR_NO_DOCKER');
    expect(String((error as Error).message)).toContain('docker CLI was not found');
  });

  it('composeUp stops before starting anything', async () => {
    const error = await caught(composeUp(composeFileFor('clones'), { ...noEngine, scale: { app: 2 } }));
    expect(isScalebenchError(error) && error.code).toBe('SB_ERR_NO_DOCKER');
    expect(pendingCleanups().filter((name) => name.includes('docker compose'))).toEqual([]);
  });

  it('knows a compose file per experiment and refuses other names', () => {
    for (const experiment of ['clones', 'caching', 'async', 'database']) {
      expect(composeFileFor(experiment)).toMatch(new RegExp(`docker/compose/${experiment}\\.yaml$`));
    }
    expect(() => composeFileFor('../etc/passwd')).toThrow(/no compose stack/);
  });
});
