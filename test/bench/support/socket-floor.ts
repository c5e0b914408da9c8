/**
 * The floor of any Node load generator, run beside the real ones in the efficiency bench: keep-alive
 * sockets that write one pre-built request, count each read as one response (true for the tiny
 * answers of the bench targets) and write the next — no parsing, no clock, no histogram. Its CPU per
 * request is what Node and the kernel cost before a generator measures anything.
 */
import { connect } from 'node:net';

export async function runSocketFloor(url: string, seconds: number, connections: number): Promise<number> {
  const target = new URL(url);
  const request = Buffer.from(
    `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\n\r\n`,
  );
  const readBuffer = Buffer.allocUnsafe(64 * 1024);
  let responses = 0;
  let running = true;
  const sockets = Array.from({ length: connections }, () => {
    const socket = connect({
      host: target.hostname,
      port: Number(target.port || 80),
      noDelay: true,
      onread: {
        buffer: readBuffer,
        callback: () => {
          responses += 1;
          if (running) socket.write(request);
          return true;
        },
      },
    });
    socket.on('connect', () => socket.write(request));
    socket.on('error', () => {});
    return socket;
  });
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  running = false;
  for (const socket of sockets) socket.destroy();
  return responses;
}
