import { describe, expect, it } from 'vitest';
import { parseNumber } from '../../../cli/parse.ts';

describe('parseNumber', () => {
  it('accepts numbers, integers and values at the minimum', () => {
    expect(parseNumber('2.5', '--rate')).toBe(2.5);
    expect(parseNumber('8', '--clones', { integer: true, min: 1 })).toBe(8);
    expect(parseNumber('1', '--clones', { integer: true, min: 1 })).toBe(1);
  });

  it('rejects text, blanks, fractions where an integer is needed, and values below the minimum', () => {
    expect(() => parseNumber('ten', '--rate')).toThrow(/--rate 'ten' is not a number/);
    expect(() => parseNumber('  ', '--rate')).toThrow(/is not a number/);
    expect(() => parseNumber('Infinity', '--rate')).toThrow(/is not a number/);
    expect(() => parseNumber('1.5', '--clones', { integer: true })).toThrow(/is not an integer/);
    expect(() => parseNumber('0', '--clones', { min: 1 })).toThrow(/--clones must be at least 1, got 0/);
  });
});
