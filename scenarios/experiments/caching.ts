import { errorsOutsideFaults } from '../error-threshold.ts';
import { constantArrivalProfiles, SHORT_CAPACITY_STEPS } from '../profiles.ts';
import { defineExperiment } from '../types.ts';

/** every read renders its page with 0.3 ms of real CPU (~0.45 ms measured), cached or not */
const render = { PAGE_COST_MS: '0.3' };

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
      env: render,
    },
    {
      name: 'query-cache',
      description: 'the query result cached in Redis until its TTL expires (stale after writes)',
      params: { cache: 'query' },
      env: render,
    },
    {
      name: 'object-cache',
      description: 'the assembled page cached in Redis and deleted on every write',
      params: { cache: 'object' },
      env: render,
      thresholds: { staleReads: ['count==0'] },
      // a cache holds several times the load: its search starts higher and skips steps it holds anyway
      capacityStartRate: 100,
    },
  ],
  // about 60% of what no-cache holds (~20/s: a page costs its 1-CPU database ~40 ms), so its trial
  // measures a busy database, not a queue; quick warms up 3 s, so the caches are warm when it measures
  // quick searches no capacity here: its declared rate sits below no-cache's ~12–14/s; the default and full
  // profiles compare at 70% of no-cache's measured capacity (comparison-rate.ts)
  profiles: constantArrivalProfiles({ quick: 9, full: 12, quickWarmup: '3s' }),

  flow: { module: 'scenarios/flows/product-flow.ts', exportName: 'productFlow' },
  counters: ['reads', 'writes', 'staleReads', 'readsUnjudged'],
  // 30 hot products, most visited within the 3 s warm-up at 12 reads/s: the trial measures a warm cache
  flowParams: { hotProducts: 30, writeRatio: 0.05 },
  thresholds: errorsOutsideFaults,
  sample: ['cacheHits', 'cacheMisses'],
  // the app a server of a quarter CPU, PostgreSQL one of a whole CPU (a server of its own, targets/caching):
  // "no cache" meets a database of a declared size (a product page costs it ~40 ms of CPU), not whatever
  // CPU the host has left; the object cache's knee is the app's, rendering each page (PAGE_COST_MS), with
  // the host's headroom to spare (without the render it came at 1,400-1,600/s with the host 17-19% idle)
  serverSize: '0.25',
  databaseCpus: 1,
  capacity: {
    ...SHORT_CAPACITY_STEPS,
    // no-cache's knee lies near 20/s: steps of 5 would round it by a quarter, and the ratio with it
    startRate: 14,
    step: 2,
    // a marginal break is measured again before it counts: a step's p99 here is the 2nd-highest of
    // 120-180 pages, and the first step below a far break read 199-277 ms in 4 of 5 runs as a normal
    // user (its knee then 6/s) where the same rate held at 97 ms in the fifth (its knee 12/s)
    confirmBreaks: 1,
    maxRate: 5000,
    slo: { p99Ms: 200, errorRate: 0.01 },
    // read capacity, with 1 write in 100 reads: at the trials' 5 in 100 every write's miss reloads a page
    // (~40 ms of the database), the misses are the object cache's p99, and their queue on the database set
    // its capacity anywhere from 165 to 400/s over three runs
    flowParams: { writeRatio: 0.01 },
    headline: ['no-cache', 'object-cache'],
    // --quick compares the trials' latency only (its 4 minutes go to the clones' curve): the capacities
    // come with --find-capacity or the default and full profiles
    quick: false,
  },
});
