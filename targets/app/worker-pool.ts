/**
 * The portable server-size model: a fixed pool of request workers, as Puma or PHP-FPM servers have.
 * A request holds a worker for its whole real work (its database and Redis round trips included);
 * requests beyond the pool wait in line, first come first served. `maxInFlight` is the most requests
 * that ever ran at once: never more than the size.
 */
export class WorkerPool {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  maxInFlight = 0;

  constructor(readonly size: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.inFlight >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      return await work();
    } finally {
      // hand the worker straight to the next in line, or free it
      const next = this.waiting.shift();
      if (next) next();
      else this.inFlight -= 1;
    }
  }

  /** requests waiting for a worker */
  get queued(): number {
    return this.waiting.length;
  }
}
