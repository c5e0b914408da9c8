/**
 * Against WebSocket servers nobody here wrote, what scalebench counts agrees with what the server
 * counted: python3-websockets (an echo server that counts sessions, messages and bytes) and Debian's
 * libwebsockets-test-server (its dumb-increment protocol pushes a counter; its write log is the truth).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runLoad } from '../../../load/engine/run-load.ts';
import { requireSetup } from '../../helpers/requires-tool.ts';

const PYTHON = '/usr/bin/python3';
const LWS = '/usr/bin/libwebsockets-test-server';

const ECHO = `
import asyncio, json, signal, websockets
counts = {"sessions": 0, "messages": 0, "bytes": 0}
async def echo(ws, *_):
    counts["sessions"] += 1
    async for message in ws:
        counts["messages"] += 1
        counts["bytes"] += len(message)
        await ws.send(message)
async def main():
    stop = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set_result, None)
    async with websockets.serve(echo, "127.0.0.1", 0) as server:
        print(json.dumps({"port": server.sockets[0].getsockname()[1]}), flush=True)
        await stop
    print(json.dumps(counts), flush=True)
asyncio.run(main())
`;

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function output(child: ChildProcess): { text: () => string; line: () => Promise<string> } {
  let text = '';
  const waiters: (() => void)[] = [];
  const onData = (chunk: Buffer) => {
    text += chunk.toString();
    for (const waiter of waiters.splice(0)) waiter();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  return {
    text: () => text,
    line: async () => {
      while (!text.includes('\n')) await new Promise<void>((resolve) => waiters.push(resolve));
      return text.slice(0, text.indexOf('\n'));
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const exited = (child: ChildProcess) => new Promise((resolve) => child.once('close', resolve));

describe('WebSocket servers nobody here wrote', () => {
  it('python3-websockets echo: sessions, messages and bytes agree', async (ctx) => {
    const present = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import websockets']).status === 0;
    requireSetup(ctx, present, { name: 'python3-websockets', install: 'apt-get install python3-websockets' });
    const child = spawn(PYTHON, ['-c', ECHO], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const out = output(child);
    const { port } = JSON.parse(await out.line()) as { port: number };
    const outcome = await runLoad({
      baseUrl: `ws://127.0.0.1:${port}/`,
      executor: { executor: 'constant-vus', vus: 5, duration: 1000 },
      warmup: 0,
      websocket: { message: 'hello websockets', ratePerSocket: 20, holdMs: 0 },
    });
    child.kill('SIGTERM');
    await exited(child);
    const counted = JSON.parse(out.text().trim().split('\n').at(-1)!) as Record<string, number>;
    expect(outcome.summary.errors).toBe(0);
    expect(outcome.counters['ws_sessions']).toBe(counted['sessions']);
    expect(outcome.counters['ws_msgs_sent']).toBe(counted['messages']);
    expect(outcome.counters['ws_msgs_received']).toBe(counted['messages']);
    expect(counted['bytes']).toBe(16 * counted['messages']!);
    expect(counted['messages']).toBeGreaterThan(50);
  });

  it('libwebsockets-test-server: the counter messages received agree with its write log', async (ctx) => {
    requireSetup(ctx, existsSync(LWS), {
      name: 'libwebsockets-test-server',
      install: 'apt-get install libwebsockets-test-server',
    });
    const port = await freePort();
    const child = spawn(LWS, [`--port=${port}`, '-d', '1039'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const out = output(child);
    while (!out.text().includes(`port ${port},`)) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const outcome = await runLoad({
      baseUrl: `ws://127.0.0.1:${port}/`,
      executor: { executor: 'constant-vus', vus: 3, duration: 1000 },
      warmup: 0,
      websocket: { message: '', ratePerSocket: 0, holdMs: 0, subprotocols: ['dumb-increment-protocol'] },
    });
    child.kill('SIGINT');
    await exited(child);
    // one write per frame: a counter message is 2 header bytes + 1..3 digits; each session also ends
    // with a 4-byte close frame answering ours
    const writes = [...out.text().matchAll(/ssl_capable_write \((\d+)\) says/g)].map((m) => Number(m[1]));
    const small = writes.filter((size) => size >= 3 && size <= 5).length;
    const sessions = outcome.counters['ws_sessions']!;
    expect(sessions).toBe(3);
    expect(outcome.summary.errors).toBe(0);
    expect(outcome.counters['ws_msgs_received']).toBe(small - sessions);
    expect(outcome.counters['ws_msgs_received']).toBeGreaterThan(30);
  });
});
