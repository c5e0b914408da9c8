import { describe, expect, it } from 'vitest';
import { runFuzzPass } from '../../../fuzz/run-fuzz-pass.ts';

describe('response parser against Node llhttp (differential fuzz, short seeded pass)', () => {
  it('agrees on every generated or mutated response, except the documented leniencies', () => {
    const tally = runFuzzPass(20261129, 3000);
    expect(tally.unexplained).toEqual([]);
    expect(tally.agreed).toBeGreaterThan(2000);
  });
});
