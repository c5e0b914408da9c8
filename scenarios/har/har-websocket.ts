/**
 * A WebSocket entry of a HAR recording (Chromium keeps its frames in `_webSocketMessages`) → flow lines:
 * open the socket with vu.ws, send what the page sent with the recorded gaps, and wait for what it
 * received. A send followed by a receive becomes socket.request (the reply awaited from the send, timed
 * as ws_reply); a receive on its own waits for the next message. Binary frames (base64) are sent as bytes.
 */
import type { HarEntry, HarWebSocketMessage } from './har-file.ts';

const INDENT = '    ';

/** ws(s):// → http(s)://, so a socket on the recording's host counts as its origin */
export function httpOrigin(url: URL): string {
  if (url.protocol === 'ws:' || url.protocol === 'wss:')
    return `${url.protocol === 'wss:' ? 'https' : 'http'}://${url.host}`;
  return url.origin;
}

export function isWebSocketEntry(entry: HarEntry, url: URL): boolean {
  return entry.webSocketMessages !== undefined || url.protocol === 'ws:' || url.protocol === 'wss:';
}

function payload(message: HarWebSocketMessage): string {
  return message.opcode === 2
    ? `Buffer.from(${JSON.stringify(message.data)}, 'base64')`
    : JSON.stringify(message.data);
}

export function webSocketLines(entry: HarEntry, url: URL, step: number, name: string): string[] {
  const path = `${url.pathname}${url.search}`;
  const messages = (entry.webSocketMessages ?? []).filter(
    (message) => message.opcode === 1 || message.opcode === 2,
  );
  const protocol = entry.request.headers.find(
    (header) => header.name.toLowerCase() === 'sec-websocket-protocol',
  );
  const subprotocols = protocol
    ? protocol.value
        .split(',')
        .map((value) => value.trim())
        .filter(Boolean)
    : [];
  const options = [`path: ${JSON.stringify(path)}`];
  if (subprotocols.length > 0) options.push(`subprotocols: ${JSON.stringify(subprotocols)}`);
  const sent = messages.filter((message) => message.type === 'send').length;
  const lines = [
    `${INDENT}// ${step}. WebSocket ${path}: ${sent} message(s) sent, ${messages.length - sent} received, as recorded`,
    `${INDENT}{`,
    `${INDENT}  const socket = await vu.ws(${JSON.stringify(name)}, { ${options.join(', ')} });`,
  ];
  let previous: number | undefined;
  for (let i = 0; i < messages.length; i += 1) {
    const message = messages[i]!;
    const gapMs = previous === undefined ? 0 : Math.round((message.time - previous) * 1000);
    previous = message.time;
    if (message.type === 'receive') {
      lines.push(
        `${INDENT}  await socket.waitFor(); // received: ${JSON.stringify(message.data.slice(0, 40))}`,
      );
      continue;
    }
    if (gapMs > 0) lines.push(`${INDENT}  await vu.sleep(${gapMs});`);
    const next = messages[i + 1];
    if (next?.type === 'receive') {
      lines.push(`${INDENT}  await socket.request(${JSON.stringify(name)}, ${payload(message)});`);
      previous = next.time;
      i += 1;
    } else {
      lines.push(`${INDENT}  socket.send(${payload(message)});`);
    }
  }
  lines.push(`${INDENT}  await socket.close();`, `${INDENT}}`);
  return lines;
}
