/**
 * What a load does, as plain data for the golden plan files: its plan line, rate (or VU) profile, the
 * per-second arrival schedule the pacer hands out (or the VU count each second), VU pool, target rate,
 * timeout and graceful stop, its split across worker threads and shards, and its k6 scenario.
 * Only this file knows the engine's API; the golden files hold what it computes.
 */
import { k6Scenario } from '../../../../exporters/k6/k6-options.ts';
import { toMs } from '../../../../load-model/duration.ts';
import { DEFAULT_TIMEOUT_MS, type ExecutorConfig, type LoadRunOptions } from '../../../../load-model/types.ts';
import { targetRate } from '../../../../runners/engine/build-outcome.ts';
import { hasWork, splitExecutor } from '../../../../runners/engine/split-executor.ts';
import { describePlan } from '../../../../runners/load-models/describe.ts';
import { createPacer } from '../../../../runners/load-models/pacer.ts';
import { buildProfile, levelAt, type Profile } from '../../../../runners/load-models/rate-profile.ts';
import { vuPoolSize } from '../../../../runners/load-models/vu-pool-size.ts';
import { shardLoadOptions } from '../../../../runners/shard/shard-load.ts';

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** arrivals per second of a rate profile (first offsets kept exactly), or the VU count at each second */
function schedule(profile: Profile) {
  if (profile.kind === 'vus') {
    const seconds = Math.ceil(profile.totalMs / 1000);
    return { vusEachSecond: Array.from({ length: seconds }, (_, s) => Math.floor(levelAt(profile, s * 1000))) };
  }
  const pacer = createPacer(profile);
  const perSecond: number[] = [];
  const first: number[] = [];
  for (let next = pacer.next(); next !== null; next = pacer.next()) {
    if (first.length < 5) first.push(round(next));
    const second = Math.floor(next / 1000);
    while (perSecond.length <= second) perSecond.push(0);
    perSecond[second] = (perSecond[second] ?? 0) + 1;
  }
  return { arrivals: pacer.issued, firstArrivalsMs: first, arrivalsPerSecond: perSecond };
}

function share(executor: ExecutorConfig, warmupMs: number) {
  const profile = buildProfile(executor, warmupMs);
  return {
    hasWork: hasWork(executor),
    vuPool: vuPoolSize(executor),
    unitMs: profile.unitMs,
    segments: profile.segments,
    ...schedule(profile),
  };
}

function shards(options: LoadRunOptions, warmupMs: number) {
  return [0, 1].map((index) => {
    try {
      return share(shardLoadOptions(options, { index, count: 2 }).executor, warmupMs);
    } catch (error: unknown) {
      return { error: (error as Error).message };
    }
  });
}

export function planSnapshot(options: LoadRunOptions) {
  const warmupMs = toMs(options.warmup, 0);
  const timeoutMs = toMs(options.timeout, DEFAULT_TIMEOUT_MS);
  const profile = buildProfile(options.executor, warmupMs);
  const workers = options.workers ?? 1;
  return {
    plan: describePlan(options),
    warmupMs,
    timeoutMs,
    gracefulStopMs: toMs(options.gracefulStop, timeoutMs + 1000),
    workers,
    targetRate: targetRate(options),
    vuPool: vuPoolSize(options.executor),
    profile: { kind: profile.kind, unitMs: profile.unitMs, totalMs: profile.totalMs, segments: profile.segments },
    schedule: schedule(profile),
    workerShares: Array.from({ length: workers }, (_, index) =>
      share(splitExecutor(options.executor, index, workers), warmupMs),
    ),
    shardsOfTwo: shards(options, warmupMs),
    k6: k6Scenario(options.executor, options.timeout),
  };
}
