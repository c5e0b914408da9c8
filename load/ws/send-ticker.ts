/**
 * One wake-up for every socket's due messages: the pacer of all a thread's bench sockets at once.
 * Each paced socket says when its next message is due; the ticker keeps them in a binary min-heap by
 * that time, sleeps on one timer until the earliest, and fires every socket whose message is due by
 * then. A timer, a promise and a race per socket per message cost several times what sending the
 * message costs, and at 10 000 messages a second the spin to the exact microsecond kept the event loop
 * from ever idling; the ticker's cost is one timer per wake, however many sockets it serves.
 *
 * A message is never sent before it is due, and it leaves up to a timer tick (about 1 ms) after: the
 * lateness is measured, not hidden, as replies are timed from when the message was due (the open
 * model: the generator's own delay counts against it, as a stalled server's does).
 */
import type { Clock } from '../engine/clock.ts';

export interface PacedSender {
  /** clock time the next message is due; fire() moves it on */
  readonly due: number;
  /** Called once `now` ≥ due: sends what is due and moves `due` on; false when the sender is done. */
  fire(now: number): boolean;
}

/** Sends in a row before the ticker yields to the event loop (thousands of sockets due at once). */
export const MAX_FIRE_BURST = 256;

/** `wakeAt` while firing: a sender added meanwhile is seen by the wake under way */
const AWAKE = Number.NEGATIVE_INFINITY;

export class SendTicker {
  private readonly heap: PacedSender[] = [];
  /** clock time the pending wake is for; Infinity when none is pending */
  private wakeAt = Number.POSITIVE_INFINITY;
  /** a wake superseded by an earlier one (a sender due sooner was added) does nothing */
  private generation = 0;

  constructor(private readonly clock: Clock) {}

  /** senders scheduled, done ones included until their due time comes round */
  get size(): number {
    return this.heap.length;
  }

  add(sender: PacedSender): void {
    this.heap.push(sender);
    this.siftUp(this.heap.length - 1);
    this.wakeBy(sender.due);
  }

  private wakeBy(due: number): void {
    if (due >= this.wakeAt) return;
    this.wakeAt = due;
    this.generation += 1;
    void this.wake(this.generation, due);
  }

  private async wake(generation: number, due: number): Promise<void> {
    await this.clock.sleep(due - this.clock.now());
    if (generation !== this.generation) return;
    this.wakeAt = AWAKE;
    // a wake may come early by a fraction of a millisecond (timers count whole ones): it then fires nothing
    while (this.fireDue(this.clock.now())) await this.clock.wait(0);
    this.wakeAt = Number.POSITIVE_INFINITY;
    const next = this.heap[0];
    if (next) this.wakeBy(next.due);
  }

  /**
   * Fires every sender due by `now`, and those that came due while it fired (rather than leave them
   * to a wake of their own), at most MAX_FIRE_BURST; true when more were due.
   */
  private fireDue(now: number): boolean {
    const heap = this.heap;
    for (let fired = 0; heap.length > 0; fired += 1) {
      if (heap[0]!.due > now) {
        now = this.clock.now();
        if (heap[0]!.due > now) return false;
      }
      if (fired === MAX_FIRE_BURST) return true;
      if (heap[0]!.fire(now)) this.siftDown(0);
      else this.removeTop();
    }
    return false;
  }

  private removeTop(): void {
    const last = this.heap.pop()!;
    if (this.heap.length === 0) return;
    this.heap[0] = last;
    this.siftDown(0);
  }

  private siftUp(index: number): void {
    const heap = this.heap;
    const item = heap[index]!;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (heap[parent]!.due <= item.due) break;
      heap[index] = heap[parent]!;
      index = parent;
    }
    heap[index] = item;
  }

  private siftDown(index: number): void {
    const heap = this.heap;
    const item = heap[index]!;
    const length = heap.length;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= length) break;
      if (child + 1 < length && heap[child + 1]!.due < heap[child]!.due) child += 1;
      if (heap[child]!.due >= item.due) break;
      heap[index] = heap[child]!;
      index = child;
    }
    heap[index] = item;
  }
}
