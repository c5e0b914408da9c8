/**
 * A real nginx speaking TLS, for tests and benchmarks: on free ports of 127.0.0.1, one server with
 * HTTP/1.1 over TLS only, one with TLS and HTTP/2 (ALPN h2, HTTP/1.1 as fallback), one with h2c (HTTP/2
 * over cleartext, prior knowledge). It serves /index.txt (6 bytes) and /big.bin (64 KiB) and writes
 * an access log of `status bytes-of-body protocol` per request, read back by `accessLog()`.
 * Everything it starts is stopped by `stop()` (not by the cleanup stack: an in-process CLI run would
 * stop it before the test reads its log; a benchmark registers `stop` itself).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { nginxHttpFiles, nginxMain } from './nginx-config.ts';

export interface TlsNginx {
  /** https://localhost:port — HTTP/1.1 over TLS only */
  h1Url: string;
  /** https://localhost:port — TLS with HTTP/2 by ALPN */
  h2Url: string;
  /** http://127.0.0.1:port — HTTP/2 over cleartext with prior knowledge */
  h2cUrl: string;
  pid: number;
  /** every request nginx logged so far, in order */
  accessLog(): Promise<AccessLine[]>;
  stop(): Promise<void>;
}

export interface AccessLine {
  status: number;
  bodyBytes: number;
  /** HTTP/1.1 or HTTP/2.0 */
  protocol: string;
  port: number;
}

export const SMALL_BODY = 'hello\n';
export const BIG_BODY_BYTES = 64 * 1024;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** nginx 1.25.1 and later take `http2 on;`, older ones `listen … http2`. */
async function supportsHttp2Directive(binary: string): Promise<boolean> {
  const { stderr } = await promisify(execFile)(binary, ['-v']);
  const [major = 0, minor = 0, patch = 0] = (/nginx\/(\d+)\.(\d+)\.(\d+)/.exec(stderr) ?? [])
    .slice(1)
    .map(Number);
  return major > 1 || (major === 1 && (minor > 25 || (minor === 25 && patch >= 1)));
}

function config(dir: string, ports: number[], cert: { cert: string; key: string }, http2On: boolean): string {
  const [h1, h2, h2c] = ports;
  const tls = `ssl_certificate ${cert.cert}; ssl_certificate_key ${cert.key};`;
  const h2Listen = http2On ? `listen 127.0.0.1:${h2} ssl; http2 on;` : `listen 127.0.0.1:${h2} ssl http2;`;
  const h2cListen = http2On ? `listen 127.0.0.1:${h2c}; http2 on;` : `listen 127.0.0.1:${h2c} http2;`;
  return `${nginxMain(dir, 4096)}
http {
  log_format counts '$status $body_bytes_sent $server_protocol $server_port';
  access_log ${dir}/access.log counts;
${nginxHttpFiles(dir)}
  keepalive_requests 1000000;
  keepalive_timeout 120s;
  ssl_session_cache shared:SSL:1m;
  ssl_session_tickets on;
  root ${dir}/www;
  default_type text/plain;
  server { listen 127.0.0.1:${h1} ssl backlog=4096; ${tls} }
  server { ${h2Listen} ${tls} }
  server { ${h2cListen} }
}
`;
}

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

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startTlsNginx(binary: string, cert: { cert: string; key: string }): Promise<TlsNginx> {
  const dir = await mkdtemp(join(tmpdir(), 'sb-tls-nginx-'));
  await mkdir(join(dir, 'www'));
  await writeFile(join(dir, 'www', 'index.txt'), SMALL_BODY);
  await writeFile(join(dir, 'www', 'big.bin'), Buffer.alloc(BIG_BODY_BYTES, 0x61));
  const ports = [await freePort(), await freePort(), await freePort()];
  await writeFile(join(dir, 'nginx.conf'), config(dir, ports, cert, await supportsHttp2Directive(binary)));
  const child = spawn(binary, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], {
    stdio: 'ignore',
  });
  const stop = async () => {
    await stopChild(child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (const port of ports) await waitForPort(port, 5000);
  } catch (error: unknown) {
    const log = await readFile(join(dir, 'error.log'), 'utf8').catch(() => '');
    await stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}: ${log.slice(-500)}`);
  }
  const [h1, h2, h2c] = ports;
  return {
    h1Url: `https://localhost:${h1}`,
    h2Url: `https://localhost:${h2}`,
    h2cUrl: `http://127.0.0.1:${h2c}`,
    pid: child.pid!,
    accessLog: async () => {
      const text = await readFile(join(dir, 'access.log'), 'utf8').catch(() => '');
      return text
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => {
          const [status, bytes, protocol, port] = line.split(' ');
          return {
            status: Number(status),
            bodyBytes: Number(bytes),
            protocol: protocol!,
            port: Number(port),
          };
        });
    },
    stop,
  };
}
