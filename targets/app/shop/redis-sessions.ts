/**
 * Sessions in Redis: `<prefix>session:<sid>` holds the user name, `<prefix>cart:<sid>` is a list of
 * product ids. Both expire together after `ttlSeconds` idle; any clone sharing the prefix serves them.
 */
import type { Redis } from 'ioredis';
import { newSessionId, type SessionStore, sessionTtlSeconds } from './sessions.ts';

/** appends only while the session exists, so a cart never outlives (or precedes) its session */
const addItemScript = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
return 1`;

export class RedisSessionStore implements SessionStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds = sessionTtlSeconds,
  ) {}

  async create(user: string): Promise<string> {
    const sid = newSessionId();
    await this.redis.set(this.sessionKey(sid), user, 'EX', this.ttlSeconds);
    return sid;
  }

  async addItem(sid: string, productId: number): Promise<boolean> {
    const added = await this.redis.eval(
      addItemScript,
      2,
      this.sessionKey(sid),
      this.cartKey(sid),
      String(productId),
      String(this.ttlSeconds),
    );
    return added === 1;
  }

  async items(sid: string): Promise<number[] | undefined> {
    const replies = await this.redis
      .multi()
      .exists(this.sessionKey(sid))
      .lrange(this.cartKey(sid), 0, -1)
      .exec();
    const exists = replies?.[0]?.[1];
    const list = replies?.[1]?.[1];
    if (exists !== 1 || !Array.isArray(list)) return undefined;
    return list.map(Number);
  }

  private sessionKey(sid: string): string {
    return `${this.prefix}session:${sid}`;
  }

  private cartKey(sid: string): string {
    return `${this.prefix}cart:${sid}`;
  }
}
