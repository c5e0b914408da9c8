/**
 * Starts a balancer that runs from a generated config file (HAProxy, nginx): a free port, a temp folder
 * holding the config, a copy of the config next to the log (it outlives the temp folder, for diagnosing
 * a failed start), and a process that is ready once /healthz answers through it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from '../lifecycle/free-port.ts';
import { makeTempDir } from '../lifecycle/temp-dir.ts';
import { fetchHealth } from '../process/health.ts';
import { spawnLogged } from '../process/spawn.ts';
import type { BalancerOptions, RunningBalancer } from './balancer.ts';

export interface ConfiguredBalancer {
  kind: 'haproxy' | 'nginx';
  command: string;
  /** the config file's name inside the temp folder, e.g. 'haproxy.cfg' */
  configName: string;
  config(port: number, dir: string): string;
  args(configFile: string, dir: string): string[];
  /** the remedy printed when it cannot start, given the kept config copy */
  hint(configCopy: string): string;
  /** extra preparation of the temp folder before the start */
  prepare?(dir: string): Promise<void>;
}

export async function startConfiguredBalancer(
  balancer: ConfiguredBalancer,
  options: BalancerOptions,
): Promise<RunningBalancer> {
  const port = options.port ?? (await freePort());
  const dir = makeTempDir(balancer.kind);
  const configFile = join(dir.path, balancer.configName);
  const config = balancer.config(port, dir.path);
  await writeFile(configFile, config);
  await balancer.prepare?.(dir.path);
  const configCopy = await keepConfigCopy(options.logDir, `balancer-${balancer.configName}`, config);
  const url = `http://127.0.0.1:${port}`;
  try {
    const child = await spawnLogged({
      name: `balancer-${balancer.kind}`,
      command: balancer.command,
      args: balancer.args(configFile, dir.path),
      env: process.env,
      logDir: options.logDir,
      ready: async () => (await fetchHealth(url, 1000)) !== undefined,
      hint: balancer.hint(configCopy),
    });
    const stop = async () => {
      await child.stop();
      await dir.remove();
    };
    return {
      kind: balancer.kind,
      url,
      port,
      pid: child.pid,
      logFile: child.logFile,
      configFile,
      alive: child.alive,
      stop,
    };
  } catch (error: unknown) {
    await dir.remove();
    throw error;
  }
}

/** Writes a copy of a generated balancer config next to its log file, which outlives the temp folder. */
async function keepConfigCopy(logDir: string, name: string, config: string): Promise<string> {
  await mkdir(logDir, { recursive: true });
  const path = join(logDir, name);
  await writeFile(path, config);
  return path;
}
