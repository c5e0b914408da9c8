/**
 * `scalebench report <results.json> [--format ...] [--out DIR]`: re-render reports without re-running.
 * `scalebench report --dashboard results-dir/` replays the run's events.ndjson into the live dashboard
 * instead, and shows the final report at its end.
 */
import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { ScalebenchError } from '../core/errors.ts';
import type { DashboardAddress } from '../orchestration/live/live-outputs.ts';
import { parseFormats } from '../reports/registry.ts';
import type { ReportFormat } from '../reports/reporter.ts';
import { writeReports } from '../reports/write-reports.ts';
import { readEventsFile } from '../results/events-file.ts';
import { readResultsFile } from '../results/files.ts';
import { EVENTS_FILE_NAME, type LiveEvent } from '../results/live-events.ts';
import type { CliContext } from './context.ts';
import { type LiveFlags, parseLiveOptions } from './live-flags.ts';
import { parseNumber } from './parse.ts';

export interface ReportFlags extends LiveFlags {
  format: string;
  out?: string;
  speed?: string;
}

export interface ReplayRequest {
  /** a results folder, its events.ndjson or its results file */
  target: string;
  port: number;
  open: boolean;
  lingerMs: number | null;
  speed: number;
  /** --dashboard-host */
  address?: DashboardAddress;
}

export interface ReportOptions {
  resultsPath: string;
  formats: ReportFormat[];
  outDir: string;
  /** --dashboard: replay instead of writing files */
  replay: ReplayRequest | null;
}

export function parseReportOptions(resultsArg: string, flags: ReportFlags, ctx: CliContext): ReportOptions {
  const resultsPath = resolve(ctx.cwd, resultsArg);
  const live = parseLiveOptions(flags, null);
  if (flags.speed !== undefined && !live.dashboard) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', '--speed needs --dashboard', {
      hint: 'scalebench report --dashboard results-dir/ --speed 4',
    });
  }
  return {
    resultsPath,
    formats: parseFormats(flags.format),
    outDir: flags.out ? resolve(ctx.cwd, flags.out) : dirname(resultsPath),
    replay: live.dashboard
      ? {
          target: resultsPath,
          port: live.dashboard.port,
          open: live.dashboard.open,
          lingerMs: live.dashboard.lingerMs,
          ...(live.dashboard.address ? { address: live.dashboard.address } : {}),
          speed: flags.speed === undefined ? 1 : parseNumber(flags.speed, '--speed', { min: 0.01 }),
        }
      : null,
  };
}

export async function runReport(options: ReportOptions, ctx: CliContext): Promise<void> {
  if (options.replay) return replay(options.replay, ctx);
  const results = await readResultsFile(options.resultsPath);
  const written = await writeReports(results, options.outDir, options.formats, ctx.env, {
    stepSummary: true,
  });
  for (const path of written) {
    const shown = relative(ctx.cwd, path);
    ctx.stdout(`wrote ${shown.startsWith('..') || shown === '' ? path : shown}\n`);
  }
}

/** the events file of a results folder, an events file, or the events file beside a results file */
async function eventsPathOf(target: string): Promise<string> {
  const info = await stat(target).catch(() => undefined);
  if (!info) {
    throw new ScalebenchError('SB_ERR_RESULTS_FILE', `${target} does not exist`, {
      hint: 'pass the output folder of `scalebench run` (it holds events.ndjson)',
    });
  }
  if (info.isDirectory()) return join(target, EVENTS_FILE_NAME);
  return target.endsWith('.ndjson') ? target : join(dirname(target), EVENTS_FILE_NAME);
}

/** the results file the run-done record names (else results.json), beside the events */
function resultsPathOf(eventsPath: string, events: readonly LiveEvent[]): string {
  const done = events.find((event) => event.type === 'run-done');
  const name = done?.type === 'run-done' && done.results ? done.results : 'results.json';
  return join(dirname(eventsPath), name);
}

async function replay(request: ReplayRequest, ctx: CliContext): Promise<void> {
  const eventsPath = await eventsPathOf(request.target);
  const events = await readEventsFile(eventsPath);
  const resultsPath = resultsPathOf(eventsPath, events);
  const results = await readResultsFile(resultsPath).catch(() => undefined);
  if (!results)
    ctx.stderr(`notice: no results file at ${resultsPath}; the replay ends without the final report\n`);
  const { replayEvents } = await import('../reports/dashboard/replay.ts');
  const { startLiveOutputs } = await import('../orchestration/live/live-outputs.ts');
  const live = await startLiveOutputs(
    {
      dashboard: {
        port: request.port,
        open: request.open,
        lingerMs: request.lingerMs,
        ...(request.address ? { address: request.address } : {}),
      },
      prometheus: null,
    },
    undefined,
    ctx,
  );
  ctx.stdout(`replaying ${relative(ctx.cwd, eventsPath) || eventsPath}: ${events.length} events\n`);
  const recorded = events.filter((event) => event.type !== 'run-done');
  await replayEvents(recorded, (event) => live.send(event), { speed: request.speed, signal: ctx.signal });
  const done = events.find((event) => event.type === 'run-done');
  await live.finish(results, undefined, done?.type === 'run-done' ? done.complete : false);
}
