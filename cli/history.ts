/**
 * `scalebench history add <results.json>` stores a results file as one run (commit, branch, machine
 * fingerprint, every trial's summary) in a SQLite history; `scalebench history show` prints or draws
 * each metric over commits, one line per branch and machine. Exit 2 on a file that is not a results
 * file of this schema version, or not a history database.
 */
import { extname, resolve } from 'node:path';
import { ScalebenchError } from '../core/errors.ts';
import { type MetricDefinition, resolveMetrics } from '../reports/compare/metrics.ts';
import { trialSets } from '../reports/compare/samples.ts';
import { formatTrendTable, trendChart } from '../reports/history/trend.ts';
import { renderTrendHtml, renderTrendPng } from '../reports/history/trend-files.ts';
import { gitBranch } from '../results/environment.ts';
import { readAnyResultsFile, writeFileAtomic } from '../results/files.ts';
import { HistoryStore, type HistoryTrialSet } from '../results/history-store.ts';
import type { AbResults, ResultsFile } from '../results/schema.ts';
import type { CliContext } from './context.ts';
import { parseNumber } from './parse.ts';

export interface HistoryAddFlags {
  db: string;
  commit?: string;
  branch?: string;
  side: string;
}

export interface HistoryAddOptions {
  resultsPath: string;
  dbPath: string;
  commit: string | undefined;
  branch: string | undefined;
  side: 'baseline' | 'candidate';
}

export function parseHistoryAdd(results: string, flags: HistoryAddFlags, ctx: CliContext): HistoryAddOptions {
  if (flags.side !== 'baseline' && flags.side !== 'candidate') {
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      `--side '${flags.side}' is not baseline or candidate`,
      {
        hint: 'use --side candidate (default) or --side baseline',
      },
    );
  }
  return {
    resultsPath: resolve(ctx.cwd, results),
    dbPath: resolve(ctx.cwd, flags.db),
    commit: flags.commit,
    branch: flags.branch,
    side: flags.side,
  };
}

function setsOf(results: ResultsFile | AbResults, side: 'baseline' | 'candidate'): HistoryTrialSet[] {
  if (results.kind !== 'ab') return trialSets(results);
  const summaries = results.trials.filter((trial) => trial.side === side).map((trial) => trial.summary);
  return [{ key: 'bench', summaries }];
}

function branchOf(options: HistoryAddOptions, ctx: CliContext): string {
  const branch =
    options.branch ??
    (ctx.env['GITHUB_HEAD_REF'] || ctx.env['GITHUB_REF_NAME'] || gitBranch(ctx.cwd) || undefined);
  if (!branch) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', 'no branch to file this run under', {
      hint: 'pass --branch NAME (outside git and GitHub Actions it cannot be guessed)',
    });
  }
  return branch;
}

export async function runHistoryAdd(options: HistoryAddOptions, ctx: CliContext): Promise<void> {
  const results = await readAnyResultsFile(options.resultsPath);
  const branch = branchOf(options, ctx);
  const commit = options.commit ?? results.environment.gitCommit ?? ctx.env['GITHUB_SHA'] ?? null;
  const sets = setsOf(results, options.side);
  const store = HistoryStore.open(options.dbPath, { create: true });
  try {
    const id = store.add({
      commit,
      branch,
      createdAt: results.createdAt,
      kind: results.kind,
      source: options.resultsPath,
      environment: results.environment,
      sets,
    });
    const trials = sets.reduce((sum, set) => sum + set.summaries.length, 0);
    ctx.stdout(
      `added run #${id} (${branch}${commit ? ` ${commit.slice(0, 7)}` : ''}, ${trials} trials) to ${options.dbPath}\n`,
    );
  } finally {
    store.close();
  }
}

export interface HistoryShowFlags {
  db: string;
  metric?: string[];
  branch?: string;
  last?: string;
  out?: string;
}

export interface HistoryShowOptions {
  dbPath: string;
  metrics: MetricDefinition[];
  branch: string | undefined;
  last: number | undefined;
  outPath: string | undefined;
}

export function parseHistoryShow(flags: HistoryShowFlags, ctx: CliContext): HistoryShowOptions {
  const outPath = flags.out === undefined ? undefined : resolve(ctx.cwd, flags.out);
  if (outPath !== undefined && !['.png', '.html'].includes(extname(outPath).toLowerCase())) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--out '${flags.out}' is neither .png nor .html`, {
      hint: 'use --out trend.png or --out trend.html',
    });
  }
  return {
    dbPath: resolve(ctx.cwd, flags.db),
    metrics: resolveMetrics(flags.metric?.length ? flags.metric : ['p50', 'p99', 'throughput']),
    branch: flags.branch,
    last: flags.last === undefined ? undefined : parseNumber(flags.last, '--last', { min: 1, integer: true }),
    outPath,
  };
}

export async function runHistoryShow(options: HistoryShowOptions, ctx: CliContext): Promise<void> {
  const store = HistoryStore.open(options.dbPath, { create: false });
  const runs = (() => {
    try {
      return store.runs({
        ...(options.branch === undefined ? {} : { branch: options.branch }),
        ...(options.last === undefined ? {} : { last: options.last }),
      });
    } finally {
      store.close();
    }
  })();
  if (runs.length === 0) {
    ctx.stdout(`no runs${options.branch ? ` of branch '${options.branch}'` : ''} in ${options.dbPath}\n`);
    return;
  }
  const machines = new Set(runs.map((run) => run.fingerprint));
  if (machines.size > 1) {
    ctx.stderr(
      `warning: these runs come from ${machines.size} machines (${[...machines].map((m) => `'${m}'`).join(' and ')}): each has its own line\n`,
    );
  }
  if (options.outPath === undefined) {
    ctx.stdout(formatTrendTable(runs, options.metrics));
    return;
  }
  const charts = options.metrics.map((metric) => trendChart(runs, metric));
  const content = options.outPath.toLowerCase().endsWith('.png')
    ? await renderTrendPng(charts)
    : await renderTrendHtml(charts, `${runs.length} runs from ${options.dbPath}`);
  await writeFileAtomic(options.outPath, content);
  ctx.stdout(`${runs.length} runs, ${charts.length} metrics drawn to ${options.outPath}\n`);
}
