/**
 * A paced bench socket sends message k at startAt + (k + phase) × interval whatever the replies do,
 * stops at the first due time the run no longer wants it, ends at once when its session ends (not at
 * its next due time), and one that only holds sends nothing.
 */
import { describe, expect, it } from 'vitest';
import { PacedSocket, type PacedSocketOptions } from '../../../../load/ws/paced-socket.ts';
import { SendTicker } from '../../../../load/ws/send-ticker.ts';
import { simulatedClock } from '../../../helpers/simulated-clock.ts';

const PAYLOAD = Buffer.from('m');

function fakeSession() {
  let end = () => {};
  const sent: { dueAt: number }[] = [];
  const session = {
    closed: false,
    ended: new Promise<void>((resolve) => {
      end = resolve;
    }),
    sendQueued(_data: Buffer, dueAt: number) {
      sent.push({ dueAt });
    },
  };
  return {
    session,
    sent,
    end: () => {
      session.closed = true;
      end();
    },
  };
}

function paced(options: Omit<PacedSocketOptions, 'session'>, clock = simulatedClock(1000)) {
  const ticker = new SendTicker(clock);
  const fake = fakeSession();
  const socket = new PacedSocket({ ...options, session: fake.session });
  ticker.add(socket);
  return { clock, fake, socket };
}

describe('paced socket', () => {
  it('sends at startAt + (k + phase) × interval until the run wants no more', async () => {
    const clock = simulatedClock(1000);
    const lateBy: number[] = [];
    const { fake, socket } = paced(
      {
        payload: PAYLOAD,
        startAt: 1000,
        phase: 0.25,
        intervalMs: 10,
        more: () => clock.now() < 1050,
        onSend: (dueAt) => lateBy.push(clock.now() - dueAt),
      },
      clock,
    );
    await socket.done;
    expect(fake.sent.map((send) => send.dueAt)).toEqual([1002.5, 1012.5, 1022.5, 1032.5, 1042.5]);
    expect(lateBy).toEqual([0, 0, 0, 0, 0]);
    expect(clock.now()).toBe(1052.5);
  });

  it('ends as soon as its session ends, not at its next due time', async () => {
    const { clock, fake, socket } = paced({
      payload: PAYLOAD,
      startAt: 1000,
      phase: 0,
      intervalMs: 10_000,
      more: () => true,
    });
    await clock.wait(5);
    expect(fake.sent).toHaveLength(1);
    fake.end();
    await socket.done;
    expect(clock.now()).toBe(1005);
  });

  it('only looks at the run while holding: nothing is sent', async () => {
    let looks = 0;
    const { fake, socket } = paced({
      payload: undefined,
      startAt: 1000,
      phase: 0.5,
      intervalMs: 1000,
      more: () => {
        looks += 1;
        return looks < 4;
      },
    });
    await socket.done;
    expect(looks).toBe(4);
    expect(fake.sent).toHaveLength(0);
  });
});
