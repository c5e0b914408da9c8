/**
 * The live outputs `run` and `bench` share: one event bus, and what listens to it — events.ndjson beside
 * the results, the dashboard (--dashboard [port], --open, --dashboard-linger) and Prometheus remote write
 * (--out prometheus=URL). Flags are parsed here; the outputs start before the load and end after it.
 */
import { spawn } from 'node:child_process';
import { onCleanup } from '../core/cleanup.ts';
import { ScalebenchError } from '../core/errors.ts';
import type { PrometheusPusher } from '../exporters/prometheus/remote-write.ts';
import type { RemoteWriteTarget } from '../exporters/prometheus/remote-write-target.ts';
import { createEventBus, type EventBus } from '../orchestration/live/event-bus.ts';
import type { DashboardServer } from '../reports/dashboard/dashboard-server.ts';
import { openEventsWriter } from '../results/events-file.ts';
import type { LiveEvent, LiveEventBody } from '../results/live-events.ts';
import type { ResultsFile } from '../results/schema.ts';
import { findOnPath } from '../targets/lifecycle/find-executable.ts';
import { type CliContext, untilAborted } from './context.ts';
import { type DashboardAddress, parseDashboardHost, qrCode } from './dashboard-address.ts';
import { parseDuration, parseNumber } from './parse.ts';

export interface LiveFlags {
  /** --dashboard alone: true; --dashboard 8089: '8089' */
  dashboard?: boolean | string;
  open?: boolean;
  dashboardLinger?: string;
  /** --dashboard-host <addr>: serve beyond 127.0.0.1, behind a token */
  dashboardHost?: string;
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

const PROMETHEUS_PREFIX = 'prometheus=';
/** the longest the run waits, after it is over, for open pages to fetch the final report */
const REPORT_WAIT_MS = 5000;

/** `--out` values of the form prometheus=URL (checked by remote-write-options.ts); the others are returned for the command to judge */
export function splitOutputs(values: readonly string[]): { prometheus: string | null; rest: string[] } {
  const prometheus = values.filter((value) => value.startsWith(PROMETHEUS_PREFIX));
  if (prometheus.length > 1) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', '--out prometheus=URL is given more than once', {
      hint: 'push to one remote-write endpoint per run',
    });
  }
  return {
    prometheus: prometheus[0]?.slice(PROMETHEUS_PREFIX.length) ?? null,
    rest: values.filter((value) => !value.startsWith(PROMETHEUS_PREFIX)),
  };
}

function parsePort(text: string): number {
  const port = parseNumber(text, '--dashboard', { min: 0, integer: true });
  if (port > 65_535) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--dashboard ${text} is not a TCP port`, {
      hint: 'pass a port from 1 to 65535, or --dashboard alone for a free one',
    });
  }
  return port;
}

export function parseLiveOptions(flags: LiveFlags, prometheus: RemoteWriteTarget | null): LiveOptions {
  const wanted = flags.dashboard !== undefined && flags.dashboard !== false;
  if (!wanted && (flags.open || flags.dashboardLinger !== undefined || flags.dashboardHost !== undefined)) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      `${flags.open ? '--open' : flags.dashboardLinger !== undefined ? '--dashboard-linger' : '--dashboard-host'} needs --dashboard`,
      { hint: 'add --dashboard (optionally with a port: --dashboard 8089)' },
    );
  }
  return {
    dashboard: wanted
      ? {
          port: flags.dashboard === true ? 0 : parsePort(String(flags.dashboard)),
          open: Boolean(flags.open),
          lingerMs:
            flags.dashboardLinger === undefined
              ? null
              : parseDuration(flags.dashboardLinger, '--dashboard-linger'),
          ...(flags.dashboardHost === undefined ? {} : { address: parseDashboardHost(flags.dashboardHost) }),
        }
      : null,
    prometheus,
  };
}

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
async function openBrowser(url: string, ctx: CliContext): Promise<void> {
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

/**
 * Starts what the options ask for; `eventsPath` is where events.ndjson goes (undefined: not written).
 * A dashboard port in use is exit 2 before any load starts.
 */
export async function startLiveOutputs(
  options: LiveOptions,
  eventsPath: string | undefined,
  ctx: CliContext,
): Promise<LiveOutputs & { bus: EventBus }> {
  const bus = createEventBus();
  let dashboard: DashboardServer | undefined;
  let closeDashboard: () => Promise<void> = async () => {};
  if (options.dashboard) {
    const { startDashboard } = await import('../reports/dashboard/dashboard-server.ts');
    const address = options.dashboard.address;
    const server = await startDashboard({ port: options.dashboard.port, ...(address ?? {}) });
    dashboard = server;
    closeDashboard = onCleanup('dashboard', () => server.close());
    bus.subscribe((event) => server.send(event));
    ctx.stdout(`dashboard: ${server.url}\n`);
    if (address) {
      ctx.stdout(`${await qrCode(server.url, ctx.isTTY)}\n`);
      ctx.stderr(
        `dashboard: served on ${address.host} to anyone with the URL above (read-only; without its token: 403)\n`,
      );
    }
    if (options.dashboard.open) await openBrowser(server.url, ctx);
  }
  let prometheus: PrometheusPusher | undefined;
  if (options.prometheus) {
    const { startPrometheusPush } = await import('../exporters/prometheus/remote-write.ts');
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
        const { renderHtml } = await import('../reports/html/html.ts');
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
