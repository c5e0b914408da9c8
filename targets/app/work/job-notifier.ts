/**
 * Tells the web process when a job is done, so it can push the news instead of being polled: workers
 * publish a job id on the store's done channel once its result is stored (exactly once per job), and
 * this subscriber hands it to whoever waits for that job. A waiter registers before it looks the job up,
 * so a job finished in between is not missed; each waiter is told at most once.
 */
import type { Redis } from 'ioredis';
import type { JobRecord, JobStore } from './store.ts';

type Listener = (job: JobRecord) => void;

export class JobNotifier {
  private readonly waiting = new Map<string, Set<Listener>>();
  private readonly subscriber: Redis;

  constructor(private readonly store: JobStore) {
    this.subscriber = store.redis.duplicate();
    this.subscriber.on('error', () => {});
    this.subscriber.on('message', (_channel: string, jobId: string) => void this.done(jobId));
  }

  async start(): Promise<void> {
    await this.subscriber.subscribe(this.store.doneChannel);
  }

  /** Calls `listener` once when job `id` is done (at once if it is); returns a function that cancels it. */
  async whenDone(id: string, listener: Listener): Promise<() => void> {
    let told = false;
    const once: Listener = (job) => {
      if (told) return;
      told = true;
      cancel();
      listener(job);
    };
    const set = this.waiting.get(id) ?? new Set();
    set.add(once);
    this.waiting.set(id, set);
    const cancel = () => {
      set.delete(once);
      if (set.size === 0 && this.waiting.get(id) === set) this.waiting.delete(id);
    };
    const job = await this.store.get(id);
    if (job?.status === 'done') once(job);
    return cancel;
  }

  /** sockets and streams waiting now (a gauge for /metrics) */
  get waiters(): number {
    let count = 0;
    for (const set of this.waiting.values()) count += set.size;
    return count;
  }

  private async done(id: string): Promise<void> {
    const set = this.waiting.get(id);
    if (!set || set.size === 0) return;
    const job = await this.store.get(id);
    if (job?.status !== 'done') return;
    for (const listener of [...set]) listener(job);
  }

  async close(): Promise<void> {
    await this.subscriber.quit().catch(() => this.subscriber.disconnect());
  }
}
