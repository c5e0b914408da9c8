/**
 * `bench grpc://…` at a server that cannot be gRPC — plain HTTP/1.1, or one that accepts the connection
 * and never answers the HTTP/2 preface — is exit 2 before any load, one line naming the host.
 */
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/cli.ts';
import { COUNTER_PROTO } from '../../helpers/grpc-python-server.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

async function bench(port: number) {
  return runCliInProcess([
    'bench',
    `grpc://127.0.0.1:${port}`,
    '--proto',
    COUNTER_PROTO,
    '--call',
    'counter.Counter/Add',
    '--duration',
    '1s',
  ]);
}

describe('a server that is not gRPC', () => {
  it('plain HTTP/1.1: exit 2 before load, "is not a gRPC server"', async () => {
    let requests = 0;
    const http = createHttpServer((_req, res) => {
      requests += 1;
      res.end('hello');
    });
    const port = await listen(http);
    closers.push(() => new Promise((resolve) => http.close(() => resolve())));
    const result = await bench(port);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: 127.0.0.1:${port} is not a gRPC server: no HTTP/2`);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(requests).toBe(0);
  });

  it('accepts and says nothing: exit 2 before load, the run never starts', async () => {
    const sockets = new Set<Socket>();
    const silent = createTcpServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
    });
    const port = await listen(silent);
    closers.push(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });
    const result = await bench(port);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: 127.0.0.1:${port} is not a gRPC server: no HTTP/2`);
    expect(result.stdout).not.toContain('requests');
  });
});
