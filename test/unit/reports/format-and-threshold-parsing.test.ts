import { describe, expect, it } from 'vitest';
import { parseThreshold } from '../../../cli/compare.ts';
import { resolveMetrics } from '../../../reports/compare/metrics.ts';
import { parseFormats } from '../../../reports/registry.ts';
import { reportFormats } from '../../../reports/reporter.ts';

describe('parsing --format, --threshold and --metric', () => {
  it('reads report formats, aliases and all; rejects unknown ones', () => {
    expect(parseFormats('md, html,md')).toEqual(['md', 'html']);
    expect(parseFormats('markdown,xml')).toEqual(['md', 'junit']);
    expect(parseFormats('all')).toEqual([...reportFormats]);
    expect(() => parseFormats('pdf')).toThrow(/--format 'pdf' is not a report format/);
  });

  it('reads thresholds as percentages or fractions', () => {
    expect(parseThreshold('10%')).toBeCloseTo(0.1);
    expect(parseThreshold('0.05')).toBeCloseTo(0.05);
    expect(parseThreshold('5')).toBeCloseTo(0.05);
    expect(() => parseThreshold('ten')).toThrow(/is not a percentage/);
    expect(() => parseThreshold('0%')).toThrow(/is not a percentage/);
  });

  it('resolves metric names, comma lists and aliases; defaults to p50, p99, throughput, errorRate', () => {
    expect(resolveMetrics([]).map((metric) => metric.name)).toEqual([
      'p50',
      'p99',
      'throughput',
      'errorRate',
    ]);
    expect(resolveMetrics(['p90,rps', 'p99.9']).map((metric) => metric.name)).toEqual([
      'p90',
      'throughput',
      'p999',
    ]);
    expect(() => resolveMetrics(['p42'])).toThrow(/--metric 'p42'/);
  });
});
