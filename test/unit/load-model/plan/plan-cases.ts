/**
 * The loads whose schedule the golden plan files pin: a representative set of executors (constant and
 * ramping, open and closed, explicit and default VU pools, odd splits), `bench` invocations as the CLI
 * parses them, and the built-in experiments' profile loads.
 */
import type { BenchFlags } from '../../../../cli/bench-options.ts';
import type { LoadRunOptions } from '../../../../load-model/types.ts';

const baseUrl = 'http://127.0.0.1:8080/';

export const executorCases: Record<string, LoadRunOptions> = {
  'constant-arrival-rate': {
    baseUrl,
    executor: { executor: 'constant-arrival-rate', rate: 200, duration: '30s' },
    warmup: '5s',
  },
  'constant-arrival-rate-explicit-pool': {
    baseUrl,
    executor: {
      executor: 'constant-arrival-rate',
      rate: 50,
      timeUnit: '2s',
      duration: 10_000,
      preAllocatedVUs: 5,
      maxVUs: 40,
    },
    timeout: '3s',
    gracefulStop: '2s',
    workers: 3,
  },
  'constant-arrival-rate-small-on-4-workers': {
    baseUrl,
    executor: { executor: 'constant-arrival-rate', rate: 50, duration: '4s' },
    workers: 4,
  },
  'ramping-arrival-rate': {
    baseUrl,
    executor: {
      executor: 'ramping-arrival-rate',
      startRate: 10,
      stages: [
        { duration: '10s', target: 100 },
        { duration: '5s', target: 100 },
        { duration: '500ms', target: 0 },
      ],
    },
    warmup: '2s',
    workers: 3,
  },
  'ramping-arrival-rate-per-minute': {
    baseUrl,
    executor: { executor: 'ramping-arrival-rate', timeUnit: '1m', stages: [{ duration: '1m', target: 600 }] },
    timeout: 2500,
  },
  'constant-vus': {
    baseUrl,
    executor: { executor: 'constant-vus', vus: 7, duration: '20s' },
    workers: 3,
    targets: [{ path: '/a' }, { path: '/b', weight: 2 }],
    targetPick: 'weighted',
  },
  'ramping-vus': {
    baseUrl,
    executor: {
      executor: 'ramping-vus',
      startVUs: 0,
      stages: [
        { duration: '10s', target: 5 },
        { duration: '10s', target: 2 },
      ],
    },
    flow: { module: '/flows/cart.ts', exportName: 'cartFlow' },
    workers: 4,
  },
  'ramping-vus-default-start': {
    baseUrl,
    executor: { executor: 'ramping-vus', stages: [{ duration: '1m', target: 10 }] },
    timeout: 2000,
    warmup: '3s',
    http2: true,
    maxStreams: 4,
  },
};

/** `scalebench bench` flags as commander hands them over (its defaults included) */
const benchDefaults: BenchFlags = {
  duration: '30s',
  warmup: '5s',
  workers: '1',
  method: 'GET',
  timeout: '10s',
  maxLag: '10',
  maxLoopDelay: '50',
  trials: '1',
  pause: '0s',
};

export const benchCases: Record<string, { url: string; flags: BenchFlags }> = {
  'bench-defaults': { url: 'http://127.0.0.1:8080/products/1?x=2', flags: benchDefaults },
  'bench-rate-workers': {
    url: 'http://127.0.0.1:8080/',
    flags: { ...benchDefaults, rate: '1500', duration: '10', warmup: '1s', workers: '4', timeout: '2s' },
  },
  'bench-connections': {
    url: 'http://127.0.0.1:8080/',
    flags: { ...benchDefaults, connections: '9', duration: '1m', warmup: '0s', workers: '2' },
  },
  'bench-http2-connections': {
    url: 'http://127.0.0.1:8080/',
    flags: { ...benchDefaults, connections: '3', http2: true, maxStreams: '5', timeout: '500ms' },
  },
  'bench-post-body': {
    url: 'http://127.0.0.1:8080/orders',
    flags: { ...benchDefaults, method: 'post', body: '{}', header: ['content-type: application/json'] },
  },
};
