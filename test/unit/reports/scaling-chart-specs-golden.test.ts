import { describe, expect, it } from 'vitest';
import { capacityChart } from '../../../reports/charts/capacity.ts';
import { overTimeChart } from '../../../reports/charts/over-time.ts';
import { shareChart } from '../../../reports/charts/share.ts';
import { buildReportView } from '../../../reports/model/views.ts';
import { expectMatchesGolden } from '../../golden/golden.ts';
import { buildScalingFixture } from '../../helpers/scaling-fixture.ts';

const clones = buildReportView(buildScalingFixture()).experiments[0]!;
const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

describe('scaling chart specs', () => {
  it('plots capacity against clones per session store with the ideal line and the USL curve to 16 clones', () => {
    const chart = capacityChart(clones)!;
    expectMatchesGolden('test/golden/charts/clones-capacity.json', json(chart));
    const ideal = chart.config.data.datasets.find(
      (dataset) => dataset.label === 'stateless (ideal: linear from 1)',
    );
    expect(ideal?.data).toEqual([
      { x: 1, y: 60 },
      { x: 16, y: 960 },
    ]);
    const fitted = chart.config.data.datasets.find((dataset) =>
      dataset.label?.startsWith('stateless (USL fit'),
    );
    expect(fitted?.data).toHaveLength(16);
    expect(chart.config.options?.scales?.x?.max).toBe(16);
    expect(chart.config.options?.plugins?.subtitle?.text).toEqual([
      'each server: cgroup v1 cpu quota 0.25 CPU; SLO p99 ≤ 200 ms, errors ≤ 1.0%',
      'host-bound, limited by this machine, not by the architecture: sticky-4',
    ]);
  });

  it("shows the killed clone's share of the traffic going to zero at the kill", () => {
    const chart = shareChart(clones)!;
    expectMatchesGolden('test/golden/charts/clones-share.json', json(chart));
    expect(chart.title).toContain('stateless-4');
    const killed = chart.config.data.datasets.find((dataset) => dataset.label === 'clone-0 share (%)')!;
    const share = (killed.data as { x: number; y: number }[]).map((point) => point.y);
    expect(share.slice(0, 4)).toEqual([25, 25, 25, 25]);
    expect(share.slice(4)).toEqual([0, 0, 0, 0, 0]);
    expect(chart.config.options?.plugins).toMatchObject({ sbFaults: { faults: [{ x: 4 }] } });
    // one time base: a second's point sits at its end, so the line starts falling at the kill, not before
    const points = killed.data as { x: number; y: number }[];
    const lastFull = points.filter((point) => point.y === 25).at(-1)!;
    expect(lastFull.x).toBe(4);
    expect(points.find((point) => point.y === 0)!.x).toBe(5);
  });

  it('plots failures per second over time', () => {
    const chart = overTimeChart(clones)!;
    expectMatchesGolden('test/golden/charts/clones-over-time.json', json(chart));
    expect(chart.config.data.datasets.map((dataset) => dataset.label)).toEqual([
      'sticky-2 sessions lost/s',
      'sticky-4 sessions lost/s',
    ]);
    // the words name what is drawn: no hit ratio, no backlog in a clones chart
    expect(chart.title).toBe('clones: sessions lost over time');
    expect(chart.config.options?.plugins?.subtitle?.text).toBe(
      'first trial, per second; dashed: sessions lost per second',
    );
    const scales = chart.config.options?.scales as Record<string, { title: { text: string } }>;
    expect(scales['count']!.title.text).toBe('sessions lost per second');
    expect(scales['ratio']).toBeUndefined();
  });
});
