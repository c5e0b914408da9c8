/**
 * WebSocket servers for tests, on the `ws` library, 127.0.0.1 port 0: an echo server that counts what it
 * received, and close() that ends every socket.
 */
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

export interface TestWsServer {
  url: string;
  sessions: number;
  messages: number;
  bytes: number;
  /** close codes the clients sent, in order */
  closeCodes: number[];
  /** handshake requests, for their headers */
  handshakes: IncomingMessage[];
  wss: WebSocketServer;
  close(): Promise<void>;
}

export async function startWsServer(
  onMessage: (socket: WebSocket, data: Buffer, binary: boolean) => void = (socket, data, binary) =>
    socket.send(data, { binary }),
  options: { handleProtocols?: (protocols: Set<string>) => string | false } = {},
): Promise<TestWsServer> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', ...options });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  const server: TestWsServer = {
    url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/`,
    sessions: 0,
    messages: 0,
    bytes: 0,
    closeCodes: [],
    handshakes: [],
    wss,
    close: () =>
      new Promise((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
  wss.on('connection', (socket, request) => {
    server.sessions += 1;
    server.handshakes.push(request);
    socket.on('close', (code) => server.closeCodes.push(code));
    socket.on('message', (data, binary) => {
      server.messages += 1;
      const buffer = data as Buffer;
      server.bytes += buffer.length;
      onMessage(socket, buffer, binary);
    });
  });
  return server;
}
