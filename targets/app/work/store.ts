/**
 * The job store in Redis, shared by the web process and the workers: one hash per job (input, status,
 * acceptedAt/startedAt/finishedAt, attempts, result), run-wide tallies (accepted, completed, duplicated,
 * retried), which worker is busy with which job, and the prerendered results. Completion is idempotent:
 * a redelivered job whose result is already stored is counted as a duplicate and never overwrites it.
 */
import { Redis } from 'ioredis';
import { logConnectionErrorsOnce } from '../../services/log-connection-errors.ts';
import { deleteKeysWithPrefix } from '../redis-keys.ts';
import type { WorkResult } from './render.ts';

export interface JobRecord {
  id: string;
  status: 'pending' | 'done';
  input: string;
  acceptedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  attempts: number;
  worker: string | null;
  result: WorkResult | null;
}

export interface StoreStats {
  accepted: number;
  completed: number;
  /** deliveries of a job whose result was already stored (work done, or offered, twice) */
  duplicated: number;
  /** deliveries after the first (a worker died or stalled mid-job) */
  retried: number;
  /** worker id → job id it is working on */
  busy: Record<string, string>;
  /** worker id → boot token of its latest start */
  workers: Record<string, string>;
}

/** -1 when the job is done already (counted as a duplicate), else the attempt number */
const BEGIN = `
if redis.call('HGET', KEYS[1], 'status') == 'done' then
  redis.call('INCR', KEYS[2])
  return -1
end
local attempts = redis.call('HINCRBY', KEYS[1], 'attempts', 1)
redis.call('HSET', KEYS[1], 'startedAt', ARGV[1], 'worker', ARGV[2])
redis.call('HSET', KEYS[4], ARGV[2], ARGV[3])
if attempts > 1 then redis.call('INCR', KEYS[3]) end
return attempts`;

/** 1 when this call stored the result, 0 when it was stored already (counted as a duplicate) */
const FINISH = `
redis.call('HDEL', KEYS[4], ARGV[3])
if redis.call('HGET', KEYS[1], 'status') == 'done' then
  redis.call('INCR', KEYS[3])
  return 0
end
redis.call('HSET', KEYS[1], 'status', 'done', 'result', ARGV[1], 'finishedAt', ARGV[2])
redis.call('INCR', KEYS[2])
redis.call('PUBLISH', KEYS[5], ARGV[4])
return 1`;

export class JobStore {
  readonly redis: Redis;
  private readonly prefix: string;

  constructor(redisUrl: string, redisPrefix: string) {
    this.redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
    this.redis.on('error', logConnectionErrorsOnce('redis (job store)'));
    this.prefix = `${redisPrefix}work:`;
  }

  /** the pub/sub channel a job id is published on once its result is stored */
  get doneChannel(): string {
    return this.key('done');
  }

  private key(name: string): string {
    return `${this.prefix}${name}`;
  }

  async accept(id: string, input: string, now = Date.now()): Promise<void> {
    await this.redis
      .multi()
      .hset(this.key(`job:${id}`), { input, status: 'pending', acceptedAt: now, attempts: 0 })
      .incr(this.key('accepted'))
      .exec();
  }

  async get(id: string): Promise<JobRecord | undefined> {
    const hash = await this.redis.hgetall(this.key(`job:${id}`));
    if (hash.status === undefined) return undefined;
    const time = (value: string | undefined) => (value === undefined ? null : Number(value));
    return {
      id,
      status: hash.status === 'done' ? 'done' : 'pending',
      input: hash.input ?? '',
      acceptedAt: Number(hash.acceptedAt),
      startedAt: time(hash.startedAt),
      finishedAt: time(hash.finishedAt),
      attempts: Number(hash.attempts ?? 0),
      worker: hash.worker ?? null,
      result: hash.result === undefined ? null : (JSON.parse(hash.result) as WorkResult),
    };
  }

  /** marks a delivery as started by `worker`; -1 when the job is already done */
  async begin(id: string, worker: string, now = Date.now()): Promise<number> {
    const keys = [`job:${id}`, 'duplicated', 'retried', 'busy'].map((name) => this.key(name));
    return Number(await this.redis.eval(BEGIN, keys.length, ...keys, now, worker, id));
  }

  /** stores the result; false when it was stored already (a duplicate) */
  async finish(id: string, worker: string, result: WorkResult, now = Date.now()): Promise<boolean> {
    // exactly one finish stores the result: only it publishes the job id (push notifications), atomically
    const keys = [`job:${id}`, 'completed', 'duplicated', 'busy', 'done'].map((name) => this.key(name));
    const args = [JSON.stringify(result), now, worker, id];
    const stored = await this.redis.eval(FINISH, keys.length, ...keys, ...args);
    return Number(stored) === 1;
  }

  async stats(): Promise<StoreStats> {
    const names = ['accepted', 'completed', 'duplicated', 'retried'].map((name) => this.key(name));
    const [tallies, busy, workers] = await Promise.all([
      this.redis.mget(...names),
      this.redis.hgetall(this.key('busy')),
      this.redis.hgetall(this.key('workers')),
    ]);
    const [accepted, completed, duplicated, retried] = tallies.map((value) => Number(value ?? 0));
    return {
      accepted: accepted ?? 0,
      completed: completed ?? 0,
      duplicated: duplicated ?? 0,
      retried: retried ?? 0,
      busy,
      workers,
    };
  }

  async registerWorker(worker: string, boot: string): Promise<void> {
    await this.redis.multi().hset(this.key('workers'), worker, boot).hdel(this.key('busy'), worker).exec();
  }

  async unregisterWorker(worker: string): Promise<void> {
    await this.redis.multi().hdel(this.key('workers'), worker).hdel(this.key('busy'), worker).exec();
  }

  async putPrerendered(result: WorkResult): Promise<void> {
    await this.redis.hset(this.key('prerendered'), result.input, JSON.stringify(result));
  }

  async getPrerendered(input: string): Promise<WorkResult | undefined> {
    const text = await this.redis.hget(this.key('prerendered'), input);
    return text === null ? undefined : (JSON.parse(text) as WorkResult);
  }

  async prerenderedCount(): Promise<number> {
    return this.redis.hlen(this.key('prerendered'));
  }

  /** deletes every key of this store (tests and `stop` of a run-scoped prefix) */
  async clear(): Promise<void> {
    await deleteKeysWithPrefix(this.redis, this.prefix);
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
