/**
 * The floor of the WebSocket benchmark: `ws` clients that each send the next message when the previous
 * one is echoed, counting messages and nothing else (no clock read, no histogram, no matching).
 */
import WebSocket from 'ws';

export async function bareWsLoop(url: string, sockets: number, durationMs: number): Promise<number> {
  const payload = Buffer.from('scalebench');
  let messages = 0;
  let running = true;
  const clients = await Promise.all(
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
  for (const client of clients) {
    client.on('message', () => {
      messages += 1;
      if (running) client.send(payload, { binary: false });
    });
    client.send(payload, { binary: false });
  }
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  running = false;
  for (const client of clients) client.terminate();
  return messages;
}
