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
    { name: 'no-cache', params: { cache: 'none' } },
    { name: 'query-cache', params: { cache: 'query' } },
    {
      name: 'object-cache',
      params: { cache: 'object' },
      thresholds: { staleReads: ['count==0'] },
      // a cache holds several times the load: its search starts higher and skips steps it holds anyway
      capacityStartRate: 160,
    },
  ],
  // about two thirds of what no-cache holds here, so its trial measures a busy database, not a queue
  profiles: constantArrivalProfiles({ quick: 30, full: 30 }),

  flow: { module: 'scenarios/flows/product-flow.ts', exportName: 'productFlow' },
  counters: ['reads', 'writes', 'staleReads', 'readsUnjudged'],
  flowParams: { hotProducts: 50, writeRatio: 0.05 },
  thresholds: errorsOutsideFaults,
  sample: ['cacheHits', 'cacheMisses'],
  // one app server of one CPU: the database behind it is what the cache takes load off
  serverSize: '1',
  capacity: {
    ...SHORT_CAPACITY_STEPS,
    startRate: 40,
    step: 5,
    maxRate: 5000,
    slo: { p99Ms: 200, errorRate: 0.01 },
    headline: ['no-cache', 'object-cache'],
  },
});
