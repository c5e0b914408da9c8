/**
 * `work=prerendered`, the seed's "doing the time-consuming work in advance": a build step renders the
 * report of every input in a fixed catalogue before the app serves, and stores the results; requests
 * only read them. Inputs outside the catalogue answer 404 — like a static site, what was not built does
 * not exist (a client that needs other inputs uses work=sync or work=queued).
 */
import { renderReport } from './render.ts';
import type { JobStore } from './store.ts';

export const DEFAULT_PRERENDER_COUNT = 50;

/** the catalogue: `report-0` … `report-<count-1>`; load flows pick their inputs from it */
export function prerenderInputs(count: number = DEFAULT_PRERENDER_COUNT): string[] {
  return Array.from({ length: count }, (_, index) => `report-${index}`);
}

export interface PrerenderSummary {
  rendered: number;
  /** inputs whose result was stored already (the build step is idempotent) */
  skipped: number;
  cpuMs: number;
}

/** Renders and stores every input not stored yet. */
export async function prerender(
  store: JobStore,
  inputs: readonly string[],
  workCostMs: number,
): Promise<PrerenderSummary> {
  const summary: PrerenderSummary = { rendered: 0, skipped: 0, cpuMs: 0 };
  const started = process.cpuUsage();
  for (const input of inputs) {
    if ((await store.getPrerendered(input)) !== undefined) {
      summary.skipped += 1;
      continue;
    }
    await store.putPrerendered(renderReport(input, workCostMs));
    summary.rendered += 1;
  }
  const used = process.cpuUsage(started);
  summary.cpuMs = (used.user + used.system) / 1000;
  return summary;
}
