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
    { name: 'object-cache', params: { cache: 'object' }, thresholds: { staleReads: ['count==0'] } },
  ],
  profiles: {
    quick: {
      executor: {
        executor: 'constant-arrival-rate',
        rate: 60,
        duration: '7s',
        preAllocatedVUs: 20,
        maxVUs: 200,
      },
      warmup: '2s',
    },
    full: {
      executor: {
        executor: 'constant-arrival-rate',
        rate: 60,
        duration: '30s',
        preAllocatedVUs: 40,
        maxVUs: 400,
      },
      warmup: '5s',
    },
  },
  flow: { module: 'scenarios/flows/product-flow.ts', exportName: 'productFlow' },
  counters: ['reads', 'writes', 'staleReads'],
  flowParams: { hotProducts: 50, writeRatio: 0.05 },
  thresholds: { http_req_failed: ['rate<0.01'] },
});
