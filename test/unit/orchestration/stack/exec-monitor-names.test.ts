import { describe, expect, it } from 'vitest';
import { monitoredName } from '../../../../orchestration/stack/exec-monitors.ts';

describe('exec monitors', () => {
  it("reads the container name from a conmon command line, and nothing from other processes'", () => {
    const conmon = [
      '/usr/bin/conmon',
      '--api-version',
      '1',
      '-n',
      'scalebench-b7fa-clones-app-1',
      '--exec-attach',
    ];
    expect(monitoredName(conmon)).toBe('scalebench-b7fa-clones-app-1');
    expect(monitoredName(['/usr/bin/node', '-n', 'scalebench-x'])).toBeUndefined();
  });
});
