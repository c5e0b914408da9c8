import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/cli.ts';

describe('scalebench targets start with a bad variant', () => {
  it('exits 2 naming every bad knob at once and starts nothing', async () => {
    const result = await runCliInProcess([
      'targets',
      'start',
      'clones',
      '--variant',
      'session=disk',
      '--variant',
      'colour=blue',
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('session=disk is not one of redis|memory');
    expect(result.stderr).toContain("no knob 'colour'");
    expect(result.stderr).toContain('(SB_ERR_INVALID_ARGUMENT)');
  });

  it('exits 2 for an unknown experiment', async () => {
    const result = await runCliInProcess(['targets', 'start', 'mainframe']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no target 'mainframe'.*clones/);
  });
});
