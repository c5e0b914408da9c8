import { describe, expect, it } from 'vitest';
import {
  chooseServerSize,
  externalServerSize,
  parseServerSize,
  serverSizeEnv,
} from '../../../../targets/sizing/server-size.ts';

describe('a server size request', () => {
  it('parses CPUs, workers and none, and refuses nonsense', () => {
    expect(parseServerSize('0.25')).toEqual({ kind: 'cpus', cpus: 0.25 });
    expect(parseServerSize('cpus=1')).toEqual({ kind: 'cpus', cpus: 1 });
    expect(parseServerSize('workers=4')).toEqual({ kind: 'workers', workers: 4 });
    expect(parseServerSize('none')).toEqual({ kind: 'none' });
    expect(() => parseServerSize('0.01')).toThrow(/bad server size/);
    expect(() => parseServerSize('0.04')).toThrow(/bad server size '0.04'/);
    expect(() => parseServerSize('workers=0')).toThrow(/bad server size/);
  });

  it('becomes a CPU quota where the host allows one, else the portable governor of the same size', () => {
    expect(chooseServerSize({ kind: 'cpus', cpus: 0.25 }, 'cgroup-v1').label).toBe(
      'cgroup v1 cpu quota 0.25 CPU',
    );
    const governed = chooseServerSize({ kind: 'cpus', cpus: 0.25 }, null);
    expect(governed).toMatchObject({ model: 'cpu-governor', size: 0.25, label: 'cpu governor 0.25 CPU' });
    expect(serverSizeEnv(governed)).toEqual({ SERVER_CPUS: '0.25' });
    expect(chooseServerSize({ kind: 'none' }, 'cgroup-v1').model).toBe('unlimited');
  });

  it('is a worker pool only when asked for, and never called a CPU size', () => {
    const pool = chooseServerSize({ kind: 'workers', workers: 4 }, 'cgroup-v1');
    expect(pool.model).toBe('worker-pool');
    expect(pool.label).toBe('worker pool of 4 (concurrency only, CPU not capped)');
    expect(serverSizeEnv(pool)).toEqual({ SERVER_WORKERS: '4' });
  });

  it('holds a server scalebench does not write with the limiter where Node servers get the governor', () => {
    const governed = chooseServerSize({ kind: 'cpus', cpus: 0.25 }, null);
    const pinnable = (cpus: number) => Number.isInteger(cpus);
    expect(externalServerSize(governed, 0.5, pinnable)).toMatchObject({ model: 'cpu-limiter', size: 0.5 });
    expect(externalServerSize(governed, 1, pinnable)).toMatchObject({
      model: 'cpu-affinity',
      size: 1,
      label: 'cpu affinity 1 core',
    });
    expect(externalServerSize(governed, 1, () => false)).toMatchObject({ model: 'cpu-limiter', size: 1 });
    const quota = chooseServerSize({ kind: 'cpus', cpus: 0.25 }, 'cgroup-v2');
    expect(externalServerSize(quota)).toMatchObject({
      model: 'cpu-quota',
      size: 0.25,
      mechanism: 'cgroup-v2',
    });
  });
});
