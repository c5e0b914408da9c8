/**
 * The golden `run --quick` plan of the built-in experiments: every variant the quick suite runs, what its
 * trial loads (warm-up, duration, rate, timeout, graceful stop, flow parameters), its fault times, the
 * first step of its capacity search, its server size and its share of the plan line's estimate. Written
 * from the code before run's suite was compiled once, so the compiled plan is held to the same schedule.
 * UPDATE_GOLDEN=1 rewrites it.
 */
import { it } from 'vitest';
import { packageRoot } from '../../../../core/entry-points.ts';
import { durationMs } from '../../../../load-model/duration.ts';
import { assertLoadPlan } from '../../../../load-model/plan/compile-plan.ts';
import type { LoadPlan } from '../../../../load-model/plan/load-plan.ts';
import { DEFAULT_CAPACITY_WARMUP, stepVus } from '../../../../orchestration/run/capacity.ts';
import { rateWords } from '../../../../orchestration/run/comparison-phase.ts';
import { resolveFlowRef } from '../../../../orchestration/run/run-trial.ts';
import { stepLengthMs } from '../../../../orchestration/run/step-length.ts';
import {
  byExperiment,
  capacitySeconds,
  inProfile,
  type QueueItem,
  type SuitePlan,
  searches,
  variantSeconds,
} from '../../../../orchestration/run/suite-plan.ts';
import { trialLength } from '../../../../orchestration/run/trial-length.ts';
import { builtinExperiments } from '../../../../scenarios/builtin.ts';
import { profileLoad } from '../../../../scenarios/types.ts';
import { DEFAULT_SERVER_CPUS, parseServerSize } from '../../../../targets/sizing/server-size.ts';
import { expectMatchesGolden } from '../../../golden/golden.ts';

const baseUrl = 'http://127.0.0.1:8080/';

/**
 * A plan as data, its fields in alphabetical order; the flow's module is where the package runs from
 * (sources or dist/), so only whether it is the one resolved for the experiment is kept.
 */
function planData(plan: LoadPlan, flow: { module: string; exportName: string }) {
  const { flow: resolved, ...rest } = plan;
  const module = resolved && 'module' in resolved ? resolved.module : undefined;
  const fields = Object.entries(rest).sort(([a], [b]) => a.localeCompare(b));
  return {
    ...Object.fromEntries(fields),
    flow: { ...flow, resolved: module === resolveFlowRef(flow, packageRoot).module },
  };
}

function trialPlan({ experiment, variant }: QueueItem) {
  const load = profileLoad(experiment, 'quick');
  return assertLoadPlan({
    baseUrl,
    executor: load.executor,
    warmup: load.warmup,
    flow: resolveFlowRef(experiment.flow, packageRoot),
    flowParams: { ...experiment.flowParams, ...variant.flowParams },
    ...(experiment.timeout === undefined ? {} : { timeout: experiment.timeout }),
    ...(experiment.maxBody === undefined ? {} : { maxBody: experiment.maxBody }),
    ...(experiment.saturation === undefined ? {} : { saturation: experiment.saturation }),
  });
}

/** the search's first step: at the variant's start rate, as long as one flow request an iteration makes it */
function firstStep({ experiment, variant }: QueueItem) {
  const search = experiment.capacity!;
  const startRate = variant.capacityStartRate ?? search.startRate;
  const declaredMs = durationMs(search.stepDuration) ?? 0;
  const lengthMs = stepLengthMs(startRate, 1, declaredMs, search.minStep);
  const plan = assertLoadPlan({
    baseUrl,
    executor: {
      executor: 'constant-arrival-rate',
      rate: startRate,
      duration: `${lengthMs}ms`,
      maxVUs: stepVus(startRate, search),
    },
    warmup: search.warmup ?? DEFAULT_CAPACITY_WARMUP,
    flow: resolveFlowRef(experiment.flow, packageRoot),
    flowParams: { ...experiment.flowParams, ...search.flowParams },
    ...(experiment.timeout === undefined ? {} : { timeout: experiment.timeout }),
    gracefulStop: `${5 * search.slo.p99Ms}ms`,
    ...(experiment.saturation === undefined ? {} : { saturation: experiment.saturation }),
  });
  return { startRate, declaredMs, plan: planData(plan, experiment.flow) };
}

function variantData(plan: SuitePlan, item: QueueItem) {
  const { experiment, variant } = item;
  const delay = variant.env?.REPLICA_APPLY_DELAY_MS;
  const searched = searches(plan, item);
  return {
    experiment: experiment.name,
    variant: variant.name,
    server: experiment.serverSize
      ? parseServerSize(experiment.serverSize)
      : { kind: 'cpus', cpus: DEFAULT_SERVER_CPUS },
    ...(experiment.databaseCpus === undefined ? {} : { databaseCpus: experiment.databaseCpus }),
    ...(delay === undefined ? {} : { replicaDelayMs: Number(delay) }),
    trialLength: trialLength(profileLoad(experiment, 'quick')),
    trialSeconds: variantSeconds(experiment, 'quick', plan.trials),
    trial: planData(trialPlan(item), experiment.flow),
    faults: (variant.faults ?? experiment.faults ?? []).map(({ at, ...fault }) => ({
      ...fault,
      atMs: durationMs(at),
    })),
    searched,
    ...(searched
      ? { capacitySeconds: capacitySeconds(experiment, variant), firstStep: firstStep(item) }
      : {}),
  };
}

function quickPlan() {
  const plan: SuitePlan = {
    experiments: builtinExperiments.map((experiment) => ({ experiment, baseDir: packageRoot })),
    profile: 'quick',
    trials: 1,
    findCapacity: false,
    logDir: '/logs',
    cwd: packageRoot,
    variants: [],
    options: {},
    rateFraction: 0.7,
  };
  const queue: QueueItem[] = plan.experiments.flatMap(({ experiment, baseDir }) =>
    experiment.variants
      .filter((variant) => inProfile(variant, plan))
      .map((variant) => ({ experiment, variant, baseDir })),
  );
  const variants = queue.map((item) => variantData(plan, item));
  return {
    etaSeconds: variants.reduce((sum, v) => sum + v.trialSeconds + (v.capacitySeconds ?? 0), 0),
    rates: Object.fromEntries(byExperiment(queue).flatMap((group) => rateWords(plan, group))),
    variants,
  };
}

it('run --quick compiles to the plan it ran before (golden)', () => {
  expectMatchesGolden('test/golden/plans/run-quick.json', `${JSON.stringify(quickPlan(), null, 1)}\n`);
});
