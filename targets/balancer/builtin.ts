/** Starts the built-in undici balancer (builtin-main.ts) as its own process on a free port. */
import { nodeArgs, packageRoot } from '../../core/entry-points.ts';
import { freePort } from '../lifecycle/free-port.ts';
import { fetchHealth } from '../process/health.ts';
import { spawnLogged } from '../process/spawn.ts';
import type { BalancerOptions, RunningBalancer } from './balancer.ts';
import type { BuiltinProxyConfig } from './builtin-proxy.ts';

export async function startBuiltin(options: BalancerOptions): Promise<RunningBalancer> {
  const port = options.port ?? (await freePort());
  const config: BuiltinProxyConfig = {
    port,
    backends: options.backends,
    sticky: options.affinity === 'sticky',
    healthPath: options.healthPath ?? '/healthz',
  };
  const url = `http://127.0.0.1:${port}`;
  const child = await spawnLogged({
    name: 'balancer-builtin',
    command: process.execPath,
    args: nodeArgs('targets/balancer/builtin-main.ts'),
    env: { ...process.env, SB_BALANCER_CONFIG: JSON.stringify(config) },
    cwd: packageRoot,
    logDir: options.logDir,
    ready: async () => (await fetchHealth(url, 1000)) !== undefined,
    readyTimeoutMs: 30_000,
  });
  return {
    kind: 'builtin',
    url,
    port,
    pid: child.pid,
    logFile: child.logFile,
    configFile: null,
    alive: child.alive,
    stop: child.stop,
  };
}
