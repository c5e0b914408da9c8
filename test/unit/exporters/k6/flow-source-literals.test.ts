import { describe, expect, it } from 'vitest';
import { grpcCallSites, literalValue } from '../../../../exporters/k6/js-literal.ts';

describe("reading a flow's vu.grpc calls from its source", () => {
  it('literals become values: unquoted keys, single quotes, trailing commas, nested arrays', () => {
    expect(
      literalValue("{ id: 42, name: 'x', 'k-2': \"y\", tags: ['a', 'b',], on: true, none: null, }"),
    ).toEqual({
      value: { id: 42, name: 'x', 'k-2': 'y', tags: ['a', 'b'], on: true, none: null },
    });
    expect(literalValue("'GetUser'")).toEqual({ value: 'GetUser' });
    expect(literalValue('-1.5e3')).toEqual({ value: -1500 });
  });

  it('anything computed is not a literal', () => {
    expect(literalValue('{ id: user.id }')).toBeUndefined();
    expect(literalValue('{ id: Number(x) % 5 }')).toBeUndefined();
    expect(literalValue(['`a$', '{b}`'].join(''))).toBeUndefined(); // a template with a placeholder
    expect(literalValue('step')).toBeUndefined();
  });

  it('call sites: arguments split at top-level commas, strings and nesting respected, lines counted', () => {
    const source = [
      'const a = 1;',
      "await vu.grpc('A', 'p.S/A', { x: [1, 2], s: 'a,b)' }, {",
      '  deadline: 5, // a comment, with a comma)',
      '});',
      "vu.grpc('B', call, f(1, 2));",
    ].join('\n');
    expect(grpcCallSites(source)).toEqual([
      {
        line: 2,
        args: [
          "'A'",
          "'p.S/A'",
          "{ x: [1, 2], s: 'a,b)' }",
          '{\n  deadline: 5, // a comment, with a comma)\n}',
        ],
      },
      { line: 5, args: ["'B'", 'call', 'f(1, 2)'] },
    ]);
  });
});
