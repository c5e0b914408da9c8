import { describe, expect, it } from 'vitest';
import { bareDashboardFlag } from '../../../cli/parse.ts';

describe('--dashboard with and without a port', () => {
  it('leaves the next word an argument unless it is a port', () => {
    expect(bareDashboardFlag(['report', '--dashboard', 'results/'])).toEqual([
      'report',
      '--dashboard=0',
      'results/',
    ]);
    expect(bareDashboardFlag(['run', '--dashboard'])).toEqual(['run', '--dashboard=0']);
    expect(bareDashboardFlag(['run', '--dashboard', '8089', 'clones'])).toEqual([
      'run',
      '--dashboard',
      '8089',
      'clones',
    ]);
    expect(bareDashboardFlag(['run', '--', '--dashboard'])).toEqual(['run', '--', '--dashboard']);
  });
});
