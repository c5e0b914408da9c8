/**
 * HAProxy in front of the clones: config generated into a temp folder, started in the foreground on a
 * free port. Round-robin per request, keep-alive to the clones, active health checks every 500 ms
 * (one failure takes a clone out, two passes bring it back), requests to a dead clone redispatched and
 * retried on connection failure or an empty response. Sticky: `cookie SRV insert indirect nocache`.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort } from '../lifecycle/free-port.ts';
import { makeTempDir } from '../lifecycle/temp-dir.ts';
import { fetchHealth } from '../process/health.ts';
import { spawnLogged } from '../process/spawn.ts';
import { type BalancerOptions, type RunningBalancer, stickyCookie } from './balancer.ts';
import { keepConfigCopy } from './config-copy.ts';

export function haproxyConfig(options: BalancerOptions, port: number): string {
  const sticky = options.affinity === 'sticky';
  const servers = options.backends.map(
    (backend) => `  server ${backend.id} 127.0.0.1:${backend.port}${sticky ? ` cookie ${backend.id}` : ''}`,
  );
  return [
    // no global maxconn: HAProxy derives it from the file-descriptor limit it may raise
    'global',
    '',
    'defaults',
    '  mode http',
    '  option http-keep-alive',
    '  option http-buffer-request',
    '  option redispatch',
    '  retries 3',
    '  retry-on conn-failure empty-response',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout http-keep-alive 60s',
    '',
    'frontend clones_in',
    `  bind 127.0.0.1:${port}`,
    '  default_backend clones',
    '',
    'backend clones',
    '  balance roundrobin',
    '  http-reuse safe',
    `  option httpchk GET ${options.healthPath ?? '/healthz'}`,
    '  default-server check inter 500ms fall 1 rise 2',
    ...(sticky ? [`  cookie ${stickyCookie} insert indirect nocache`] : []),
    ...servers,
    '',
  ].join('\n');
}

export async function startHaproxy(command: string, options: BalancerOptions): Promise<RunningBalancer> {
  const port = options.port ?? (await freePort());
  const dir = makeTempDir('haproxy');
  const configFile = join(dir.path, 'haproxy.cfg');
  const config = haproxyConfig(options, port);
  await writeFile(configFile, config);
  // a copy next to the log, which outlives the temp folder, for diagnosing a failed start
  const configCopy = await keepConfigCopy(options.logDir, 'balancer-haproxy.cfg', config);
  const url = `http://127.0.0.1:${port}`;
  try {
    const child = await spawnLogged({
      name: 'balancer-haproxy',
      command,
      args: ['-db', '-f', configFile],
      env: process.env,
      logDir: options.logDir,
      ready: async () => (await fetchHealth(url, 1000)) !== undefined,
      hint: `read the log file; the generated config is ${configCopy} (check it: haproxy -c -f ${configCopy})`,
    });
    const stop = async () => {
      await child.stop();
      await dir.remove();
    };
    return {
      kind: 'haproxy',
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
