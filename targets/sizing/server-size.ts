/**
 * Servers of a declared size: every server process of a target (a clone, a queue worker, a database)
 * runs as a machine of a stated size, so N clones behave as N machines until the host runs out.
 * The models, in order of fidelity, and the results name the one that ran for each server:
 * - `cpu-quota`: a CPU quota per process (the mechanism behind `docker run --cpus`: cgroup v2
 *   `cpu.max`, or `cpu.cfs_quota_us` on cgroup v1), where the cgroup CPU controller is writable (root
 *   on Linux); the kernel enforces it for any process;
 * - elsewhere (a normal user, macOS) the same budget, enforced without privileges by scalebench:
 *   `cpu-governor` inside the Node servers scalebench writes (cpu-governor.ts: the process reads its own
 *   CPU time and holds its thread still once a period's budget is spent), and for processes it does
 *   not write, a PostgreSQL server, `cpu-affinity` for a whole number of cores (cpu-affinity.ts: the
 *   tree pinned to them, Linux) or else `cpu-limiter` (cpu-limiter.ts: SIGSTOP/SIGCONT, as cpulimit does);
 * - `worker-pool`: only when asked for (`workers=N`): a fixed pool of request workers per process. It
 *   bounds concurrency, not CPU, so the report never calls it a CPU size;
 * - `unlimited`: processes as they are (the host's whole CPU is shared by all of them).
 */
import { ScalebenchError } from '../../core/errors.ts';
import { affinityFor } from './cpu-affinity.ts';

export type ServerModel =
  | 'cpu-quota'
  | 'cpu-governor'
  | 'cpu-affinity'
  | 'cpu-limiter'
  | 'worker-pool'
  | 'unlimited';

/** what the user asked for: `--server-size 0.25`, `cpus=0.25`, `workers=4` or `none` */
export type ServerSizeRequest =
  | { kind: 'cpus'; cpus: number }
  | { kind: 'workers'; workers: number }
  | { kind: 'none' };

/** the size a target's servers actually run at, as recorded in results */
export interface ServerSize {
  model: ServerModel;
  /** CPUs per process for the CPU models, workers per process for worker-pool, null when unlimited */
  size: number | null;
  /** e.g. 'cgroup v1 cpu quota 0.25 CPU' or 'cpu governor 0.25 CPU' */
  label: string;
  /** cgroup-v1 | cgroup-v2 for cpu-quota */
  mechanism?: 'cgroup-v1' | 'cgroup-v2';
}

/**
 * The default server: a quarter of a CPU per process. Four clones then take one of two cores, which
 * leaves the load generator, the balancer and Redis room on a 2-core machine, so capacity can grow
 * with clones before the host runs out.
 */
export const DEFAULT_SERVER_CPUS = 0.25;
/** the smallest CPU size the portable models hold to within 10% (a 20 ms period leaves 1 ms of work) */
export const MIN_SERVER_CPUS = 0.05;
export const MAX_SERVER_CPUS = 64;

export function parseServerSize(text: string): ServerSizeRequest {
  const value = text.trim().toLowerCase();
  if (value === 'none' || value === 'unlimited') return { kind: 'none' };
  const [key, raw] = value.includes('=') ? value.split('=', 2) : ['cpus', value];
  const number = Number(raw);
  if (key === 'cpus' && Number.isFinite(number) && number >= MIN_SERVER_CPUS && number <= MAX_SERVER_CPUS) {
    return { kind: 'cpus', cpus: number };
  }
  if (key === 'workers' && Number.isInteger(number) && number >= 1 && number <= 1024) {
    return { kind: 'workers', workers: number };
  }
  throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `bad server size '${text}'`, {
    hint: `give CPUs per server from ${MIN_SERVER_CPUS} to ${MAX_SERVER_CPUS} (0.25 or cpus=0.25), 'workers=N' or 'none'`,
  });
}

export function describeServerSize(size: Pick<ServerSize, 'model' | 'size' | 'mechanism'>): string {
  switch (size.model) {
    case 'cpu-quota':
      return `${size.mechanism === 'cgroup-v2' ? 'cgroup v2' : 'cgroup v1'} cpu quota ${size.size} CPU`;
    case 'cpu-governor':
      return `cpu governor ${size.size} CPU`;
    case 'cpu-affinity':
      return `cpu affinity ${size.size} core${size.size === 1 ? '' : 's'}`;
    case 'cpu-limiter':
      return `stop/continue limiter ${size.size} CPU`;
    case 'worker-pool':
      return `worker pool of ${size.size} (concurrency only, CPU not capped)`;
    default:
      return 'not sized (processes share the whole host)';
  }
}

/** true when the model caps CPU (the only sizes a capacity per server can be read against) */
export function capsCpu(size: Pick<ServerSize, 'model'> | undefined): boolean {
  return (
    size?.model === 'cpu-quota' ||
    size?.model === 'cpu-governor' ||
    size?.model === 'cpu-affinity' ||
    size?.model === 'cpu-limiter'
  );
}

/**
 * What a request turns into here for the Node servers scalebench writes: a CPU quota when `quota` says
 * this host allows one, else the in-process governor (same size, enforced by the process itself).
 */
export function chooseServerSize(
  request: ServerSizeRequest,
  quota: 'cgroup-v1' | 'cgroup-v2' | null,
): ServerSize {
  const sized = (size: Omit<ServerSize, 'label'>): ServerSize => ({
    ...size,
    label: describeServerSize(size),
  });
  if (request.kind === 'none') return sized({ model: 'unlimited', size: null });
  if (request.kind === 'workers') return sized({ model: 'worker-pool', size: request.workers });
  if (quota !== null) return sized({ model: 'cpu-quota', size: request.cpus, mechanism: quota });
  return sized({ model: 'cpu-governor', size: request.cpus });
}

/**
 * The size a server scalebench does not write (PostgreSQL) gets where the Node servers got `size`: the
 * same cgroup quota; in place of the governor, its tree pinned to whole cores where `pinnable` says it
 * can be (cpu-affinity.ts), else the stop/continue limiter.
 */
export function externalServerSize(
  size: ServerSize | undefined,
  cpus?: number,
  pinnable: (cpus: number) => boolean = (wanted) => affinityFor(wanted) !== null,
): ServerSize | undefined {
  if (!size || !capsCpu(size)) return size;
  const resized = { ...size, size: cpus ?? size.size };
  if (size.model === 'cpu-governor') {
    const model = resized.size !== null && pinnable(resized.size) ? 'cpu-affinity' : 'cpu-limiter';
    return { ...resized, model, label: describeServerSize({ ...resized, model }) };
  }
  return { ...resized, label: describeServerSize(resized) };
}

/** the environment a Node server reads (targets/app/config.ts SERVER_WORKERS, SERVER_CPUS) */
export function serverSizeEnv(size: ServerSize | undefined): Record<string, string> {
  if (size?.size == null) return {};
  if (size.model === 'worker-pool') return { SERVER_WORKERS: String(size.size) };
  if (size.model === 'cpu-governor') return { SERVER_CPUS: String(size.size) };
  return {};
}
