/**
 * The accuracy benchmark's target: answers at once, but every `period` ms it freezes its event loop
 * with a busy loop for `freeze` ms, and logs each freeze as a JSON line {freeze: {start, end}} in
 * monotonic ms (see monotonic.ts). The first freeze starts `phase` ms after the ready line.
 * Usage: node --import tsx freeze-server.ts [periodMs=5000] [freezeMs=1000] [phaseMs=2500] [cert.pem key.pem]
 * With a certificate and key it serves HTTPS (node:https) instead of HTTP.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { serveAsChild } from './minimal-server.ts';
import { monotonicMs } from './monotonic.ts';

const [periodMs = 5000, freezeMs = 1000, phaseMs = 2500] = process.argv.slice(2, 5).map(Number);
const [certFile, keyFile] = process.argv.slice(5);
const BODY = Buffer.from('ok\n');

function freeze(): void {
  const start = monotonicMs();
  let now = start;
  while (now - start < freezeMs) now = monotonicMs();
  process.stdout.write(`${JSON.stringify({ freeze: { start, end: now } })}\n`);
}

const answer = (_req: IncomingMessage, res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/plain', 'content-length': BODY.length });
  res.end(BODY);
};
const server =
  certFile && keyFile
    ? createHttpsServer({ cert: readFileSync(certFile), key: readFileSync(keyFile) }, answer)
    : createServer(answer);
server.keepAliveTimeout = 60_000;
const readyAt = monotonicMs();
await serveAsChild(server, { readyAt, periodMs, freezeMs, phaseMs });
setTimeout(() => {
  freeze();
  setInterval(freeze, periodMs);
}, phaseMs);
