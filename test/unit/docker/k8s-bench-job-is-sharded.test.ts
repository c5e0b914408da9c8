/**
 * The Kubernetes bench Job splits the load into N shards: an Indexed Job with parallelism = completions
 * = N whose pods run `scalebench bench ... --shard $(JOB_COMPLETION_INDEX)/N --json` to a per-shard file
 * on a volume, so `scalebench merge` can combine them.
 */
import { describe, expect, it } from 'vitest';
import { loadK8sManifests } from './docker-files.ts';

interface Container {
  command?: string[];
  args?: string[];
  volumeMounts?: { mountPath: string }[];
}

interface Job {
  kind: string;
  spec: {
    completionMode?: string;
    completions?: number;
    parallelism?: number;
    template: { spec: { restartPolicy: string; containers: Container[] } };
  };
}

describe('the bench Job', () => {
  const jobs = loadK8sManifests()
    .map((doc) => doc.data as Job)
    .filter((doc) => doc.kind === 'Job');

  it('exists once', () => {
    expect(jobs).toHaveLength(1);
  });

  it('runs N indexed shards, each writing its own results file on a mounted volume', () => {
    const job = jobs[0]!;
    const { completionMode, completions, parallelism } = job.spec;
    expect(completionMode).toBe('Indexed');
    expect(completions).toBeGreaterThan(1);
    expect(parallelism).toBe(completions);
    const bench = job.spec.template.spec.containers[0]!;
    const argv = [...(bench.command ?? []), ...(bench.args ?? [])];
    expect(argv.slice(0, 2)).toEqual(['scalebench', 'bench']);
    expect(argv[argv.indexOf('--shard') + 1]).toBe(`$(JOB_COMPLETION_INDEX)/${completions}`);
    const output = argv[argv.indexOf('--json') + 1] ?? '';
    expect(output).toContain('$(JOB_COMPLETION_INDEX)');
    const mounts = (bench.volumeMounts ?? []).map((mount) => mount.mountPath);
    expect(mounts.some((mount) => output.startsWith(`${mount}/`))).toBe(true);
  });
});
