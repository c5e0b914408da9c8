import { describe, expect, it } from 'vitest';
import { parseAffinityList, pinnedCores } from '../../../../targets/sizing/cpu-affinity.ts';

describe('cpu affinity', () => {
  it("reads taskset's core list, ranges included", () => {
    expect(parseAffinityList("pid 42's current affinity list: 0,1\n")).toEqual([0, 1]);
    expect(parseAffinityList("pid 7's current affinity list: 0,2-4,7")).toEqual([0, 2, 3, 4, 7]);
    expect(parseAffinityList('taskset: failed to get pid 1 affinity')).toBeNull();
  });

  it('pins a whole size to the last cores this process may use, never all of them', () => {
    expect(pinnedCores(1, [0, 1])).toEqual([1]);
    expect(pinnedCores(2, [0, 2, 4, 6])).toEqual([4, 6]);
    // a fractional size, or one that would leave the generator no core of its own, is not pinned
    expect(pinnedCores(0.5, [0, 1])).toBeNull();
    expect(pinnedCores(2, [0, 1])).toBeNull();
    expect(pinnedCores(0, [0, 1])).toBeNull();
  });
});
