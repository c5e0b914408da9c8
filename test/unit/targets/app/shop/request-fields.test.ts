import { describe, expect, it } from 'vitest';
import { HttpError } from '../../../../../targets/app/router.ts';
import { bodyObject, idParam, intField, stringField } from '../../../../../targets/app/shop/body.ts';

function status(fn: () => unknown): number | undefined {
  try {
    fn();
    return undefined;
  } catch (error: unknown) {
    return error instanceof HttpError ? error.status : -1;
  }
}

describe('shop request fields', () => {
  it('accept well-formed values', () => {
    expect(idParam('42')).toBe(42);
    expect(intField({ rating: 5 }, 'rating', 1, 5)).toBe(5);
    expect(stringField({ text: 'ok' }, 'text', 10)).toBe('ok');
    expect(bodyObject({ a: 1 })).toEqual({ a: 1 });
  });

  it('answer 400 to everything else', () => {
    for (const value of ['0', '-1', '01', '1.5', 'abc', '2147483648', ''])
      expect(status(() => idParam(value))).toBe(400);
    for (const rating of [0, 6, 2.5, '3', null])
      expect(status(() => intField({ rating }, 'rating', 1, 5))).toBe(400);
    expect(status(() => stringField({ text: '' }, 'text', 10))).toBe(400);
    expect(status(() => stringField({ text: 'x'.repeat(11) }, 'text', 10))).toBe(400);
    for (const body of [undefined, null, [], 'x', 3]) expect(status(() => bodyObject(body))).toBe(400);
  });
});
