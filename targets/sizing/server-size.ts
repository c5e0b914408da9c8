/**
 * Servers of a declared size: every server process of a target (a clone, a queue worker, a database)
 * runs as a machine of a stated size, so N clones behave as N machines until the host runs out.
 * Two models, and the results name the one that ran:
 * - `cpu-quota`: a CPU quota per process (the mechanism behind `docker run --cpus`: cgroup v2
 *   `cpu.max`, or `cpu.cfs_quota_us` on cgroup v1), where the cgroup CPU controller is writable (root
 *   on Linux);
 * - `worker-pool`: elsewhere, a fixed pool of request workers per process (each request holds a worker
 *   for its whole real work, as Puma or PHP-FPM servers do); requests beyond it wait in line.
 * `unlimited` runs processes as they are (the host's whole CPU is shared by all of them).
 */
import { ScalebenchError } from '../../core/errors.ts';

export type ServerModel = 'cpu-quota' | 'worker-pool' | 'unlimited';

/** what the user asked for: `--server-size 0.25`, `cpus=0.25`, `workers=4` or `none` */
export type ServerSizeRequest =
  | { kind: 'cpus'; cpus: number }
  | { kind: 'workers'; workers: number }
  | { kind: 'none' };

/** the size a target's servers actually run at, as recorded in results */
export interface ServerSize {
  model: ServerModel;
  /** CPUs per process for cpu-quota, workers per process for worker-pool, null when unlimited */
  size: number | null;
  /** e.g. 'cgroup v1 cpu quota 0.25 CPU' or 'worker pool of 4' */
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
/** workers per process when a CPU quota was asked for but cannot be set here */
export const FALLBACK_WORKERS = 2;

export function parseServerSize(text: string): ServerSizeRequest {
  const value = text.trim().toLowerCase();
  if (value === 'none' || value === 'unlimited') return { kind: 'none' };
  const [key, raw] = value.includes('=') ? value.split('=', 2) : ['cpus', value];
  const number = Number(raw);
  if (key === 'cpus' && Number.isFinite(number) && number >= 0.05 && number <= 64) {
    return { kind: 'cpus', cpus: number };
  }
  if (key === 'workers' && Number.isInteger(number) && number >= 1 && number <= 1024) {
    return { kind: 'workers', workers: number };
  }
  throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `bad server size '${text}'`, {
    hint: "give CPUs per server (0.25 or cpus=0.25, at least 0.05), 'workers=N' or 'none'",
  });
}

export function describeServerSize(size: Pick<ServerSize, 'model' | 'size' | 'mechanism'>): string {
  if (size.model === 'cpu-quota') {
    const where = size.mechanism === 'cgroup-v2' ? 'cgroup v2' : 'cgroup v1';
    return `${where} cpu quota ${size.size} CPU`;
  }
  if (size.model === 'worker-pool') return `worker pool of ${size.size}`;
  return 'unlimited (processes share the whole host)';
}

/**
 * What a request turns into here: a CPU quota when `quota` says this host allows one, else the
 * worker-pool model (a CPU request then becomes FALLBACK_WORKERS workers).
 */
export function chooseServerSize(
  request: ServerSizeRequest,
  quota: 'cgroup-v1' | 'cgroup-v2' | null,
): ServerSize {
  if (request.kind === 'none')
    return { model: 'unlimited', size: null, label: describeServerSize({ model: 'unlimited', size: null }) };
  if (request.kind === 'cpus' && quota !== null) {
    const size = { model: 'cpu-quota' as const, size: request.cpus, mechanism: quota };
    return { ...size, label: describeServerSize(size) };
  }
  const workers = request.kind === 'workers' ? request.workers : FALLBACK_WORKERS;
  const size = { model: 'worker-pool' as const, size: workers };
  return { ...size, label: describeServerSize(size) };
}

/** the environment a worker-pool server reads (targets/app/config.ts SERVER_WORKERS) */
export function serverSizeEnv(size: ServerSize | undefined): Record<string, string> {
  return size?.model === 'worker-pool' && size.size !== null ? { SERVER_WORKERS: String(size.size) } : {};
}
