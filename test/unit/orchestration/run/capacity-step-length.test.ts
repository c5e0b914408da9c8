import { describe, expect, it } from 'vitest';
import {
  MAX_STEP_MS,
  MIN_STEP_MS,
  MIN_STEP_REQUESTS,
  stepLengthMs,
} from '../../../../orchestration/run/step-length.ts';

describe('a capacity step', () => {
  it('measures at least 500 requests and 2 s, whichever is longer', () => {
    expect(MIN_STEP_REQUESTS).toBe(500);
    expect(MIN_STEP_MS).toBe(2000);
    // 1000 requests/s: 2 s already holds 2000 requests
    expect(stepLengthMs(1000, 1, 1000)).toBe(2000);
    // 40 iterations/s of 2 requests: 80/s needs 6.25 s for 500 requests
    const ms = stepLengthMs(40, 2, 1000);
    expect((ms / 1000) * 40 * 2).toBeGreaterThanOrEqual(500);
    expect(ms).toBeLessThan(6500);
  });

  it('keeps a longer declared step, counts at least one request an iteration, and has a ceiling', () => {
    expect(stepLengthMs(1000, 1, 3000)).toBe(3000);
    expect(stepLengthMs(100, 0, 0)).toBe(5000);
    expect(stepLengthMs(1, 1, 0)).toBe(MAX_STEP_MS);
  });
});
