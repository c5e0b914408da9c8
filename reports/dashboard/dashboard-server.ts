/**
 * The live dashboard: an HTTP server on 127.0.0.1 serving the page, its scripts (Chart.js from the
 * package: nothing from the internet) and /events, a server-sent-event stream that first replays every
 * event so far, then follows the run live — so a page opened mid-run, or reloaded, misses nothing (a
 * reconnecting EventSource sends Last-Event-ID and gets only what it has not seen). When the run is over,
 * /report serves the final report page.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ScalebenchError } from '../../core/errors.ts';
import type { LiveEvent } from '../../results/live-events.ts';
import { loadChartJs } from '../html/html.ts';
import { DASHBOARD_PAGE, DASHBOARD_SCRIPT } from './dashboard-page.ts';

export interface DashboardServer {
  /** http://127.0.0.1:PORT/ */
  url: string;
  port: number;
  /** appends to the history and streams to every open page */
  send(event: LiveEvent): void;
  /** the final report, served at /report (the page loads it after the run-done event) */
  showReport(html: string): void;
  close(): Promise<void>;
}

export interface DashboardOptions {
  /** 0: a free one */
  port: number;
  /** seconds between keep-alive comments on the stream (default 15) */
  keepAliveSeconds?: number;
}

const HOST = '127.0.0.1';

function reply(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
        reject(
          new ScalebenchError(
            'SB_ERR_INVALID_ARGUMENT',
            `--dashboard port ${port} on ${HOST} is ${error.code === 'EADDRINUSE' ? 'in use' : 'not allowed'}`,
            { hint: 'pass another port (--dashboard 8089), or --dashboard alone for a free one' },
          ),
        );
      } else reject(error);
    });
    server.listen(port, HOST, () => resolve((server.address() as AddressInfo).port));
  });
}

export async function startDashboard(options: DashboardOptions): Promise<DashboardServer> {
  const history: string[] = [];
  const streams = new Set<ServerResponse>();
  let report: string | undefined;
  const chartJs = await loadChartJs();

  const stream = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    });
    res.write('retry: 1000\n\n');
    const lastSeen = Number(req.headers['last-event-id'] ?? -1);
    const from = Number.isInteger(lastSeen) ? lastSeen + 1 : 0;
    for (let id = Math.max(0, from); id < history.length; id += 1) res.write(history[id]!);
    streams.add(res);
    req.on('close', () => streams.delete(res));
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://dashboard').pathname;
    if (req.method !== 'GET') return reply(res, 405, 'text/plain', 'GET only\n');
    switch (path) {
      case '/':
        return reply(res, 200, 'text/html; charset=utf-8', DASHBOARD_PAGE);
      case '/assets/chart.umd.js':
        return reply(res, 200, 'text/javascript; charset=utf-8', chartJs);
      case '/assets/dashboard.js':
        return reply(res, 200, 'text/javascript; charset=utf-8', DASHBOARD_SCRIPT);
      case '/events':
        return stream(req, res);
      case '/report':
        return report === undefined
          ? reply(res, 404, 'text/plain', 'the run has not finished yet\n')
          : reply(res, 200, 'text/html; charset=utf-8', report);
      default:
        return reply(res, 404, 'text/plain', 'not found\n');
    }
  });
  const port = await listen(server, options.port);
  const keepAlive = setInterval(
    () => {
      for (const res of streams) res.write(': keep-alive\n\n');
    },
    (options.keepAliveSeconds ?? 15) * 1000,
  );
  keepAlive.unref();

  return {
    url: `http://${HOST}:${port}/`,
    port,
    send(event) {
      const frame = `id: ${history.length}\ndata: ${JSON.stringify(event)}\n\n`;
      history.push(frame);
      for (const res of streams) res.write(frame);
    },
    showReport(html) {
      report = html;
    },
    close() {
      clearInterval(keepAlive);
      for (const res of streams) res.end();
      streams.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
