import { describe, expect, it } from 'vitest';
import { validateLoadOptions } from '../../../load-model/validate.ts';

describe('validateLoadOptions', () => {
  it('accepts a k6-shaped constant-arrival-rate config', () => {
    const result = validateLoadOptions({
      baseUrl: 'http://127.0.0.1:8080',
      executor: {
        executor: 'constant-arrival-rate',
        rate: 50,
        timeUnit: '1s',
        duration: '10s',
        preAllocatedVUs: 5,
        maxVUs: 20,
      },
      warmup: '2s',
    });
    expect(result.ok).toBe(true);
  });

  it('returns every error at once', () => {
    const result = validateLoadOptions({
      baseUrl: 'not a url',
      executor: {
        executor: 'constant-arrival-rate',
        rate: 0,
        duration: '10x',
        preAllocatedVUs: 5,
        maxVUs: 2,
      },
      timeout: 'soon',
      workers: 1.5,
      maxBody: 0,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      'baseUrl "not a url" is not a URL',
      'executor.rate must be greater than 0',
      'executor.duration "10x" is not a duration (use 250ms, 30s, 2m, 1h)',
      'executor.maxVUs (2) must be at least preAllocatedVUs (5)',
      'options.timeout "soon" is not a duration (use 250ms, 30s, 2m, 1h)',
      'options.workers must be a whole number, got 1.5',
      'options.maxBody must be at least 1, got 0',
    ]);
  });

  it('checks every stage of a ramp and names unknown executors', () => {
    const ramp = validateLoadOptions({
      baseUrl: 'http://127.0.0.1:1',
      executor: { executor: 'ramping-vus', stages: [{ duration: '1s', target: 2.5 }, { target: 1 }] },
    });
    expect(ramp.ok ? [] : ramp.errors).toEqual([
      'executor.stages[0].target must be a whole number, got 2.5',
      'executor.stages[1].duration is required',
    ]);
    const unknown = validateLoadOptions({
      baseUrl: 'http://127.0.0.1:1',
      executor: { executor: 'per-vu-iterations' },
    });
    expect(unknown.ok ? [] : unknown.errors[0]).toContain('"per-vu-iterations" is unknown');
  });

  it('requires a flow module reference when several workers run it', () => {
    const result = validateLoadOptions({
      baseUrl: 'http://127.0.0.1:1',
      executor: { executor: 'constant-vus', vus: 2, duration: '1s' },
      workers: 2,
      flow: { name: 'inline', iteration: async () => {} },
    });
    expect(result.ok ? [] : result.errors).toEqual([
      'flow must be a { module, exportName } reference when workers > 1 (workers import it)',
    ]);
  });
});
