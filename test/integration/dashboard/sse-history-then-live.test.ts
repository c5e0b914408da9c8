/**
 * The dashboard server over a real socket: a page that connects mid-run gets every record so far, then
 * the live ones; a reconnect with Last-Event-ID gets only what it missed; /report appears after the run;
 * the scripts it serves come from the package (Chart.js) and nothing refers to another host.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type DashboardServer, startDashboard } from '../../../reports/dashboard/dashboard-server.ts';
import type { LiveEvent } from '../../../results/live-events.ts';

const warning = (message: string, t: number): LiveEvent => ({ type: 'warning', message, t });

/** reads the stream until `count` records came; returns them with their ids */
async function readStream(url: string, count: number, lastEventId?: string) {
  const controller = new AbortController();
  const response = await fetch(url, {
    signal: controller.signal,
    headers: lastEventId === undefined ? {} : { 'last-event-id': lastEventId },
  });
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  const records = () =>
    [...text.matchAll(/id: (\d+)\ndata: (.*)\n\n/g)].map((m) => ({
      id: Number(m[1]),
      event: JSON.parse(m[2]!) as LiveEvent,
    }));
  while (records().length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    text += value;
  }
  controller.abort();
  return records();
}

describe('the dashboard server', () => {
  let server: DashboardServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('streams the history first, then live records; Last-Event-ID resumes after the last seen', async () => {
    server = await startDashboard({ port: 0 });
    server.send(warning('one', 1));
    server.send(warning('two', 2));
    const reading = readStream(`${server.url}events`, 3);
    setTimeout(() => server!.send(warning('three', 3)), 100);
    const seen = await reading;
    expect(seen.map((r) => [r.id, (r.event as { message: string }).message])).toEqual([
      [0, 'one'],
      [1, 'two'],
      [2, 'three'],
    ]);
    const resumed = await readStream(`${server.url}events`, 1, '1');
    expect(resumed.map((r) => r.id)).toEqual([2]);
  });

  it('serves the page and its scripts from the package, and /report once the run is over', async () => {
    server = await startDashboard({ port: 0 });
    const page = await (await fetch(server.url)).text();
    expect(page).toContain('<script src="assets/chart.umd.js"></script>');
    expect(page).not.toMatch(/https?:\/\//);
    const chartJs = await (await fetch(`${server.url}assets/chart.umd.js`)).text();
    expect(chartJs).toContain('Chart');
    const script = await (await fetch(`${server.url}assets/dashboard.js`)).text();
    expect(() => new Function(script)).not.toThrow();
    expect((await fetch(`${server.url}report`)).status).toBe(404);
    server.showReport('<h1>scalebench report</h1>');
    expect(await (await fetch(`${server.url}report`)).text()).toBe('<h1>scalebench report</h1>');
  });

  it('a port in use is bad input naming the port', async () => {
    server = await startDashboard({ port: 0 });
    await expect(startDashboard({ port: server.port })).rejects.toMatchObject({
      code: 'SB_ERR_INVALID_ARGUMENT',
      exitCode: 2,
      message: `--dashboard port ${server.port} on 127.0.0.1 is in use`,
    });
  });
});
