/**
 * Reading product pages, with or without the object cache. The object cache stores the assembled page
 * under `<prefix>product:<id>` and is invalidated after every committed write to that product. A
 * per-product generation counter closes the race where a reader that loaded the old row before the
 * write would store it after the invalidation: the reader stores only if the generation is unchanged.
 */
import type { Redis } from 'ioredis';
import type { Counters } from '../metrics.ts';
import { loadProductPage, type ProductPage, type SqlRunner } from './product-query.ts';

export interface ProductStore {
  read(id: number): Promise<ProductPage | undefined>;
  /** called after a write to the product has committed */
  invalidate(id: number): Promise<void>;
}

/** CACHE=none and CACHE=query: every read assembles the page; nothing to invalidate */
export class DirectProductStore implements ProductStore {
  constructor(private readonly runner: SqlRunner) {}

  read(id: number): Promise<ProductPage | undefined> {
    return loadProductPage(this.runner, id);
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
  constructor(
    private readonly runner: SqlRunner,
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly ttlSeconds: number,
    private readonly counters: Counters,
  ) {}

  async read(id: number): Promise<ProductPage | undefined> {
    const [cached, generation] = await this.redis.mget(this.objectKey(id), this.generationKey(id));
    if (cached) {
      this.counters.inc('cacheHits');
      return JSON.parse(cached) as ProductPage;
    }
    this.counters.inc('cacheMisses');
    const page = await loadProductPage(this.runner, id);
    if (page) {
      await this.redis.eval(
        setIfGenerationScript,
        2,
        this.objectKey(id),
        this.generationKey(id),
        generation ?? '',
        JSON.stringify(page),
        String(Math.max(1, Math.round(this.ttlSeconds * 1000))),
      );
    }
    return page;
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
