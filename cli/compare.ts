/**
 * `scalebench compare <baseline> <candidate>`: a CI regression gate over trials. Exit codes: 0 pass
 * (no change or improved), 1 regression, 2 bad input, 3 inconclusive.
 */
import { appendFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ScalebenchError } from '../core/errors.ts';
import { type Comparison, compareResults, compareSampleSets } from '../reports/compare/compare.ts';
import { historyBaseline } from '../reports/compare/history-baseline.ts';
import { type MetricDefinition, resolveMetrics } from '../reports/compare/metrics.ts';
import { renderComparisonJson } from '../reports/compare/render-json.ts';
import { renderComparisonMarkdown } from '../reports/compare/render-markdown.ts';
import { renderComparisonTable } from '../reports/compare/render-table.ts';
import { trialSets } from '../reports/compare/samples.ts';
import { readResultsFile, writeFileAtomic } from '../results/files.ts';
import type { CliContext } from './context.ts';
import { parseNumber } from './parse.ts';

const outputFormats = ['table', 'md', 'json'] as const;
type OutputFormat = (typeof outputFormats)[number];

export interface CompareCliOptions extends VerdictOptions {
  /** a results file, or `history:<branch>`: the last runs of a branch in the history database */
  baseline:
    | { kind: 'file'; path: string }
    | { kind: 'history'; branch: string; dbPath: string; last: number };
  candidatePath: string;
}

/** how to judge and how to print the verdict: the flags `compare` and `ab` share */
export interface VerdictOptions {
  threshold: number;
  metrics: MetricDefinition[];
  format: OutputFormat;
  /** compare one step (request name or target) instead of whole runs */
  step?: string;
  /** --markdown FILE: the Markdown verdict also written here (a PR comment) */
  markdownPath: string | undefined;
}

/** '10%' → 0.1; '0.1' → 0.1; '10' → 0.1 (numbers ≥ 1 are percentages) */
export function parseThreshold(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(text.trim());
  const value = match ? Number(match[1]) : Number.NaN;
  if (!match || !(value > 0) || (match[2] === '%' && value >= 100)) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--threshold '${text}' is not a percentage`, {
      hint: 'write it like 10% (or 0.1)',
    });
  }
  return match[2] === '%' || value >= 1 ? value / 100 : value;
}

export interface CompareFlags {
  threshold: string;
  metric?: string[];
  format: string;
  step?: string;
  markdown?: string;
}

export interface CompareCommandFlags extends CompareFlags {
  baseline?: string;
  last: string;
  db: string;
}

export function parseVerdictOptions(flags: CompareFlags, ctx: CliContext): VerdictOptions {
  const format = flags.format.toLowerCase() === 'markdown' ? 'md' : flags.format.toLowerCase();
  if (!(outputFormats as readonly string[]).includes(format)) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      `--format '${flags.format}' is not table, md or json`,
      {
        hint: 'use --format table, md or json',
      },
    );
  }
  return {
    threshold: parseThreshold(flags.threshold),
    metrics: resolveMetrics(flags.metric ?? []),
    format: format as OutputFormat,
    markdownPath: flags.markdown === undefined ? undefined : resolve(ctx.cwd, flags.markdown),
    ...(flags.step === undefined ? {} : { step: flags.step }),
  };
}

/** `compare A B`, or `compare --baseline A B`; A may be `history:<branch>` */
export function parseCompareOptions(
  positional: string[],
  flags: CompareCommandFlags,
  ctx: CliContext,
): CompareCliOptions {
  const files = flags.baseline === undefined ? positional : [flags.baseline, ...positional];
  if (files.length !== 2) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      `compare takes a baseline and a candidate, got ${files.length === 0 ? 'nothing' : files.join(' ')}`,
      { hint: 'scalebench compare base.json cand.json, or compare --baseline history:main cand.json' },
    );
  }
  const [baseline, candidate] = files as [string, string];
  const branch = baseline.startsWith('history:') ? baseline.slice('history:'.length) : undefined;
  if (branch === '') {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `'${baseline}' names no branch`, {
      hint: 'write it as history:main',
    });
  }
  return {
    baseline:
      branch === undefined
        ? { kind: 'file', path: resolve(ctx.cwd, baseline) }
        : {
            kind: 'history',
            branch,
            dbPath: resolve(ctx.cwd, flags.db),
            last: parseNumber(flags.last, '--last', { min: 1, integer: true }),
          },
    candidatePath: resolve(ctx.cwd, candidate),
    ...parseVerdictOptions(flags, ctx),
  };
}

export async function runCompare(options: CompareCliOptions, ctx: CliContext): Promise<void> {
  const judge = { threshold: options.threshold, metrics: options.metrics };
  if (options.baseline.kind === 'history') {
    const { branch, dbPath, last } = options.baseline;
    const { HistoryStore } = await import('../results/history-store.ts');
    const store = HistoryStore.open(dbPath, { create: false });
    const runs = (() => {
      try {
        return store.runs({ branch, last });
      } finally {
        store.close();
      }
    })();
    const candidate = await readResultsFile(options.candidatePath);
    const baseline = historyBaseline(runs, branch, candidate.environment);
    const comparison = compareSampleSets(baseline.sets, trialSets(candidate), baseline.warnings, judge);
    const source = `history:${branch} (last ${runs.length} runs of ${dbPath})`;
    await emitComparison(comparison, { baseline: source, candidate: options.candidatePath }, options, ctx);
    return;
  }
  const baseline = await readResultsFile(options.baseline.path);
  const candidate = await readResultsFile(options.candidatePath);
  const comparison = compareResults(baseline, candidate, {
    ...judge,
    ...(options.step === undefined ? {} : { step: options.step }),
  });
  const files = { baseline: options.baseline.path, candidate: options.candidatePath };
  await emitComparison(comparison, files, options, ctx);
}

/** Prints the verdict in the chosen format, appends it to $GITHUB_STEP_SUMMARY, sets the exit code. */
export async function emitComparison(
  comparison: Comparison,
  files: { baseline: string; candidate: string },
  options: VerdictOptions,
  ctx: CliContext,
): Promise<void> {
  for (const warning of comparison.warnings) ctx.stderr(`warning: ${warning}\n`);
  if (options.format === 'json') ctx.stdout(renderComparisonJson(comparison, files));
  else if (options.format === 'md') ctx.stdout(renderComparisonMarkdown(comparison));
  else ctx.stdout(renderComparisonTable(comparison));
  const markdown = `${renderComparisonMarkdown(comparison)}\n`;
  if (options.markdownPath) await writeFileAtomic(options.markdownPath, markdown);
  const summary = ctx.env['GITHUB_STEP_SUMMARY'];
  if (summary) await appendFile(summary, markdown);
  ctx.exitCode = comparison.exitCode;
}
