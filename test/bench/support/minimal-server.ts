/**
 * The minimal node:http target of the benchmarks: a 6-byte plain-text answer, keep-alive, nothing
 * else. Run as a child process (`node --import tsx minimal-server.ts`) so the generator's CPU is
 * measured apart from the server's; prints one JSON ready line with its port.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';

const BODY = Buffer.from('hello\n');

export function createMinimalServer(): Server {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': BODY.length });
    res.end(BODY);
  });
  server.keepAliveTimeout = 60_000;
  return server;
}

export function listenOnFreePort(server: Server, backlog = 2048): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', backlog, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Shared by the child-process servers: close on SIGTERM/SIGINT, print the ready line. */
export async function serveAsChild(server: Server, extra: Record<string, unknown> = {}): Promise<number> {
  const port = await listenOnFreePort(server);
  const stop = () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdout.write(`${JSON.stringify({ ready: true, port, ...extra })}\n`);
  return port;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await serveAsChild(createMinimalServer());
}
