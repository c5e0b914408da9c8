import { describe, expect, it } from 'vitest';
import { type LagReading, LagWindow } from '../../../../targets/database/lag-window.ts';

const reading = (
  primaryLsn: string,
  primaryAt: number,
  replayLsn: string,
  replayAgeMs: number | null,
): LagReading => ({ primaryLsn, primaryAt, replayLsn, replicaAt: primaryAt + 1, replayAgeMs });

describe('replica lag in ms from 50 ms samples', () => {
  it('is 0 when the replica has replayed the position the primary was just read at', () => {
    const window = new LagWindow();
    expect(window.observe(reading('0/100', 0, '0/100', 5000))).toBe(0);
    expect(window.observe(reading('0/100', 50, '0/180', 5000))).toBe(0);
  });

  it('is the age of the last replayed commit while that lies between the bounds', () => {
    const window = new LagWindow();
    window.observe(reading('0/100', 0, '0/100', 10));
    // WAL past 0/100 was first seen at 50 and was not there at 0: lag in [1, 51] at 51
    expect(window.observe(reading('0/200', 50, '0/100', 30))).toBe(30);
  });

  it('is clamped to the time since the primary was last seen at the replayed position (idle before)', () => {
    const window = new LagWindow();
    window.observe(reading('0/100', 0, '0/100', null));
    window.observe(reading('0/100', 1000, '0/100', 60_000));
    expect(window.observe(reading('0/200', 1050, '0/100', 61_000))).toBe(51);
  });

  it('is at least the time since WAL past the replay position was first seen (replay paused)', () => {
    const window = new LagWindow();
    window.observe(reading('0/100', 0, '0/100', null));
    window.observe(reading('0/200', 50, '0/100', 0));
    window.observe(reading('0/300', 100, '0/100', 0));
    expect(window.observe(reading('0/300', 150, '0/100', 0))).toBe(101);
  });

  it('is the lower bound when no commit was ever replayed and no earlier mark bounds it', () => {
    const window = new LagWindow();
    window.observe(reading('0/200', 0, '0/100', null));
    expect(window.observe(reading('0/200', 200, '0/100', null))).toBe(201);
  });

  it('moves its bounds with the replay position', () => {
    const window = new LagWindow();
    window.observe(reading('0/100', 0, '0/100', null));
    window.observe(reading('0/200', 50, '0/100', null));
    window.observe(reading('0/300', 100, '0/100', null));
    // replayed up to 0/200 (seen last at 50): the WAL still waiting was first seen at 100
    expect(window.observe(reading('0/300', 150, '0/200', null))).toBe(51);
    // with a commit age beyond the bounds, the upper one: the primary was at 0/200 at 50
    expect(window.observe(reading('0/300', 200, '0/200', 5000))).toBe(151);
  });
});
