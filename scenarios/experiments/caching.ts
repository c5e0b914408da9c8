import { errorsOutsideFaults } from '../error-threshold.ts';
import { constantArrivalProfiles, SHORT_CAPACITY_STEPS } from '../profiles.ts';
import { defineExperiment } from '../types.ts';

export const cachingExperiment = defineExperiment({
  name: 'caching',
  title: 'Caching: query cache vs object cache',
  description:
    'A product page is a join with aggregates over Postgres. Caching the query result in Redis makes reads ' +
    'fast but serves stale pages after writes until the TTL expires; caching the assembled object and deleting ' +
    'it on every write is as fast and never stale.',
  target: 'caching',
  variants: [
    {
      name: 'no-cache',
      description: 'every product page read from PostgreSQL (a join with aggregates)',
      params: { cache: 'none' },
    },
    {
      name: 'query-cache',
      description: 'the query result cached in Redis until its TTL expires (stale after writes)',
      params: { cache: 'query' },
    },
    {
      name: 'object-cache',
      description: 'the assembled page cached in Redis and deleted on every write',
      params: { cache: 'object' },
      thresholds: { staleReads: ['count==0'] },
      // a cache holds several times the load: its search starts higher and skips steps it holds anyway
      capacityStartRate: 100,
    },
  ],
  // about two thirds of what no-cache holds (~30/s on its 1-CPU database), so its trial measures a busy
  // database, not a queue; quick warms up 3 s, so the caches are warm when the short trial measures
  profiles: constantArrivalProfiles({ quick: 20, full: 20, quickWarmup: '3s' }),

  flow: { module: 'scenarios/flows/product-flow.ts', exportName: 'productFlow' },
  counters: ['reads', 'writes', 'staleReads', 'readsUnjudged'],
  // 50 hot products, visited within the 3 s warm-up at 20 reads/s: the trial measures a warm cache
  flowParams: { hotProducts: 50, writeRatio: 0.05 },
  thresholds: errorsOutsideFaults,
  sample: ['cacheHits', 'cacheMisses'],
  // the app a server of a quarter CPU, PostgreSQL one of a whole CPU (a server of its own, targets/caching):
  // "no cache" meets a database of a declared size (a product page costs it ~50 ms of CPU), not whatever
  // CPU the host has left, and the object cache's knee is the app's, with the host's headroom to spare
  serverSize: '0.25',
  databaseCpus: 1,
  capacity: {
    ...SHORT_CAPACITY_STEPS,
    startRate: 15,
    step: 5,
    maxRate: 5000,
    slo: { p99Ms: 200, errorRate: 0.01 },
    headline: ['no-cache', 'object-cache'],
  },
});
