/**
 * A server size becomes container limits: `cpus:` and 1 GiB of memory per CPU (at least 256 MiB) on the
 * clones, workers and PostgreSQL containers only; a size that is not CPUs leaves containers unlimited.
 */
import { describe, expect, it } from 'vitest';
import { containerServerSize, serviceSizes } from '../../../../orchestration/stack/container-size.ts';

const mib = 1024 * 1024;

describe('container limits from a server size', () => {
  it('0.25 CPU: a quarter CPU and 256 MiB on each server container, named in results', () => {
    const server = containerServerSize({ kind: 'cpus', cpus: 0.25 });
    expect(server).toEqual({ model: 'cpu-quota', size: 0.25, label: 'container --cpus 0.25, 256 MiB' });
    expect(serviceSizes(server)).toEqual({
      app: { cpus: 0.25, memoryBytes: 256 * mib },
      worker: { cpus: 0.25, memoryBytes: 256 * mib },
      postgres: { cpus: 0.25, memoryBytes: 256 * mib },
      'postgres-replica': { cpus: 0.25, memoryBytes: 256 * mib },
    });
  });

  it("an experiment's database size holds for its PostgreSQL containers (caching: 1 CPU behind a 0.25 app)", () => {
    const sizes = serviceSizes(containerServerSize({ kind: 'cpus', cpus: 0.25 }), 1);
    expect(sizes['app']).toEqual({ cpus: 0.25, memoryBytes: 256 * mib });
    expect(sizes['postgres']).toEqual({ cpus: 1, memoryBytes: 1024 * mib });
    expect(sizes['postgres-replica']).toEqual({ cpus: 1, memoryBytes: 1024 * mib });
  });

  it('2 CPUs get 2 GiB', () => {
    expect(serviceSizes(containerServerSize({ kind: 'cpus', cpus: 2 })).app).toEqual({
      cpus: 2,
      memoryBytes: 2048 * mib,
    });
  });

  it('none or a worker pool: no limits', () => {
    for (const request of [{ kind: 'none' as const }, { kind: 'workers' as const, workers: 4 }]) {
      const server = containerServerSize(request);
      expect(server.model).toBe('unlimited');
      expect(serviceSizes(server)).toEqual({});
    }
  });
});
