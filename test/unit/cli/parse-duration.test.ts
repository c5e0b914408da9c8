import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../cli/parse.ts';
import { ScalebenchError } from '../../../core/errors.ts';

describe('parseDuration', () => {
  it.each([
    ['250ms', 250],
    ['30s', 30_000],
    ['1.5m', 90_000],
    ['2h', 7_200_000],
    ['10', 10_000],
    [' 5s ', 5000],
  ])('reads %s as %d ms', (text, ms) => {
    expect(parseDuration(text, '--duration')).toBe(ms);
  });

  it.each(['', 'abc', '5 s', '-1s', '1d', 's'])('rejects %j with a hint naming the units', (text) => {
    const error = (() => {
      try {
        parseDuration(text, '--duration');
      } catch (caught: unknown) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ScalebenchError);
    expect(error).toMatchObject({ code: 'SB_ERR_INVALID_ARGUMENT', exitCode: 2 });
    expect((error as ScalebenchError).message).toContain('--duration');
    expect((error as ScalebenchError).hint).toMatch(/30s/);
  });
});
