import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { binPath } from '../../helpers/cli.ts';

describe('stdout whose reader has gone (scalebench … | head)', () => {
  it('exits with the command’s own code and no EPIPE error', async () => {
    const child = spawn(process.execPath, [binPath, 'targets', 'list'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // the reader closes its end before the command writes anything
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const code = await new Promise<number | null>((resolve) =>
      child.on('close', (exitCode) => resolve(exitCode)),
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
