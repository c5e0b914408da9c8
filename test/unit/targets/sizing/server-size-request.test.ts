import { describe, expect, it } from 'vitest';
import { chooseServerSize, parseServerSize, serverSizeEnv } from '../../../../targets/sizing/server-size.ts';

describe('a server size request', () => {
  it('parses CPUs, workers and none, and refuses nonsense', () => {
    expect(parseServerSize('0.25')).toEqual({ kind: 'cpus', cpus: 0.25 });
    expect(parseServerSize('cpus=1')).toEqual({ kind: 'cpus', cpus: 1 });
    expect(parseServerSize('workers=4')).toEqual({ kind: 'workers', workers: 4 });
    expect(parseServerSize('none')).toEqual({ kind: 'none' });
    expect(() => parseServerSize('0.01')).toThrow(/bad server size/);
    expect(() => parseServerSize('workers=0')).toThrow(/bad server size/);
  });

  it('becomes a CPU quota where the host allows one, else a worker pool, and names the model', () => {
    expect(chooseServerSize({ kind: 'cpus', cpus: 0.25 }, 'cgroup-v1').label).toBe(
      'cgroup v1 cpu quota 0.25 CPU',
    );
    const pool = chooseServerSize({ kind: 'cpus', cpus: 0.25 }, null);
    expect(pool.model).toBe('worker-pool');
    expect(pool.label).toMatch(/^worker pool of \d+$/);
    expect(serverSizeEnv(pool)).toEqual({ SERVER_WORKERS: String(pool.size) });
    expect(chooseServerSize({ kind: 'none' }, 'cgroup-v1').model).toBe('unlimited');
  });
});
