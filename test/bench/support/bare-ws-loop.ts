/**
 * The floors of the WebSocket benchmark: `ws` clients that count messages and nothing else (no clock
 * read per message, no histogram, no matching). bareWsLoop sends each socket's next message when the
 * previous one is echoed (as fast as the server answers); pacedWsLoop sends them on a schedule as
 * scalebench does (each socket every 1000/rate ms at its own phase, one timer for all sockets, woken
 * at the timer's millisecond grain), so it shows what pacing itself costs on this machine apart from
 * what scalebench's engine adds to it.
 */
import WebSocket from 'ws';

const PAYLOAD = Buffer.from('scalebench');

function openClients(url: string, sockets: number): Promise<WebSocket[]> {
  return Promise.all(
    Array.from(
      { length: sockets },
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const client = new WebSocket(url, { perMessageDeflate: false });
          client.once('open', () => resolve(client));
          client.once('error', reject);
        }),
    ),
  );
}

export async function bareWsLoop(url: string, sockets: number, durationMs: number): Promise<number> {
  let messages = 0;
  let running = true;
  const clients = await openClients(url, sockets);
  for (const client of clients) {
    client.on('message', () => {
      messages += 1;
      if (running) client.send(PAYLOAD, { binary: false });
    });
    client.send(PAYLOAD, { binary: false });
  }
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  running = false;
  for (const client of clients) client.terminate();
  return messages;
}

export async function pacedWsLoop(
  url: string,
  sockets: number,
  durationMs: number,
  ratePerSocket: number,
): Promise<number> {
  let messages = 0;
  const clients = await openClients(url, sockets);
  for (const client of clients) client.on('message', () => (messages += 1));
  const interval = 1000 / ratePerSocket;
  const start = performance.now();
  const end = start + durationMs;
  const due = clients.map((_, i) => start + ((i * 0.618_033_988_75) % 1) * interval);
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      if (now >= end) return resolve();
      let next = end;
      for (let i = 0; i < clients.length; i += 1) {
        for (; due[i]! <= now; due[i]! += interval) clients[i]!.send(PAYLOAD, { binary: false });
        next = Math.min(next, due[i]!);
      }
      setTimeout(tick, Math.max(1, Math.ceil(next - performance.now())));
    };
    tick();
  });
  for (const client of clients) client.terminate();
  return messages;
}
