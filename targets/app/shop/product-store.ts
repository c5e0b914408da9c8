/**
 * Reading product pages, with or without the object cache. The object cache stores the assembled page
 * under `<prefix>product:<id>` and is invalidated after every committed write to that product. A
 * per-product generation counter closes the race where a reader that loaded the old row before the
 * write would store it after the invalidation: the reader stores only if the generation is unchanged.
 */
import type { Redis } from 'ioredis';
import type { Counters } from '../metrics.ts';
import { loadProductPage, type SqlRunner } from './product-query.ts';

export interface ProductStore {
  /** the page as JSON text (the object cache serves its stored text as is), or undefined if unknown */
  read(id: number): Promise<string | undefined>;
  /** called after a write to the product has committed */
  invalidate(id: number): Promise<void>;
}

/** CACHE=none and CACHE=query: every read assembles the page; nothing to invalidate */
export class DirectProductStore implements ProductStore {
  constructor(private readonly runner: SqlRunner) {}

  async read(id: number): Promise<string | undefined> {
    const page = await loadProductPage(this.runner, id);
    return page && JSON.stringify(page);
  }

  async invalidate(): Promise<void> {}
}

const setIfGenerationScript = `
local generation = redis.call('GET', KEYS[2])
if (generation or '') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
return 1`;

/** generation keys outlive any read in flight by far, and are bounded in number by the products */
const generationTtlSeconds = 86_400;

export class ObjectCacheProductStore implements ProductStore {
  /**
   * Misses of one product at one generation share one load (single flight): a write ends the sharing,
   * since it moves the generation before it is acknowledged, so a read sent after an acknowledged write
   * never joins a load that began before it. Without it every read of a just-invalidated hot product ran
   * the page's ~40 ms of SQL at once, and the database's queue, not the cache, set the capacity.
   */
  private readonly loading = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly runner: SqlRunner,
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
    private readonly counters: Counters,
  ) {}

  async read(id: number): Promise<string | undefined> {
    const [cached, generation] = await this.redis.mget(this.objectKey(id), this.generationKey(id));
    if (cached) {
      this.counters.inc('cacheHits');
      return cached;
    }
    this.counters.inc('cacheMisses');
    const flight = `${id}:${generation ?? ''}`;
    const shared = this.loading.get(flight);
    if (shared) return shared;
    const load = this.load(id, generation ?? '').finally(() => this.loading.delete(flight));
    this.loading.set(flight, load);
    return load;
  }

  private async load(id: number, generation: string): Promise<string | undefined> {
    const page = await loadProductPage(this.runner, id);
    const text = page && JSON.stringify(page);
    if (text) {
      await this.redis.eval(
        setIfGenerationScript,
        2,
        this.objectKey(id),
        this.generationKey(id),
        generation,
        text,
        String(Math.max(1, Math.round(this.ttlSeconds * 1000))),
      );
    }
    return text;
  }

  async invalidate(id: number): Promise<void> {
    await this.redis
      .multi()
      .incr(this.generationKey(id))
      .expire(this.generationKey(id), generationTtlSeconds)
      .del(this.objectKey(id))
      .exec();
  }

  private objectKey(id: number): string {
    return `${this.prefix}product:${id}`;
  }

  private generationKey(id: number): string {
    return `${this.prefix}product-generation:${id}`;
  }
}
