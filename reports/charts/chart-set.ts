/**
 * Which charts a results file gets: per experiment a spectrum, a timeline, latency bars, correctness
 * bars, and where the data is there, capacity (against clones, or per variant), each instance's share of
 * the traffic around a fault, hit ratio / failures / backlog over time, and replica lag next to the
 * read-your-writes violations it causes.
 */
import type { ResultsFile } from '../../results/schema.ts';
import { buildReportView } from '../model/views.ts';
import { correctnessChart, latencyBarsChart } from './bars.ts';
import { capacityChart } from './capacity.ts';
import type { ChartSpec } from './chart-spec.ts';
import { overTimeChart } from './over-time.ts';
import { replicaLagChart } from './replica-lag.ts';
import { shareChart } from './share.ts';
import { spectrumChart } from './spectrum.ts';
import { timelineChart } from './timeline.ts';

export function buildCharts(results: ResultsFile): ChartSpec[] {
  const charts: ChartSpec[] = [];
  for (const experiment of buildReportView(results).experiments) {
    if (experiment.variants.length === 0) continue;
    charts.push(spectrumChart(experiment), timelineChart(experiment));
    if (experiment.variants.length > 1) charts.push(latencyBarsChart(experiment));
    const optional = [
      correctnessChart(experiment),
      capacityChart(experiment),
      shareChart(experiment),
      overTimeChart(experiment),
      replicaLagChart(experiment),
    ];
    charts.push(...optional.filter((chart): chart is ChartSpec => chart !== null));
  }
  return charts;
}
