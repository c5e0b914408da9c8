/**
 * The live dashboard: an HTTP server (on 127.0.0.1 unless told another address) serving the page, its scripts (Chart.js from the
 * package: nothing from the internet) and /events, a server-sent-event stream that first replays every
 * event so far, then follows the run live — so a page opened mid-run, or reloaded, misses nothing (a
 * reconnecting EventSource sends Last-Event-ID and gets only what it has not seen). When the run is over,
 * /report serves the final report page. With a token, every path answers 403 and nothing else to a
 * request without it (`?token=…`): the room can watch, nobody can read the run without the printed URL.
 * The server only reads: GET, never a change.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ScalebenchError } from '../../core/errors.ts';
import type { LiveEvent } from '../../results/live-events.ts';
import { loadChartJs } from '../html/html.ts';
import { dashboardScript } from './client-script.ts';
import { dashboardPage } from './dashboard-page.ts';

export interface DashboardServer {
  /** http://127.0.0.1:PORT/ (with ?token=… when there is one) */
  url: string;
  port: number;
  /** pages following the stream now */
  openPages(): number;
  /** resolves once /report was served `pages` times since the report was set, or after `timeoutMs` */
  reportFetched(pages: number, timeoutMs: number): Promise<void>;
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
  /** the address to listen on (default 127.0.0.1) */
  host?: string;
  /** the address the printed URL names (default: host) */
  urlHost?: string;
  /** when set, every request must carry ?token=<this> or gets 403 */
  token?: string;
}

const HOST = '127.0.0.1';

function tokenMatches(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function reply(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') {
        reject(
          new ScalebenchError(
            'SB_ERR_INVALID_ARGUMENT',
            `--dashboard port ${port} on ${host} is ${error.code === 'EADDRINUSE' ? 'in use' : 'not allowed'}`,
            { hint: 'pass another port (--dashboard 8089), or --dashboard alone for a free one' },
          ),
        );
      } else if (error.code === 'EADDRNOTAVAIL') {
        reject(
          new ScalebenchError(
            'SB_ERR_INVALID_ARGUMENT',
            `--dashboard-host ${host} is no address of this machine`,
            {
              hint: 'pass one of its addresses (ip addr), or 0.0.0.0 for all of them',
            },
          ),
        );
      } else reject(error);
    });
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** The event stream: every event kept as an SSE frame, replayed from a page's Last-Event-ID on, then live. */
interface EventReplay {
  follow(req: IncomingMessage, res: ServerResponse): void;
  send(event: LiveEvent): void;
  /** a comment on every open stream, so idle proxies keep them open */
  keepAlive(): void;
  openPages(): number;
  endAll(): void;
}

function createEventReplay(): EventReplay {
  const history: string[] = [];
  const streams = new Set<ServerResponse>();
  return {
    follow(req, res) {
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
    },
    send(event) {
      const frame = `id: ${history.length}\ndata: ${JSON.stringify(event)}\n\n`;
      history.push(frame);
      for (const res of streams) res.write(frame);
    },
    keepAlive() {
      for (const res of streams) res.write(': keep-alive\n\n');
    },
    openPages: () => streams.size,
    endAll() {
      for (const res of streams) res.end();
      streams.clear();
    },
  };
}

/** The final report, once set: served at /report, and the count of pages that fetched it. */
interface ReportSlot {
  serve(res: ServerResponse): void;
  show(html: string): void;
  fetched(pages: number, timeoutMs: number): Promise<void>;
}

function createReportSlot(): ReportSlot {
  let report: string | undefined;
  let reportsServed = 0;
  const reportWaiters = new Set<() => void>();
  return {
    serve(res) {
      if (report === undefined) return reply(res, 404, 'text/plain', 'the run has not finished yet\n');
      reply(res, 200, 'text/html; charset=utf-8', report);
      reportsServed += 1;
      for (const wake of reportWaiters) wake();
    },
    show(html) {
      report = html;
    },
    fetched(pages, timeoutMs) {
      const from = reportsServed;
      return new Promise((resolve) => {
        const done = () => {
          if (reportsServed - from < pages && pages > 0 && !timedOut) return;
          clearTimeout(timer);
          reportWaiters.delete(done);
          resolve();
        };
        let timedOut = false;
        const timer = setTimeout(() => {
          timedOut = true;
          done();
        }, timeoutMs);
        reportWaiters.add(done);
        done();
      });
    },
  };
}

interface Routes {
  token: string | undefined;
  page: string;
  chartJs: string;
  script: string;
  events: EventReplay;
  report: ReportSlot;
}

/** One GET: the token checked first, then the page, its scripts, the event stream or the report. */
function route(req: IncomingMessage, res: ServerResponse, routes: Routes) {
  const url = new URL(req.url ?? '/', 'http://dashboard');
  // the token first: without it, nothing — not even whether a path exists
  if (routes.token !== undefined && !tokenMatches(url.searchParams.get('token'), routes.token)) {
    return reply(res, 403, 'text/plain', 'forbidden\n');
  }
  if (req.method !== 'GET') return reply(res, 405, 'text/plain', 'GET only\n');
  switch (url.pathname) {
    case '/':
      return reply(res, 200, 'text/html; charset=utf-8', routes.page);
    case '/assets/chart.umd.js':
      return reply(res, 200, 'text/javascript; charset=utf-8', routes.chartJs);
    case '/assets/dashboard.js':
      return reply(res, 200, 'text/javascript; charset=utf-8', routes.script);
    case '/events':
      return routes.events.follow(req, res);
    case '/report':
      return routes.report.serve(res);
    default:
      return reply(res, 404, 'text/plain', 'not found\n');
  }
}

export async function startDashboard(options: DashboardOptions): Promise<DashboardServer> {
  const events = createEventReplay();
  const report = createReportSlot();
  const chartJs = await loadChartJs();
  const script = await dashboardScript();
  const token = options.token;
  const query = token === undefined ? '' : `?token=${encodeURIComponent(token)}`;
  const routes: Routes = { token, page: dashboardPage(query), chartJs, script, events, report };
  const server = createServer((req, res) => route(req, res, routes));
  const host = options.host ?? HOST;
  const port = await listen(server, options.port, host);
  const urlHost = options.urlHost ?? host;
  const keepAlive = setInterval(() => events.keepAlive(), (options.keepAliveSeconds ?? 15) * 1000);
  keepAlive.unref();

  return {
    url: `http://${urlHost.includes(':') ? `[${urlHost}]` : urlHost}:${port}/${query}`,
    port,
    openPages: () => events.openPages(),
    reportFetched: (pages, timeoutMs) => report.fetched(pages, timeoutMs),
    send: (event) => events.send(event),
    showReport: (html) => report.show(html),
    close() {
      clearInterval(keepAlive);
      events.endAll();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
