import { describe, expect, it } from 'vitest';
import { ScalebenchError } from '../../../../core/errors.ts';
import { parseShard, shardVuId } from '../../../../load/shard/shard-spec.ts';

describe('parseShard reads i/N with 0 ≤ i < N', () => {
  it.each([
    ['0/1', { index: 0, count: 1 }],
    ['0/4', { index: 0, count: 4 }],
    ['3/4', { index: 3, count: 4 }],
    [' 2 / 3 ', { index: 2, count: 3 }],
  ])('%s', (text, expected) => {
    expect(parseShard(text)).toEqual(expected);
  });

  it.each(['4/4', '5/4', '0/0', '-1/4', '1', '1/', 'a/b', '1.5/4', '1/4/2', ''])('rejects %j', (text) => {
    expect(() => parseShard(text)).toThrow(ScalebenchError);
    expect(() => parseShard(text)).toThrow(/is not i\/N with 0 ≤ i < N/);
  });
});

describe('shard VU ids are disjoint across shards', () => {
  it('no id is owned by two shards of 3, and every id 0..299 is owned once', () => {
    const owners = new Map<number, number>();
    for (let index = 0; index < 3; index += 1) {
      for (let local = 0; local < 100; local += 1) {
        const id = shardVuId(local, { index, count: 3 });
        expect(owners.has(id)).toBe(false);
        owners.set(id, index);
      }
    }
    expect([...owners.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 300 }, (_, i) => i));
  });
});
