/**
 * A WebSocket that Chromium recorded in a HAR (`_webSocketMessages`) is replayed by the imported flow:
 * the same socket path and subprotocol, the page's text and binary messages sent in order, each reply
 * awaited as a request of the socket's step.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { runLoad } from '../../../load/engine/run-load.ts';
import type { FlowDefinition } from '../../../load-model/flows/types.ts';
import { parseHar } from '../../../scenarios/har/har-file.ts';
import { harToFlow } from '../../../scenarios/har/har-flow.ts';
import { startWsServer, type TestWsServer } from '../websocket/ws-servers.ts';

const DEFINE_FLOW = fileURLToPath(new URL('../../../load-model/flows/define-flow.ts', import.meta.url));

let server: TestWsServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function chromiumHar(port: number): string {
  const at = 1_765_000_000;
  const entry = {
    startedDateTime: new Date(at * 1000).toISOString(),
    time: 3,
    _resourceType: 'websocket',
    request: {
      method: 'GET',
      url: `ws://127.0.0.1:${port}/live?room=7`,
      headers: [{ name: 'Sec-WebSocket-Protocol', value: 'chat.v1' }],
    },
    response: { status: 101, headers: [] },
    _webSocketMessages: [
      { type: 'send', time: at + 0.01, opcode: 1, data: '{"join":7}' },
      { type: 'receive', time: at + 0.02, opcode: 1, data: '{"join":7}' },
      { type: 'send', time: at + 0.05, opcode: 2, data: Buffer.from([1, 2, 3]).toString('base64') },
      { type: 'receive', time: at + 0.06, opcode: 2, data: Buffer.from([1, 2, 3]).toString('base64') },
      { type: 'send', time: at + 0.07, opcode: 1, data: 'bye' },
    ],
  };
  return JSON.stringify({ log: { entries: [entry] } });
}

describe('import har with WebSocket frames', () => {
  it('replays the recorded messages on a socket of the same path and subprotocol', async () => {
    const received: string[] = [];
    server = await startWsServer(
      (socket, data, binary) => {
        received.push(binary ? `bin:${data.toString('hex')}` : data.toString());
        if (data.toString() !== 'bye') socket.send(data, { binary });
      },
      { handleProtocols: (protocols) => (protocols.has('chat.v1') ? 'chat.v1' : false) },
    );
    const port = Number(new URL(server.url).port);
    const flow = harToFlow(parseHar('live.har', chromiumHar(port)), {
      source: 'live.har',
      exportName: 'liveFlow',
      defineFlowImport: pathToFileURL(DEFINE_FLOW).href,
    });
    expect(flow.requests).toBe(1);
    expect(flow.code).toContain('subprotocols: ["chat.v1"]');
    dir = await mkdtemp(join(tmpdir(), 'sb-har-ws-'));
    const file = join(dir, 'live-flow.ts');
    await writeFile(file, flow.code);
    const module = (await import(pathToFileURL(file).href)) as { liveFlow: FlowDefinition };
    const outcome = await runLoad({
      baseUrl: `http://127.0.0.1:${port}/`,
      executor: { executor: 'constant-vus', vus: 1, duration: 150 },
      warmup: 0,
      flow: module.liveFlow,
    });
    expect(outcome.counters['flowErrors']).toBeUndefined();
    expect(received.slice(0, 3)).toEqual(['{"join":7}', 'bin:010203', 'bye']);
    expect(server.handshakes[0]?.url).toBe('/live?room=7');
    const step = outcome.summary.steps.find((entry) => entry.name === 'WS /live');
    expect(step?.requests).toBe(2 * outcome.summary.iterations);
    expect(step?.errors).toEqual({});
  });
});
