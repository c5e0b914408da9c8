/**
 * HAProxy in front of the clones: config generated into a temp folder, started in the foreground on a
 * free port. Round-robin per request, keep-alive to the clones, active health checks every 500 ms
 * (one failure takes a clone out, two passes bring it back), requests to a dead clone redispatched and
 * retried on connection failure (the request never reached a clone). An empty response (the clone died
 * after reading the request) is retried only for GET/HEAD: a POST that clone may already have applied is
 * answered 502 rather than replayed on another clone (a cart item added twice).
 * Sticky: `cookie SRV insert indirect nocache`.
 */
import { type BalancerOptions, type RunningBalancer, stickyCookie } from './balancer.ts';
import { startConfiguredBalancer } from './configured-balancer.ts';

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
    // L7 retries (empty-response) only for GET/HEAD; this never disables the conn-failure ones
    '  http-request disable-l7-retry unless METH_GET',
    `  option httpchk GET ${options.healthPath ?? '/healthz'}`,
    '  default-server check inter 500ms fall 1 rise 2',
    ...(sticky ? [`  cookie ${stickyCookie} insert indirect nocache`] : []),
    ...servers,
    '',
  ].join('\n');
}

export function startHaproxy(command: string, options: BalancerOptions): Promise<RunningBalancer> {
  return startConfiguredBalancer(
    {
      kind: 'haproxy',
      command,
      configName: 'haproxy.cfg',
      config: (port) => haproxyConfig(options, port),
      args: (configFile) => ['-db', '-f', configFile],
      hint: (copy) => `read the log file; the generated config is ${copy} (check it: haproxy -c -f ${copy})`,
    },
    options,
  );
}
