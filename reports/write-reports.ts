/**
 * Renders the chosen formats and writes their files atomically under one directory. `scalebench run`
 * calls this after every variant (partial results stay readable); `scalebench report` calls it once.
 * When `md` is among the formats, report.md is appended to $GITHUB_STEP_SUMMARY if that is set and
 * `stepSummary` allows.
 */
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../results/files.ts';
import type { ResultsFile } from '../results/schema.ts';
import { renderMarkdown } from './markdown/markdown.ts';
import { reporters } from './registry.ts';
import type { ReportFormat } from './reporter.ts';

export interface WriteReportsOptions {
  /**
   * Append report.md to $GITHUB_STEP_SUMMARY. Default: only for a bench file or a complete suite, so the
   * rewrites after each variant do not append the report again and again.
   */
  stepSummary?: boolean;
}

/** Returns the paths written, in format order. */
export async function writeReports(
  results: ResultsFile,
  outDir: string,
  formats: readonly ReportFormat[],
  env: Record<string, string | undefined>,
  options: WriteReportsOptions = {},
): Promise<string[]> {
  const written: string[] = [];
  for (const format of formats) {
    for (const file of await reporters[format].render(results)) {
      const path = join(outDir, file.name);
      await writeFileAtomic(path, file.content);
      written.push(path);
    }
  }
  const summaryPath = env['GITHUB_STEP_SUMMARY'];
  const wantSummary =
    formats.includes('md') && (options.stepSummary ?? (results.kind === 'bench' || results.complete));
  if (summaryPath && wantSummary) await appendFile(summaryPath, `${renderMarkdown(results)}\n`);
  return written;
}
