/**
 * `scalebench report --dashboard DIR` replays the events.ndjson a run wrote into the dashboard: the
 * stream carries the same records, then the run-done one, and /report is the final report. Also:
 * `bench --dashboard PORT` on a port in use is exit 2 naming it, before any load.
 */

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../results/live-events.ts';
import { runCliInProcess } from '../../helpers/cli.ts';

describe('replay and bad input', () => {
  let dir: string;
  let target: Server;
  let targetUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sb-replay-'));
    target = createHttpServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => target.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('replays a recorded bench into the page, then serves its final report', async () => {
    const json = join(dir, 'bench.json');
    const recorded = await runCliInProcess([
      'bench',
      targetUrl,
      '--rate',
      '50',
      '--duration',
      '2s',
      '--warmup',
      '1s',
      '--quiet',
      '--max-lag',
      '1000',
      '--max-loop-delay',
      '1000',
      '--json',
      json,
    ]);
    expect([0, 1]).toContain(recorded.code);
    const lines = (await readFile(join(dir, 'events.ndjson'), 'utf8')).trim().split('\n');
    const events = lines.map((line) => JSON.parse(line) as LiveEvent);
    // three seconds of load, a fourth when the last responses land after the third second closed
    const kinds = events.map((e) => e.type).join(' ');
    expect(kinds).toMatch(/^plan variant-start trial-start (second ){3,4}trial-done variant-done run-done$/);

    const controller = new AbortController();
    let streamed: LiveEvent[] = [];
    let reportHtml = '';
    const replay = runCliInProcess(['report', '--dashboard', dir, '--speed', '50'], {
      controller,
      onStdout: (_chunk, stdout) => {
        const url = /dashboard: (http:\S+)/.exec(stdout)?.[1];
        if (!url || streamed.length > 0 || reportHtml) return;
        reportHtml = 'pending';
        void (async () => {
          const response = await fetch(`${url}events`);
          const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
          let text = '';
          while (!text.includes('"type":"run-done"')) {
            const { value, done } = await reader.read();
            if (done) break;
            text += value;
          }
          await reader.cancel();
          streamed = [...text.matchAll(/data: (.*)\n\n/g)].map((m) => JSON.parse(m[1]!) as LiveEvent);
          reportHtml = await (await fetch(`${url}report`)).text();
          controller.abort();
        })();
      },
    });
    const result = await replay;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`replaying`);
    expect(streamed.slice(0, -1)).toEqual(events.slice(0, -1));
    expect(streamed.at(-1)).toMatchObject({ type: 'run-done', complete: true });
    expect(reportHtml).toContain('<section id="experiment-bench">');
  });

  it('bench --dashboard on a port in use: exit 2 naming the port', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const result = await runCliInProcess([
        'bench',
        targetUrl,
        '--duration',
        '1s',
        '--dashboard',
        String(port),
      ]);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `error: --dashboard port ${port} on 127.0.0.1 is in use (SB_ERR_INVALID_ARGUMENT) — hint: pass another port (--dashboard 8089), or --dashboard alone for a free one\n`,
      );
      expect(result.stdout).toBe('');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
