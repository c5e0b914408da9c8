/**
 * N clones of the reference app (separate processes, own free ports, INSTANCE_ID clone-0..N-1, same
 * code → same build id) behind a real load balancer, as a RunningTarget. One clone is behind the
 * balancer too, so 1 and N clones are reached the same way and compare clones, not paths. kill('clone', i) SIGKILLs clone i: the balancer's health check takes it out; restart
 * brings it back on the same port, where the health check finds it again.
 */
import { ScalebenchError } from '../../core/errors.ts';
import type { Affinity, RunningBalancer } from '../balancer/balancer.ts';
import { type BalancerPreference, chooseBalancer, startBalancer } from '../balancer/choose.ts';
import { waitUntilRouted } from '../balancer/wait-routed.ts';
import { spawnApp } from '../process/app-process.ts';
import { Fleet } from '../process/fleet.ts';
import type { ServerSize } from '../sizing/server-size.ts';
import type { InstanceInfo, RunningTarget } from '../target.ts';

export interface CloneSetOptions {
  experiment: string;
  clones: number;
  /** the app's environment (FEATURES, SESSION, REDIS_URL, ...) */
  env: Record<string, string | undefined>;
  affinity: Affinity;
  balancer: BalancerPreference;
  logDir: string;
  /** each clone's declared size (a CPU quota or a worker pool); default: unlimited */
  server?: ServerSize;
  /** more things to stop after the processes (e.g. a service started for this target) */
  onStop?: () => Promise<void>;
  /** more instances to list (e.g. a database server started for this target) */
  extraInstances?: () => InstanceInfo[];
}

export async function startCloneSet(options: CloneSetOptions): Promise<RunningTarget> {
  const fleet = new Fleet();
  let balancer: RunningBalancer | undefined;
  try {
    const choice = await chooseBalancer(options.balancer, options.env);
    const clones = await fleet.launch('clone', options.clones, (index, port) =>
      spawnApp({
        id: `clone-${index}`,
        logDir: options.logDir,
        env: options.env,
        ...(port ? { port } : {}),
        ...(options.server ? { server: options.server } : {}),
      }),
    );
    if (choice) {
      const backends = clones.map((clone) => ({ id: clone.id, port: clone.port! }));
      balancer = await startBalancer(choice, {
        backends,
        affinity: options.affinity,
        logDir: options.logDir,
      });
    }
  } catch (error: unknown) {
    await fleet.stop();
    await options.onStop?.();
    throw error;
  }
  return cloneSetTarget(options, fleet, balancer);
}

function cloneSetTarget(
  options: CloneSetOptions,
  fleet: Fleet,
  balancer: RunningBalancer | undefined,
): RunningTarget {
  const kindOnly = (kind: string) => {
    if (kind !== 'clone') {
      throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `target ${options.experiment} has no ${kind}s`, {
        hint: "kill or restart a 'clone'",
      });
    }
  };
  const balancerInfo = (b: RunningBalancer): InstanceInfo => ({
    id: `balancer-${b.kind}`,
    kind: 'balancer',
    url: b.url,
    pid: b.pid,
    alive: b.alive(),
    logFile: b.logFile,
    // nginx serves from worker processes it forks
    tree: true,
  });
  return {
    experiment: options.experiment,
    url: balancer?.url ?? fleet.get('clone', 0).url!,
    balancer: balancer?.kind ?? null,
    instances: () => [
      ...(balancer ? [balancerInfo(balancer)] : []),
      ...fleet.instances(),
      ...(options.extraInstances?.() ?? []),
    ],
    async kill(kind, index) {
      kindOnly(kind);
      await fleet.kill('clone', index);
    },
    async restart(kind, index) {
      kindOnly(kind);
      await fleet.restart('clone', index);
      if (balancer) await waitUntilRouted(balancer.url, fleet.get('clone', index).id);
    },
    counters: () => fleet.counters(),
    async stop() {
      await balancer?.stop();
      await fleet.stop();
      await options.onStop?.();
    },
  };
}
