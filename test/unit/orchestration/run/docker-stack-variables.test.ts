import { describe, expect, it } from 'vitest';
import { composeScale, composeVariables } from '../../../../orchestration/run/docker-target.ts';

describe('a variant as a compose stack', () => {
  it('turns knobs into the compose file variables', () => {
    expect(composeVariables({ session: 'memory', affinity: 'sticky' })).toEqual({
      SESSION: 'memory',
      AFFINITY: 'sticky',
    });
  });

  it('scales app clones and queue workers, and nothing it was not asked to', () => {
    expect(composeScale({ name: 'x', params: {}, clones: 3 })).toEqual({ app: 3 });
    expect(composeScale({ name: 'y', params: {}, workers: 2 })).toEqual({ worker: 2 });
    expect(composeScale({ name: 'z', params: {} })).toEqual({});
  });
});
