/** Counts running iterations and lets the engine wait for them to finish (with a deadline). */

export class InFlight {
  private count = 0;
  private waiters: (() => void)[] = [];

  get size(): number {
    return this.count;
  }

  track(work: Promise<void>): void {
    this.count += 1;
    void work.finally(() => {
      this.count -= 1;
      if (this.count === 0) for (const waiter of this.waiters.splice(0)) waiter();
    });
  }

  /** Resolves true when all finished, false when `ms` passed first. */
  drain(ms: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
