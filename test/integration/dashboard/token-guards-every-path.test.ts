/**
 * `--dashboard-host`: a dashboard served beyond 127.0.0.1 answers every path with 403 and nothing else
 * to a request without its token, or with a wrong one — no page, no history, no events, no report —
 * counted over every path and every wrong token; with the token the page works, and every URL the page
 * loads carries it.
 */
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { newDashboardToken } from '../../../cli/dashboard-address.ts';
import { type DashboardServer, startDashboard } from '../../../reports/dashboard/dashboard-server.ts';

const PATHS = ['/', '/assets/chart.umd.js', '/assets/dashboard.js', '/events', '/report', '/no-such-path'];

/** one raw request (fetch would follow nothing here, but a raw request also shows the exact body) */
function get(port: number, path: string, method = 'GET'): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
        // a stream answered with 200 never ends by itself: enough to know it leaked
        if (res.statusCode === 200 && path.startsWith('/events')) res.destroy();
      });
      res.on('close', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('a dashboard behind a token', () => {
  let server: DashboardServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('answers 403 and nothing else on every path without the token or with a wrong one', async () => {
    const token = newDashboardToken();
    // 0.0.0.0: every address of this machine, as for a room
    server = await startDashboard({ port: 0, host: '0.0.0.0', urlHost: '127.0.0.1', token });
    server.send({ type: 'warning', message: 'secret history', t: 1 });
    server.showReport('<h1>secret report</h1>');
    const wrong = [
      '',
      '?token=',
      `?token=${token.slice(0, -1)}`,
      `?token=${token}x`,
      `?token=${newDashboardToken()}`,
      `?TOKEN=${token}`,
      `?t=${token}`,
    ];
    const answers = [];
    for (const path of PATHS) {
      for (const query of wrong) {
        answers.push(await get(server.port, `${path}${query}`));
        answers.push(await get(server.port, `${path}${query}`, 'POST'));
      }
    }
    const forbidden = answers.filter((answer) => answer.status === 403 && answer.body === 'forbidden\n');
    expect(forbidden).toHaveLength(PATHS.length * wrong.length * 2);
    expect(answers.some((answer) => /secret|chart|scalebench/i.test(answer.body))).toBe(false);
  });

  it('works with the token, and the page carries it on every URL it loads', async () => {
    const token = newDashboardToken();
    server = await startDashboard({ port: 0, host: '127.0.0.1', token });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`);
    server.send({ type: 'warning', message: 'history', t: 1 });
    server.showReport('<h1>the report</h1>');
    const query = `?token=${token}`;
    const page = await get(server.port, `/${query}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`src="assets/chart.umd.js${query}"`);
    expect(page.body).toContain(`src="assets/dashboard.js${query}"`);
    // the client opens its stream and the report with the page's own query string
    const script = await get(server.port, `/assets/dashboard.js${query}`);
    expect(script.status).toBe(200);
    expect(script.body).toContain("new EventSource('events' + query)");
    expect(script.body).toContain("'report' + query");
    expect((await get(server.port, `/assets/chart.umd.js${query}`)).status).toBe(200);
    const events = await get(server.port, `/events${query}`);
    expect(events.status).toBe(200);
    expect(events.body).toContain('"message":"history"');
    expect((await get(server.port, `/report${query}`)).body).toBe('<h1>the report</h1>');
    expect((await get(server.port, `/report${query}`, 'POST')).status).toBe(405);
  });

  it('without a token (the default, on 127.0.0.1) serves as before', async () => {
    server = await startDashboard({ port: 0 });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect((await get(server.port, '/')).status).toBe(200);
  });
});
