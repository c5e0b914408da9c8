import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/cli.ts';
import { isAlive } from '../../helpers/process-tree.ts';

describe('scalebench services start, in-process', () => {
  it('prints one line per service and stops what it started when the signal aborts', async () => {
    const controller = new AbortController();
    const result = await runCliInProcess(['services', 'start', 'redis', 'rabbitmq', '--json'], {
      extraEnv: { SCALEBENCH_START_SERVICES: '1', AMQP_URL: undefined },
      controller,
      onStdout: () => controller.abort(),
    });
    expect(result.code).toBe(0);
    const [redis, rabbitmq] = JSON.parse(result.stdout) as { source: string; pid: number; dataDir: string }[];
    expect(redis?.source).toBe('started');
    expect(rabbitmq?.source).toBe('local');
    expect(result.stderr).toBe('ready; press Ctrl-C to stop redis\n');
    expect(isAlive(redis!.pid)).toBe(false);
    expect(existsSync(redis!.dataDir)).toBe(false);
  });

  it('prints `<name> <url> (<source>)` lines', async () => {
    const controller = new AbortController();
    const result = await runCliInProcess(['services', 'start', 'postgres'], {
      extraEnv: { DATABASE_URL: undefined, SCALEBENCH_START_SERVICES: undefined },
      controller,
      onStdout: () => controller.abort(),
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('postgres postgres://postgres@127.0.0.1:5432/postgres (local)\n');
  });

  it('rejects an unknown service name with exit 2 and one line', async () => {
    const result = await runCliInProcess(['services', 'start', 'mysql']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "error: unknown service 'mysql' (SB_ERR_INVALID_ARGUMENT) — hint: name one or more of: redis, postgres, rabbitmq\n",
    );
  });
});
