/**
 * `scalebench compare <baseline> <candidate>`: a CI regression gate over trials. Exit codes: 0 pass
 * (no change or improved), 1 regression, 2 bad input, 3 inconclusive.
 */
import { appendFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ScalebenchError } from '../core/errors.ts';
import { type Comparison, compareResults } from '../reports/compare/compare.ts';
import { type MetricDefinition, resolveMetrics } from '../reports/compare/metrics.ts';
import { renderComparisonJson } from '../reports/compare/render-json.ts';
import { renderComparisonMarkdown } from '../reports/compare/render-markdown.ts';
import { renderComparisonTable } from '../reports/compare/render-table.ts';
import { readResultsFile, writeFileAtomic } from '../results/files.ts';
import type { CliContext } from './context.ts';

const outputFormats = ['table', 'md', 'json'] as const;
type OutputFormat = (typeof outputFormats)[number];

export interface CompareCliOptions extends VerdictOptions {
  baselinePath: string;
  candidatePath: string;
}

/** how to judge and how to print the verdict: the flags `compare` and `ab` share */
export interface VerdictOptions {
  threshold: number;
  metrics: MetricDefinition[];
  format: OutputFormat;
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
  markdown?: string;
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
  };
}

export function parseCompareOptions(
  baseline: string,
  candidate: string,
  flags: CompareFlags,
  ctx: CliContext,
): CompareCliOptions {
  return {
    baselinePath: resolve(ctx.cwd, baseline),
    candidatePath: resolve(ctx.cwd, candidate),
    ...parseVerdictOptions(flags, ctx),
  };
}

export async function runCompare(options: CompareCliOptions, ctx: CliContext): Promise<void> {
  const baseline = await readResultsFile(options.baselinePath);
  const candidate = await readResultsFile(options.candidatePath);
  const comparison = compareResults(baseline, candidate, {
    threshold: options.threshold,
    metrics: options.metrics,
  });
  const files = { baseline: options.baselinePath, candidate: options.candidatePath };
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
