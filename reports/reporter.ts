/**
 * The one interface every output format implements (the hyperfine export/mod.rs idea): a reporter turns
 * a results file into named files; writing them to disk is someone else's job (reports/write-reports.ts).
 */
import type { ResultsFile } from '../results/schema.ts';

export const reportFormats = ['json', 'md', 'html', 'png', 'junit', 'bmf', 'gab'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface RenderedFile {
  /** path relative to the output directory, e.g. `report.md` or `charts/clones-spectrum.png` */
  name: string;
  content: string | Uint8Array;
}

export interface Reporter {
  format: ReportFormat;
  /** one line for `--help` */
  description: string;
  render(results: ResultsFile): Promise<RenderedFile[]>;
}
