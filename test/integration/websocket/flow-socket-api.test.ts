/**
 * vu.ws in a flow: cookies from the VU's jar and subprotocols in the handshake, send, wait for a
 * matching message, hold, close with a code; the exchange is a request of its step and ws_reply{name:…}.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runLoad } from '../../../load/engine/run-load.ts';
import { defineFlow } from '../../../load-model/flows/define-flow.ts';
import { startWsServer, type TestWsServer } from './ws-servers.ts';

let server: TestWsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const chat = defineFlow({
  name: 'chat',
  async iteration(vu) {
    vu.cookies.set('session', `s${vu.id}`);
    vu.vars['room'] = 'lobby';
    const socket = await vu.ws('chat', { path: '/room/{{room}}', subprotocols: ['chat.v1'] });
    vu.count(`protocol:${socket.protocol}`);
    socket.send('noise');
    const reply = await socket.request(
      'chat',
      JSON.stringify({ say: 'hi' }),
      (m) => m.json<{ ack?: string }>()?.ack === 'hi',
    );
    vu.count(reply.ok ? 'acked' : `failed:${reply.errorClass}`);
    const late = await socket.waitFor((m) => m.text() === 'never', 50);
    vu.count(late === undefined ? 'waitForTimedOut' : 'unexpected');
    await socket.hold(20);
    await socket.close(4000, 'bye');
  },
});

describe('a flow drives a WebSocket through vu.ws', () => {
  it('opens with cookies and a subprotocol, matches a reply, closes with its code', async () => {
    server = await startWsServer(
      (socket, data) => {
        const text = data.toString();
        if (text.startsWith('{')) socket.send(JSON.stringify({ ack: JSON.parse(text).say }));
        else socket.send('unrelated');
      },
      { handleProtocols: (protocols) => (protocols.has('chat.v1') ? 'chat.v1' : false) },
    );
    const outcome = await runLoad({
      baseUrl: server.url.replace('ws://', 'http://'),
      executor: { executor: 'constant-vus', vus: 2, duration: 300 },
      warmup: 0,
      flow: chat,
      flowParams: {},
    });
    const { counters, summary, trends } = outcome;
    expect(counters['flowErrors']).toBeUndefined();
    expect(counters['acked']).toBe(summary.iterations);
    expect(counters['protocol:chat.v1']).toBe(summary.iterations);
    expect(counters['waitForTimedOut']).toBe(summary.iterations);
    expect(summary.steps.find((step) => step.name === 'chat')?.requests).toBe(summary.iterations);
    expect(trends['ws_connecting{name:chat}']?.count).toBe(counters['ws_sessions']);
    expect(server.closeCodes.every((code) => code === 4000)).toBe(true);
    expect(server.handshakes[0]?.url).toBe('/room/lobby');
    expect(server.handshakes.map((request) => request.headers.cookie)).toContain('session=s0');
    expect(counters['ws_msgs_sent']).toBe(2 * summary.iterations);
  });
});
