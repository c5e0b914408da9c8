/**
 * Which charts a results file gets: per experiment a spectrum, a timeline, latency bars, correctness
 * bars, and replica lag next to read-your-writes misses where a variant has a replica.
 */
import type { ResultsFile } from '../../results/schema.ts';
import { buildReportView } from '../model/views.ts';
import { correctnessChart, latencyBarsChart } from './bars.ts';
import type { ChartSpec } from './chart-spec.ts';
import { replicaLagChart } from './replica-lag.ts';
import { spectrumChart } from './spectrum.ts';
import { timelineChart } from './timeline.ts';

export function buildCharts(results: ResultsFile): ChartSpec[] {
  const charts: ChartSpec[] = [];
  for (const experiment of buildReportView(results).experiments) {
    if (experiment.variants.length === 0) continue;
    charts.push(spectrumChart(experiment), timelineChart(experiment));
    if (experiment.variants.length > 1) charts.push(latencyBarsChart(experiment));
    const correctness = correctnessChart(experiment);
    if (correctness) charts.push(correctness);
    const lag = replicaLagChart(experiment);
    if (lag) charts.push(lag);
  }
  return charts;
}
