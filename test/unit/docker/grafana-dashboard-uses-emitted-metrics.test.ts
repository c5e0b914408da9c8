/**
 * docker/grafana/scalebench-dashboard.json, checked statically: valid JSON, unique panel ids, and every
 * PromQL expression (panels and template variables) names only series scalebench pushes with
 * --out prometheus=URL — the fixed ones, one `_total` per correctness counter the built-in experiments
 * count or judge, one `scalebench_target_*` per figure they sample.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METRIC_NAMES, snakeCase } from '../../../exporters/prometheus/metric-series.ts';
import { builtinExperiments } from '../../../scenarios/builtin.ts';

interface Panel {
  id: number;
  title: string;
  targets?: { expr: string }[];
}

const dashboard = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../docker/grafana/scalebench-dashboard.json'), 'utf8'),
) as { panels: Panel[]; templating: { list: { definition?: string }[] } };

function emittedNames(): Set<string> {
  const names = new Set<string>(METRIC_NAMES.filter((name) => !name.includes('<')));
  for (const experiment of builtinExperiments) {
    const judged = [experiment.thresholds, ...experiment.variants.map((variant) => variant.thresholds)]
      .flatMap((thresholds) => Object.keys(thresholds ?? {}))
      .filter((metric) => !metric.startsWith('http_') && !metric.includes('iterations'));
    for (const counter of [...(experiment.counters ?? []), ...judged]) {
      names.add(`scalebench_${snakeCase(counter)}_total`);
    }
    for (const figure of experiment.sample ?? []) names.add(`scalebench_target_${snakeCase(figure)}`);
  }
  return names;
}

describe('the Grafana dashboard', () => {
  const expressions = [
    ...dashboard.panels.flatMap((panel) => (panel.targets ?? []).map((target) => target.expr)),
    ...dashboard.templating.list.flatMap((variable) => (variable.definition ? [variable.definition] : [])),
  ];

  it('has panels with unique ids, each with a query', () => {
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(8);
    expect(new Set(dashboard.panels.map((panel) => panel.id)).size).toBe(dashboard.panels.length);
    for (const panel of dashboard.panels) expect(panel.targets?.length, panel.title).toBeGreaterThan(0);
  });

  it('queries only series scalebench emits', () => {
    const emitted = emittedNames();
    const used = new Set(expressions.flatMap((expr) => expr.match(/scalebench_[a-z0-9_]+/g) ?? []));
    expect(used.size).toBeGreaterThanOrEqual(10);
    expect([...used].filter((name) => !emitted.has(name))).toEqual([]);
  });
});
