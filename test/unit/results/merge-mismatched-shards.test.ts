import { describe, expect, it } from 'vitest';
import { ScalebenchError } from '../../../core/errors.ts';
import { mergeBenchResults, type NamedResults } from '../../../results/merge.ts';
import { shardResults } from '../shard/bench-shard-fixture.ts';

const shard = (
  name: string,
  index: number,
  count: number,
  options?: Record<string, unknown>,
): NamedResults => ({
  name,
  results: shardResults(index, count, [1, 2, 3], { ...(options ? { options } : {}) }),
});

function mergeError(inputs: NamedResults[]): ScalebenchError {
  try {
    mergeBenchResults(inputs);
  } catch (error: unknown) {
    if (error instanceof ScalebenchError) return error;
    throw error;
  }
  throw new Error('merge did not fail');
}

describe('mergeBenchResults refuses files that are not the shards of one run', () => {
  it.each([
    ['no files', [], /nothing to merge/],
    ['a shard twice', [shard('a', 0, 2), shard('b', 0, 2)], /b and a are both shard 0\/2/],
    ['a missing shard', [shard('a', 0, 3), shard('c', 2, 3)], /2 of 3 shards given: shard 1\/3 missing/],
    ['different shard counts', [shard('a', 0, 2), shard('b', 1, 3)], /b is shard 1\/3 but a is of 2/],
    [
      'another URL',
      [shard('a', 0, 2), shard('b', 1, 2, { baseUrl: 'http://127.0.0.1:9090/' })],
      /b was run with other options than a \(baseUrl\)/,
    ],
    [
      'another options shape',
      [shard('a', 0, 2), shard('b', 1, 2, { warmup: '5s' })],
      /b was run with other options than a \(warmup\)/,
    ],
  ])('%s', (_label, inputs, message) => {
    const error = mergeError(inputs as NamedResults[]);
    expect(error.code).toBe('SB_ERR_RESULTS_FILE');
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
  });

  it('a file run without --shard', () => {
    const { shard: _shard, ...unsharded } = shardResults(0, 1, [1]);
    expect(mergeError([{ name: 'x.json', results: unsharded }]).message).toMatch(/x.json is not a shard/);
  });

  it('a suite results file', () => {
    const suite = {
      ...shardResults(0, 1, [1]),
      kind: 'suite',
      profile: 'quick',
      complete: true,
      experiments: [],
    } as unknown as NamedResults['results'];
    expect(mergeError([{ name: 'r.json', results: suite }]).message).toMatch(
      /r.json is a suite results file/,
    );
  });

  it('per-shard options (interrupted, plan) may differ', () => {
    const merged = mergeBenchResults([
      shard('a', 0, 2, { interrupted: false }),
      shard('b', 1, 2, { interrupted: true, plan: 'other' }),
    ]);
    expect(merged.options['interrupted']).toBe(true);
  });
});
