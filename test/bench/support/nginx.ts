/**
 * nginx as a benchmark target: a generated config in a temp dir, one worker, a free port on
 * 127.0.0.1, a tiny static file. Started and stopped by the benchmark (and by the cleanup stack).
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from '../../../core/cleanup.ts';
import { nginxHttpFiles, nginxMain } from '../../helpers/nginx-config.ts';
import { stopChild } from './child.ts';

export const NGINX_BINARY = '/usr/sbin/nginx';

export interface NginxTarget {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function config(dir: string, port: number): string {
  return `${nginxMain(dir, 4096)}
http {
  access_log off;
${nginxHttpFiles(dir)}
  keepalive_requests 1000000;
  keepalive_timeout 120s;
  server {
    listen 127.0.0.1:${port} backlog=4096;
    root ${dir}/www;
    location / { default_type text/plain; }
  }
}
`;
}

/** Resolves once nginx accepts connections on its port. */
async function waitForPort(port: number, limitMs: number): Promise<void> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`nginx did not listen on ${port} within ${limitMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export async function startNginx(): Promise<NginxTarget> {
  const dir = await mkdtemp(join(tmpdir(), 'sb-bench-nginx-'));
  const removeDir = onCleanup('nginx temp dir', () => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'www'));
  await writeFile(join(dir, 'www', 'index.txt'), 'hello\n');
  const port = await freePort();
  await writeFile(join(dir, 'nginx.conf'), config(dir, port));
  const child = spawn(
    NGINX_BINARY,
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
    {
      stdio: 'ignore',
    },
  );
  const stopNginx = onCleanup('nginx', () => stopChild(child));
  await waitForPort(port, 5000).catch(async (error: unknown) => {
    await stopNginx();
    await removeDir();
    throw error;
  });
  return {
    url: `http://127.0.0.1:${port}/index.txt`,
    pid: child.pid!,
    stop: async () => {
      await stopNginx();
      await removeDir();
    },
  };
}
