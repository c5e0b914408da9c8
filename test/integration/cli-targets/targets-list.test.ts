import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/cli.ts';
import { requireTool } from '../../helpers/requires-tool.ts';

describe('scalebench targets list', () => {
  it('lists each experiment with its knobs, defaults first', async () => {
    const result = await runCliInProcess(['targets', 'list'], { extraEnv: { SCALEBENCH_BALANCER: '' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('clones\n');
    expect(result.stdout).toContain('--variant session=redis|memory  (default redis)');
    expect(result.stdout).toContain('--variant affinity=none|sticky  (default none)');
    expect(result.stdout).toContain('--variant cache=none|query|object  (default none)');
  });

  it('names the balancer that would run: haproxy where it is installed', async (ctx) => {
    await requireTool(ctx, 'haproxy');
    const result = await runCliInProcess(['targets', 'list'], { extraEnv: { SCALEBENCH_BALANCER: '' } });
    expect(result.stdout).toMatch(/^balancer for clones: haproxy \(\/\S+haproxy\)$/m);
  });

  it('prints JSON with defaults, and honours SCALEBENCH_BALANCER', async () => {
    const result = await runCliInProcess(['targets', 'list', '--json'], {
      extraEnv: { SCALEBENCH_BALANCER: 'builtin' },
    });
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as {
      balancer: string;
      experiments: { name: string; defaults: Record<string, string> }[];
    };
    expect(parsed.balancer).toBe('builtin');
    const clones = parsed.experiments.find((experiment) => experiment.name === 'clones');
    expect(clones?.defaults).toEqual({ session: 'redis', affinity: 'none', balancer: 'auto' });
  });
});
