/**
 * The built-in L7 balancer, used when neither HAProxy nor nginx is installed: a node:http server that
 * forwards each request round-robin to the next healthy clone over a keep-alive undici Pool. Active
 * health checks every 500 ms (one failure takes a clone out, two passes bring it back); a request whose
 * connection to a clone fails goes to the next one. A GET/HEAD whose clone dropped the connection after
 * taking it is retried too; any other method is not (the clone may have applied it: answered 502, like
 * HAProxy's disable-l7-retry and nginx's default proxy_next_upstream). Sticky: cookie SRV=<clone id>.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';
import { stickyCookie } from './balancer.ts';

export interface BuiltinProxyConfig {
  port: number;
  backends: { id: string; port: number }[];
  sticky: boolean;
  healthPath: string;
  healthIntervalMs?: number;
}

interface Upstream {
  id: string;
  pool: Pool;
  up: boolean;
  passes: number;
}

const hopByHop = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'proxy-connection',
  'te',
]);
/** the request never reached the clone: safe to send anywhere else */
const connectCodes = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT']);
/** the clone may have read (and applied) the request before the connection broke */
const droppedCodes = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'EPIPE']);

/** whether a failed attempt may go to another clone */
export function mayRetry(method: string | undefined, code: string | undefined): boolean {
  if (connectCodes.has(code ?? '')) return true;
  return (method === 'GET' || method === 'HEAD') && droppedCodes.has(code ?? '');
}

export class BuiltinProxy {
  private readonly upstreams: Upstream[];
  private next = 0;
  private readonly server: Server;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly config: BuiltinProxyConfig) {
    this.upstreams = config.backends.map((backend) => ({
      id: backend.id,
      pool: new Pool(`http://127.0.0.1:${backend.port}`, { connections: 128, pipelining: 1 }),
      up: true,
      passes: 0,
    }));
    this.server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => void this.handle(req, res));
  }

  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.config.port, '127.0.0.1', resolve);
    });
    this.timer = setInterval(() => void this.checkAll(), this.config.healthIntervalMs ?? 500);
    return (this.server.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
    });
    await Promise.all(this.upstreams.map((upstream) => upstream.pool.close()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
    const pinned = this.config.sticky ? readCookie(req.headers.cookie, stickyCookie) : undefined;
    const tried = new Set<Upstream>();
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const upstream = this.pick(pinned, tried);
      if (!upstream) break;
      tried.add(upstream);
      try {
        const response = await upstream.pool.request({
          method: req.method as 'GET',
          path: req.url ?? '/',
          headers: forwardHeaders(req.headers),
          body,
        });
        const headers = forwardHeaders(response.headers);
        if (this.config.sticky && pinned !== upstream.id) {
          headers['set-cookie'] = [
            ...toArray(headers['set-cookie']),
            `${stickyCookie}=${upstream.id}; path=/`,
          ];
        }
        res.writeHead(response.statusCode, headers);
        for await (const chunk of response.body) res.write(chunk);
        res.end();
        return;
      } catch (error: unknown) {
        if (res.headersSent) return void res.destroy();
        const code = (error as { code?: string }).code;
        if (connectCodes.has(code ?? '') || droppedCodes.has(code ?? '')) {
          upstream.up = false;
          upstream.passes = 0;
        }
        if (!mayRetry(req.method, code)) break;
      }
    }
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('no clone answered\n');
  }

  /** the pinned clone if it is up, else the next healthy one round-robin */
  private pick(pinned: string | undefined, tried: Set<Upstream>): Upstream | undefined {
    const sticky = this.upstreams.find((u) => u.id === pinned && u.up && !tried.has(u));
    if (sticky) return sticky;
    for (let i = 0; i < this.upstreams.length; i += 1) {
      const upstream = this.upstreams[this.next % this.upstreams.length]!;
      this.next += 1;
      if (upstream.up && !tried.has(upstream)) return upstream;
    }
    return undefined;
  }

  private async checkAll(): Promise<void> {
    await Promise.all(
      this.upstreams.map(async (upstream) => {
        const ok = await upstream.pool
          .request({ method: 'GET', path: this.config.healthPath, headersTimeout: 1000, bodyTimeout: 1000 })
          .then(async (r) => {
            await r.body.dump();
            return r.statusCode === 200;
          })
          .catch(() => false);
        if (!ok) {
          upstream.up = false;
          upstream.passes = 0;
        } else if (!upstream.up && ++upstream.passes >= 2) {
          upstream.up = true;
        }
      }),
    );
  }
}

function forwardHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !hopByHop.has(name.toLowerCase())) out[name] = value;
  }
  return out;
}

function toArray(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return undefined;
}
