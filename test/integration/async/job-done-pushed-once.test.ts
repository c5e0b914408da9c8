/**
 * Push instead of poll: a WebSocket on /jobs/:id/socket and an event stream on /jobs/:id/events each get
 * the job exactly once when a worker stores its result, also when they connect after it was done.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type RunningWorker, startWorker } from '../../../targets/app/work/worker-runtime.ts';
import { startWorkApp, testConfig, type WorkApp } from './work-app.ts';

const opened: WorkApp[] = [];
let worker: RunningWorker | undefined;
afterEach(async () => {
  await worker?.close();
  worker = undefined;
  await Promise.all(opened.splice(0).map((app) => app.cleanup()));
});

/** every message the socket gets until the server closes it */
function socketMessages(url: string): Promise<{ messages: string[]; code: number }> {
  return new Promise((resolve, reject) => {
    const messages: string[] = [];
    const socket = new WebSocket(url);
    socket.on('message', (data) => messages.push(String(data)));
    socket.on('close', (code) => resolve({ messages, code }));
    socket.on('error', reject);
  });
}

/** the whole event stream until the server ends it */
async function streamText(url: string): Promise<{ type: string | null; text: string }> {
  const response = await fetch(url);
  return { type: response.headers.get('content-type'), text: await response.text() };
}

it('pushes each job done once over a WebSocket and an event stream, waiting or late', async () => {
  const config = testConfig({ WORK: 'queued', QUEUE: 'bullmq', WORK_COST_MS: '200' });
  const web = await startWorkApp(config);
  opened.push(web);
  const accepted = await web.post('weekly report');
  const jobId = accepted.body.jobId as string;
  const wsUrl = `${web.app.url.replace('http://', 'ws://')}/jobs/${jobId}/socket`;
  const waitingSocket = socketMessages(wsUrl);
  const waitingStream = streamText(`${web.app.url}/jobs/${jobId}/events`);
  await sleep(100);
  worker = await startWorker({ ...config, INSTANCE_ID: 'worker-push' });

  const pushed = await waitingSocket;
  expect(pushed.code).toBe(1000);
  expect(pushed.messages).toHaveLength(1);
  expect(JSON.parse(pushed.messages[0]!)).toMatchObject({ id: jobId, status: 'done' });
  const stream = await waitingStream;
  expect(stream.type).toBe('text/event-stream');
  expect(stream.text.match(/^event: done$/gm)).toHaveLength(1);
  expect(stream.text).toContain(`id: ${jobId}`);

  const late = await socketMessages(wsUrl);
  expect(late.messages).toHaveLength(1);
  expect(web.app.counters.get('notificationsSentTotal')).toBe(3);

  const refused = await new Promise<number>((resolve) => {
    const socket = new WebSocket(`${web.app.url.replace('http://', 'ws://')}/elsewhere`);
    socket.on('error', () => resolve(-1));
    socket.on('close', (code) => resolve(code));
  });
  expect(refused).toBe(-1);
});
