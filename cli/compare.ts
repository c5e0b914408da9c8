/**
 * `scalebench compare <baseline> <candidate>`: a CI regression gate over trials. Exit codes: 0 pass
 * (no change or improved), 1 regression, 2 bad input, 3 inconclusive.
 */
import { appendFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ScalebenchError } from '../core/errors.ts';
import { compareResults } from '../reports/compare/compare.ts';
import { type MetricDefinition, resolveMetrics } from '../reports/compare/metrics.ts';
import { renderComparisonJson } from '../reports/compare/render-json.ts';
import { renderComparisonMarkdown } from '../reports/compare/render-markdown.ts';
import { renderComparisonTable } from '../reports/compare/render-table.ts';
import { readResultsFile } from '../results/files.ts';
import type { CliContext } from './context.ts';

const outputFormats = ['table', 'md', 'json'] as const;
type OutputFormat = (typeof outputFormats)[number];

export interface CompareCliOptions {
  baselinePath: string;
  candidatePath: string;
  threshold: number;
  metrics: MetricDefinition[];
  format: OutputFormat;
  /** compare one step (request name or target) instead of whole runs */
  step?: string;
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
}

export function parseCompareOptions(
  baseline: string,
  candidate: string,
  flags: CompareFlags,
  ctx: CliContext,
) {
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
    baselinePath: resolve(ctx.cwd, baseline),
    candidatePath: resolve(ctx.cwd, candidate),
    threshold: parseThreshold(flags.threshold),
    metrics: resolveMetrics(flags.metric ?? []),
    format: format as OutputFormat,
    ...(flags.step === undefined ? {} : { step: flags.step }),
  } satisfies CompareCliOptions;
}

export async function runCompare(options: CompareCliOptions, ctx: CliContext): Promise<void> {
  const baseline = await readResultsFile(options.baselinePath);
  const candidate = await readResultsFile(options.candidatePath);
  const comparison = compareResults(baseline, candidate, {
    threshold: options.threshold,
    metrics: options.metrics,
    ...(options.step === undefined ? {} : { step: options.step }),
  });
  for (const warning of comparison.warnings) ctx.stderr(`warning: ${warning}\n`);
  const files = { baseline: options.baselinePath, candidate: options.candidatePath };
  if (options.format === 'json') ctx.stdout(renderComparisonJson(comparison, files));
  else if (options.format === 'md') ctx.stdout(renderComparisonMarkdown(comparison));
  else ctx.stdout(renderComparisonTable(comparison));
  const summary = ctx.env['GITHUB_STEP_SUMMARY'];
  if (summary) await appendFile(summary, `${renderComparisonMarkdown(comparison)}\n`);
  ctx.exitCode = comparison.exitCode;
}
