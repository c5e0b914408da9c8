/**
 * nginx in front of the clones: config generated into a temp folder (also its prefix for temp files),
 * started in the foreground on a free port. Round-robin per request with keep-alive upstream
 * connections; open-source nginx has no active health checks, so a dead clone is taken out passively
 * (`max_fails=1 fail_timeout=2s`) and the failed request goes to the next clone (`proxy_next_upstream`),
 * except a POST that clone may have applied (nginx never replays a sent non-idempotent request by default).
 *
 * Sticky: open-source nginx has no `sticky cookie` (that is nginx Plus). Instead of `hash $cookie_sid`
 * (which would send the login, made before the sid exists, to another clone than the cart), nginx sets
 * its own cookie SRV=<clone that served> from $upstream_addr, and routes a request carrying it to a
 * per-clone upstream whose other clones are `backup`: the same clone while it lives, another once it died.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type Backend, type BalancerOptions, type RunningBalancer, stickyCookie } from './balancer.ts';
import { startConfiguredBalancer } from './configured-balancer.ts';

const serverFlags = 'max_fails=1 fail_timeout=2s';

function upstreamBlock(name: string, primary: Backend[], backup: Backend[]): string[] {
  return [
    `  upstream ${name} {`,
    `    zone ${name} 64k;`,
    ...primary.map((b) => `    server 127.0.0.1:${b.port} ${serverFlags};`),
    ...backup.map((b) => `    server 127.0.0.1:${b.port} ${serverFlags} backup;`),
    '    keepalive 64;',
    '  }',
  ];
}

/**
 * Sticky routing: an upstream per clone (the others its backups), the map from the SRV cookie to it, and
 * the map from the clone that served ($upstream_addr) to the cookie's value.
 */
function stickyBlocks(backends: Backend[]): string[] {
  const perClone = backends.flatMap((backend, i) =>
    upstreamBlock(
      `clone_${i}`,
      [backend],
      backends.filter((other) => other !== backend),
    ),
  );
  return [
    ...perClone,
    `  map $cookie_${stickyCookie} $sb_pool {`,
    '    default clones;',
    ...backends.map((b, i) => `    ${b.id} clone_${i};`),
    '  }',
    '  map $upstream_addr $sb_served {',
    '    default "";',
    ...backends.map((b) => `    "~127\\.0\\.0\\.1:${b.port}$" ${b.id};`),
    '  }',
  ];
}

export function nginxConfig(options: BalancerOptions, port: number, prefix: string): string {
  const sticky = options.affinity === 'sticky';
  return [
    'daemon off;',
    'master_process on;',
    'worker_processes auto;',
    `pid ${join(prefix, 'nginx.pid')};`,
    'error_log stderr warn;',
    'events { worker_connections 8192; }',
    'http {',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
      (kind) => `  ${kind}_temp_path ${join(prefix, `${kind}_temp`)};`,
    ),
    '  keepalive_timeout 65s;',
    '  keepalive_requests 100000;',
    ...upstreamBlock('clones', options.backends, []),
    ...(sticky ? stickyBlocks(options.backends) : []),
    '  server {',
    `    listen 127.0.0.1:${port};`,
    '    location / {',
    `      proxy_pass http://${sticky ? '$sb_pool' : 'clones'};`,
    '      proxy_http_version 1.1;',
    '      proxy_set_header Connection "";',
    // without `non_idempotent`, a POST/PATCH/LOCK goes to the next clone only if it was never sent (nginx ≥ 1.9.13)
    '      proxy_next_upstream error timeout;',
    '      proxy_next_upstream_tries 3;',
    '      proxy_connect_timeout 2s;',
    ...(sticky ? [`      add_header Set-Cookie "${stickyCookie}=$sb_served; Path=/; HttpOnly" always;`] : []),
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}

export function startNginx(command: string, options: BalancerOptions): Promise<RunningBalancer> {
  return startConfiguredBalancer(
    {
      kind: 'nginx',
      command,
      configName: 'nginx.conf',
      config: (port, dir) => nginxConfig(options, port, dir),
      args: (configFile, dir) => ['-p', dir, '-c', configFile, '-e', 'stderr'],
      hint: (copy) => `read the log file; the generated config is ${copy}`,
      prepare: async (dir) => {
        await mkdir(join(dir, 'logs'), { recursive: true });
      },
    },
    options,
  );
}
