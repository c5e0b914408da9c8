/**
 * The live outputs `run`, `bench` and `report --replay` share: one event bus, and what listens to it —
 * events.ndjson beside the results, the dashboard (--dashboard [port], --open, --dashboard-linger) and
 * Prometheus remote write (--out prometheus=URL). The flags are parsed in cli/live-flags.ts; the outputs
 * start here before the load and end after it.
 */
import { spawn } from 'node:child_process';
import { onCleanup } from '../../core/cleanup.ts';
import type { PrometheusPusher } from '../../exporters/prometheus/remote-write.ts';
import type { RemoteWriteTarget } from '../../exporters/prometheus/remote-write-target.ts';
import type { DashboardServer } from '../../reports/dashboard/dashboard-server.ts';
import { openEventsWriter } from '../../results/events-file.ts';
import type { LiveEvent, LiveEventBody } from '../../results/live-events.ts';
import type { ResultsFile } from '../../results/schema.ts';
import { findOnPath } from '../../targets/lifecycle/find-executable.ts';
import { type RunContext, untilAborted } from '../run-context.ts';
import { createEventBus, type EventBus } from './event-bus.ts';
import { qrCode } from './qr-code.ts';

/** --dashboard-host: where the page is served beyond 127.0.0.1, behind a token */
export interface DashboardAddress {
  /** where the server listens */
  host: string;
  /** what the printed URL names: an address others can reach */
  urlHost: string;
  token: string;
}

export interface DashboardOptions {
  /** 0: a free one */
  port: number;
  open: boolean;
  /** how long the page stays up after the run; null: until Ctrl-C */
  lingerMs: number | null;
  /** --dashboard-host: the address, the URL's host and the token (absent: 127.0.0.1, no token) */
  address?: DashboardAddress;
}

export interface LiveOptions {
  dashboard: DashboardOptions | null;
  /** --out prometheus=URL with its credentials, headers and TLS trust */
  prometheus: RemoteWriteTarget | null;
}

/** the longest the run waits, after it is over, for open pages to fetch the final report */
const REPORT_WAIT_MS = 5000;

export interface LiveOutputs {
  publish(body: LiveEventBody): void;
  /** a recorded event, as it was (replay) */
  send(event: LiveEvent): void;
  /**
   * After the results are written: the final report to the page, the run-done record, the last push,
   * events.ndjson closed; then the page stays up as --dashboard-linger says.
   */
  finish(results: ResultsFile | undefined, resultsName: string | undefined, complete: boolean): Promise<void>;
}

/** Opens the page in the desktop's browser where there is one; says so where there is none. */
async function openBrowser(url: string, ctx: RunContext): Promise<void> {
  const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
  const path = await findOnPath(opener, ctx.env.PATH);
  if (!path) {
    ctx.stderr(`notice: no browser opener (${opener}) on this machine; open ${url} yourself\n`);
    return;
  }
  const child = spawn(path, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => ctx.stderr(`notice: ${opener} failed; open ${url} yourself\n`));
  child.unref();
}

/** The dashboard, fed by the bus, its URL printed (with a QR code when served beyond 127.0.0.1). */
async function startLiveDashboard(
  options: DashboardOptions,
  bus: EventBus,
  ctx: RunContext,
): Promise<{ server: DashboardServer; close: () => Promise<void> }> {
  const { startDashboard } = await import('../../reports/dashboard/dashboard-server.ts');
  const address = options.address;
  const server = await startDashboard({ port: options.port, ...(address ?? {}) });
  const close = onCleanup('dashboard', () => server.close());
  bus.subscribe((event) => server.send(event));
  ctx.stdout(`dashboard: ${server.url}\n`);
  if (address) {
    ctx.stdout(`${await qrCode(server.url, ctx.isTTY)}\n`);
    ctx.stderr(
      `dashboard: served on ${address.host} to anyone with the URL above (read-only; without its token: 403)\n`,
    );
  }
  if (options.open) await openBrowser(server.url, ctx);
  return { server, close };
}

/**
 * Starts what the options ask for; `eventsPath` is where events.ndjson goes (undefined: not written).
 * A dashboard port in use is exit 2 before any load starts.
 */
export async function startLiveOutputs(
  options: LiveOptions,
  eventsPath: string | undefined,
  ctx: RunContext,
): Promise<LiveOutputs & { bus: EventBus }> {
  const bus = createEventBus();
  const live = options.dashboard ? await startLiveDashboard(options.dashboard, bus, ctx) : undefined;
  const dashboard = live?.server;
  const closeDashboard = live?.close ?? (async () => {});
  let prometheus: PrometheusPusher | undefined;
  if (options.prometheus) {
    const { startPrometheusPush } = await import('../../exporters/prometheus/remote-write.ts');
    const pusher = startPrometheusPush({
      target: options.prometheus,
      warn: (line) => ctx.stderr(`${line}\n`),
    });
    prometheus = pusher;
    bus.subscribe((event) => pusher.add(event));
  }
  const writer = eventsPath ? await openEventsWriter(eventsPath) : undefined;
  const closeWriter = writer ? onCleanup('events.ndjson', () => writer.close()) : async () => {};
  if (writer) bus.subscribe((event) => writer.write(event));

  return {
    bus,
    publish: (body) => bus.publish(body),
    send: (event) => bus.forward(event),
    async finish(results, resultsName, complete) {
      if (dashboard && results) {
        const { renderHtml } = await import('../../reports/html/html.ts');
        dashboard.showReport(await renderHtml(results));
      }
      // the pages open now fetch the report after run-done: even with --dashboard-linger 0 they get it
      const delivered = dashboard?.reportFetched(dashboard.openPages(), REPORT_WAIT_MS);
      bus.publish({ type: 'run-done', complete, ...(resultsName ? { results: resultsName } : {}) });
      await closeWriter();
      await prometheus?.close();
      await delivered;
      if (!dashboard || !options.dashboard) return;
      const linger = options.dashboard.lingerMs;
      if (linger !== 0 && !ctx.signal.aborted) {
        ctx.stderr(
          `dashboard: the final report is on ${dashboard.url}; ${linger === null ? 'Ctrl-C to exit' : `exiting in ${Math.round(linger / 1000)} s`}\n`,
        );
        await lingering(linger, ctx.signal);
      }
      await closeDashboard();
    },
  };
}

function lingering(ms: number | null, signal: AbortSignal): Promise<void> {
  if (ms === null) return untilAborted(signal);
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
