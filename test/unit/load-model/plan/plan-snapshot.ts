/**
 * What a load does, as plain data for the golden plan files: its plan line, rate (or VU) profile, the
 * per-second arrival schedule the pacer hands out (or the VU count each second), VU pool, target rate,
 * timeout and graceful stop, its split across worker threads and shards, and its k6 scenario.
 * Only this file knows the engine's API; the golden files hold what it computes.
 */
import { k6Scenario } from '../../../../exporters/k6/k6-options.ts';
import { targetRate } from '../../../../load/engine/build-outcome.ts';
import { createPacer } from '../../../../load/engine/pacer.ts';
import { shardLoadPlan } from '../../../../load/shard/shard-load.ts';
import { type ExecutorPlan, executorOf } from '../../../../load-model/executors/registry.ts';
import { assertLoadPlan } from '../../../../load-model/plan/compile-plan.ts';
import { describePlan } from '../../../../load-model/plan/describe-plan.ts';
import type { LoadPlan } from '../../../../load-model/plan/load-plan.ts';
import { buildProfile, levelAt, type Profile } from '../../../../load-model/plan/profile.ts';
import type { LoadRunOptions } from '../../../../load-model/types.ts';

const round = (value: number) => Math.round(value * 1e6) / 1e6;

/** arrivals per second of a rate profile (first offsets kept exactly), or the VU count at each second */
function schedule(profile: Profile) {
  if (profile.kind === 'vus') {
    const seconds = Math.ceil(profile.totalMs / 1000);
    return {
      vusEachSecond: Array.from({ length: seconds }, (_, s) => Math.floor(levelAt(profile, s * 1000))),
    };
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

function share(executor: ExecutorPlan, warmupMs: number) {
  const profile = buildProfile(executor, warmupMs);
  const module = executorOf(executor);
  return {
    hasWork: module.hasWork(executor),
    vuPool: module.vuPool(executor),
    unitMs: profile.unitMs,
    segments: profile.segments,
    ...schedule(profile),
  };
}

function shards(plan: LoadPlan) {
  return [0, 1].map((index) => {
    try {
      return share(shardLoadPlan(plan, { index, count: 2 }).executor, plan.warmupMs);
    } catch (error: unknown) {
      return { error: (error as Error).message };
    }
  });
}

export function planSnapshot(options: LoadRunOptions) {
  const plan = assertLoadPlan(options);
  const { warmupMs, timeoutMs, gracefulStopMs, workers } = plan;
  const profile = buildProfile(plan.executor, warmupMs);
  const module = executorOf(plan.executor);
  return {
    plan: describePlan(plan),
    warmupMs,
    timeoutMs,
    gracefulStopMs,
    workers,
    targetRate: targetRate(plan),
    vuPool: module.vuPool(plan.executor),
    profile: {
      kind: profile.kind,
      unitMs: profile.unitMs,
      totalMs: profile.totalMs,
      segments: profile.segments,
    },
    schedule: schedule(profile),
    workerShares: Array.from({ length: workers }, (_, index) =>
      share(module.split(plan.executor, index, workers), warmupMs),
    ),
    shardsOfTwo: shards(plan),
    k6: k6Scenario(plan),
  };
}
