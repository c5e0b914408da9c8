/**
 * The golden `run --quick` plan of the built-in experiments: every variant the quick suite runs, what its
 * trial loads (warm-up, duration, rate, timeout, graceful stop, flow parameters), its fault times, the
 * first step of its capacity search, its server size and its share of the plan line's estimate, as the
 * CLI's parse step and the suite compiler make it. Written from the code before run's suite was compiled
 * once, so the compiled plan is held to the same schedule. UPDATE_GOLDEN=1 rewrites it.
 */
import { it } from 'vitest';
import type { CliContext } from '../../../../cli/context.ts';
import { parseRunOptions, suiteRequest } from '../../../../cli/run.ts';
import { packageRoot } from '../../../../core/entry-points.ts';
import type { LoadPlan } from '../../../../load-model/plan/load-plan.ts';
import { type CapacityPlan, stepPlan } from '../../../../orchestration/run/capacity-plan.ts';
import { rateWords } from '../../../../orchestration/run/comparison-phase.ts';
import { compileSuite, resolveFlowRef } from '../../../../orchestration/run/compile-suite.ts';
import { stepLengthMs } from '../../../../orchestration/run/step-length.ts';
import {
  byExperiment,
  capacitySeconds,
  type QueueItem,
  type SuitePlan,
  variantSeconds,
} from '../../../../orchestration/run/suite-plan.ts';
import { trialLength } from '../../../../orchestration/run/trial-load.ts';
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

/** the search's first step: at the variant's start rate, as long as one flow request an iteration makes it */
function firstStep(capacity: CapacityPlan, flow: QueueItem['experiment']['flow']) {
  const { startRate, stepMs } = capacity;
  const lengthMs = stepLengthMs(startRate, 1, stepMs, capacity.search.minStep);
  return {
    startRate,
    declaredMs: stepMs,
    plan: planData(stepPlan(capacity, baseUrl, startRate, lengthMs), flow),
  };
}

function variantData(plan: SuitePlan, item: QueueItem) {
  const { experiment, variant, capacity } = item;
  return {
    experiment: experiment.name,
    variant: variant.name,
    server: item.server,
    ...(item.databaseCpus === undefined ? {} : { databaseCpus: item.databaseCpus }),
    ...(item.replicaDelayMs === undefined ? {} : { replicaDelayMs: item.replicaDelayMs }),
    trialLength: trialLength(item.trial),
    trialSeconds: variantSeconds(item, plan.trials),
    trial: planData({ ...item.trial, baseUrl }, experiment.flow),
    faults: item.faults.map(({ atMs, ...fault }) => ({ ...fault, atMs })),
    searched: capacity !== undefined,
    ...(capacity
      ? { capacitySeconds: capacitySeconds(capacity), firstStep: firstStep(capacity, experiment.flow) }
      : {}),
  };
}

async function quickPlan() {
  const ctx = { cwd: packageRoot, env: {} } as CliContext;
  const options = parseRunOptions([], { quick: true, format: 'json', stack: 'local' }, ctx);
  const plan = compileSuite(await suiteRequest(options, ctx));
  const variants = plan.queue.map((item) => variantData(plan, item));
  return {
    etaSeconds: variants.reduce((sum, v) => sum + v.trialSeconds + (v.capacitySeconds ?? 0), 0),
    rates: Object.fromEntries(byExperiment(plan.queue).flatMap((group) => rateWords(plan, group))),
    variants,
  };
}

it('run --quick compiles to the plan it ran before (golden)', async () => {
  expectMatchesGolden('test/golden/plans/run-quick.json', `${JSON.stringify(await quickPlan(), null, 1)}\n`);
});
