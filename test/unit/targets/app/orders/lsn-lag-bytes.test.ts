import { describe, expect, it } from 'vitest';
import { lsnLagBytes, parseLsn } from '../../../../../targets/app/orders/lsn.ts';

describe('WAL positions', () => {
  it('parses the high and low halves', () => {
    expect(parseLsn('0/0')).toBe(0n);
    expect(parseLsn('1/0')).toBe(4294967296n);
    expect(parseLsn('16/B374D848')).toBe((0x16n << 32n) + 0xb374d848n);
  });

  it('counts the bytes a replica is behind, across the 4 GB boundary', () => {
    expect(lsnLagBytes('1/10', '0/FFFFFFF0')).toBe(32);
    expect(lsnLagBytes('0/3000060', '0/3000060')).toBe(0);
  });

  it('reads a replica that replayed past the sampled primary position as caught up', () => {
    expect(lsnLagBytes('0/100', '0/200')).toBe(0);
  });

  it('rejects text that is not a WAL position', () => {
    expect(() => parseLsn('12345')).toThrow(/not a WAL position/);
  });
});
