/**
 * The WebSocket benchmark's target: a `ws` echo server in its own process. With periodMs > 0 it freezes
 * its event loop with a busy loop for freezeMs every periodMs (first after phaseMs) and logs each freeze
 * as {freeze: {start, end}} in monotonic ms, as freeze-server.ts does for HTTP. On SIGTERM it prints
 * {counted: {sessions, messages, bytes}}; `GET /counted` answers the same counts so far, so a benchmark
 * can count what one generator process sent (the difference before and after it ran).
 * Usage: node --import tsx ws-echo-server.ts [periodMs=0] [freezeMs=0] [phaseMs=0]
 */
import { createServer } from 'node:http';
import { WebSocketServer } from 'ws';
import { serveAsChild } from './minimal-server.ts';
import { monotonicMs } from './monotonic.ts';

const [periodMs = 0, freezeMs = 0, phaseMs = 0] = process.argv.slice(2, 5).map(Number);
const counted = { sessions: 0, messages: 0, bytes: 0 };

function freeze(): void {
  const start = monotonicMs();
  let now = start;
  while (now - start < freezeMs) now = monotonicMs();
  process.stdout.write(`${JSON.stringify({ freeze: { start, end: now } })}\n`);
}

const server = createServer((request, response) => {
  if (request.url === '/counted') response.end(JSON.stringify(counted));
  else response.end('websocket only\n');
});
const wss = new WebSocketServer({ server, perMessageDeflate: false });
wss.on('connection', (socket) => {
  counted.sessions += 1;
  socket.on('message', (data, binary) => {
    counted.messages += 1;
    counted.bytes += (data as Buffer).length;
    socket.send(data, { binary });
  });
});
process.on('SIGTERM', () => {
  process.stdout.write(`${JSON.stringify({ counted })}\n`);
  for (const client of wss.clients) client.terminate();
});
await serveAsChild(server, { periodMs, freezeMs, phaseMs });
if (periodMs > 0) {
  setTimeout(() => {
    freeze();
    setInterval(freeze, periodMs);
  }, phaseMs);
}
