import { describe, expect, it } from 'vitest';
import { collect, parseKeyValues } from '../../../cli/parse.ts';

describe('parseKeyValues and collect', () => {
  it('turns repeated key=value flags into a record, keeping "=" inside values', () => {
    const pairs = collect('cache=redis', collect('session=stateless'));
    expect(pairs).toEqual(['session=stateless', 'cache=redis']);
    expect(parseKeyValues([...pairs, 'query=a=b', 'empty='], '--variant')).toEqual({
      session: 'stateless',
      cache: 'redis',
      query: 'a=b',
      empty: '',
    });
  });

  it('rejects a pair without a key or without "="', () => {
    expect(() => parseKeyValues(['novalue'], '--variant')).toThrow(/--variant 'novalue' is not key=value/);
    expect(() => parseKeyValues(['=x'], '--variant')).toThrow(/is not key=value/);
  });
});
