import { describe, expect, it } from 'vitest';
import { judgeReadBack } from '../../../../targets/database/read-your-writes.ts';

describe('read-your-writes judgement', () => {
  const written = { id: 7, version: 2 };

  it('accepts the written version or a later one', () => {
    expect(judgeReadBack(written, 200, { id: 7, version: 2 })).toEqual({ kind: 'ok', seenVersion: 2 });
    expect(judgeReadBack(written, 200, { id: 7, version: 3 })).toEqual({ kind: 'ok', seenVersion: 3 });
  });

  it('reports a 404 as a missing write', () => {
    expect(judgeReadBack(written, 404, { error: 'no order 7' })).toEqual({
      kind: 'violation',
      reason: 'missing',
      seenVersion: null,
    });
  });

  it('reports an older version as stale', () => {
    expect(judgeReadBack(written, 200, { id: 7, version: 1 })).toEqual({
      kind: 'violation',
      reason: 'stale',
      seenVersion: 1,
    });
  });
});
