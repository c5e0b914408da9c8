/** The explicit format name → reporter map, and parsing of `--format md,html,...|all`. */
import { ScalebenchError } from '../core/errors.ts';
import { bmfReporter } from './bencher.ts';
import { gabReporter } from './github-action-benchmark.ts';
import { htmlReporter } from './html/html.ts';
import { jsonReporter } from './json.ts';
import { junitReporter } from './junit.ts';
import { markdownReporter } from './markdown/markdown.ts';
import { pngReporter } from './png.ts';
import { type Reporter, type ReportFormat, reportFormats } from './reporter.ts';

export const reporters: Record<ReportFormat, Reporter> = {
  json: jsonReporter,
  md: markdownReporter,
  html: htmlReporter,
  png: pngReporter,
  junit: junitReporter,
  bmf: bmfReporter,
  gab: gabReporter,
};

const aliases: Record<string, ReportFormat> = { markdown: 'md', xml: 'junit', bencher: 'bmf' };

/** 'md,html' → ['md', 'html']; 'all' → every format. Unknown names fail with the list of valid ones. */
export function parseFormats(text: string): ReportFormat[] {
  const names = text
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  if (names.includes('all')) return [...reportFormats];
  const formats = new Set<ReportFormat>();
  for (const name of names) {
    const format = aliases[name] ?? (reportFormats as readonly string[]).find((known) => known === name);
    if (!format) {
      throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--format '${name}' is not a report format`, {
        hint: `use a comma-separated list of ${reportFormats.join(', ')} or all`,
      });
    }
    formats.add(format as ReportFormat);
  }
  if (formats.size === 0) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', '--format is empty', {
      hint: `use a comma-separated list of ${reportFormats.join(', ')} or all`,
    });
  }
  return [...formats];
}
