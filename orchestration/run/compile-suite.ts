/**
 * `run`'s suite compiled once, before anything starts: every selected variant's trial load, fault times
 * and capacity search into ms and defaults (load-model/plan's compiler), its server size and knobs
 * checked as its target will read them (variant-knobs.ts). Every problem is found at once, with its
 * path, and stops the run (SB_ERR_INVALID_CONFIG, exit 2) before the first target starts: a typo in the
 * last experiment does not wait for the others to run. What runs reads the plan and parses nothing.
 */
import { pathToFileURL } from 'node:url';
import { codeUrl, packageRoot } from '../../core/entry-points.ts';
import { ScalebenchError } from '../../core/errors.ts';
import { compileDuration, compileLoadTemplate } from '../../load-model/plan/compile-plan.ts';
import type { LoadTemplate } from '../../load-model/plan/load-plan.ts';
import type { FlowRef } from '../../load-model/types.ts';
import type { Validation } from '../../load-model/validate.ts';
import {
  type ExperimentDefinition,
  type FaultStep,
  profileLoad,
  type VariantDefinition,
} from '../../scenarios/types.ts';
import type { ServerSizeRequest } from '../../targets/sizing/server-size.ts';
import { type CapacityPlan, compileCapacity } from './capacity-plan.ts';
import type { FaultPlan } from './fault-schedule.ts';
import type { LoadedExperiment } from './load-config.ts';
import {
  inProfile,
  type QueueItem,
  type SuitePlan,
  type SuiteRequest,
  searchesCapacity,
} from './suite-plan.ts';
import { compileServerSize, knobProblems } from './variant-knobs.ts';

/** the flow module a load imports: a built-in flow as package code, a user's relative to its config */
export function resolveFlowRef(flow: FlowRef, baseDir: string): FlowRef {
  if (flow.module.startsWith('file:') || flow.module.startsWith('/')) return flow;
  // a built-in flow is package code: dist's .js when scalebench runs built
  if (baseDir === packageRoot) return { ...flow, module: codeUrl(flow.module) };
  return { ...flow, module: pathToFileURL(`${baseDir}/${flow.module}`).href };
}

/** what an experiment's variants share, compiled once */
interface ExperimentParts {
  experiment: ExperimentDefinition;
  flow: FlowRef;
  server: ServerSizeRequest;
  faults: FaultPlan[];
  capacity?: CapacityPlan;
}

/** the value of a result, its errors (under `prefix`) added to `problems` when it has none */
function take<T>(result: Validation<T>, problems: string[], prefix = ''): T | undefined {
  if (result.ok) return result.value;
  problems.push(...result.errors.map((error) => `${prefix}${error}`));
  return undefined;
}

function compileFaults(faults: readonly FaultStep[], where: string): Validation<FaultPlan[]> {
  const errors: string[] = [];
  const value = faults.map(({ at, ...fault }, index) => ({
    ...fault,
    atMs: take(compileDuration(at, `${where}: faults[${index}].at`), errors) ?? 0,
  }));
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** a variant's trials' load in the run's profile: the experiment's, with the variant's flowParams over its own */
function trialTemplate(
  request: SuiteRequest,
  { experiment, flow }: ExperimentParts,
  variant: VariantDefinition,
): Validation<LoadTemplate> {
  const load = profileLoad(experiment, request.profile);
  return compileLoadTemplate({
    executor: load.executor,
    warmup: load.warmup,
    flow,
    flowParams: { ...experiment.flowParams, ...variant.flowParams },
    ...(experiment.timeout === undefined ? {} : { timeout: experiment.timeout }),
    ...(experiment.maxBody === undefined ? {} : { maxBody: experiment.maxBody }),
    ...(experiment.saturation === undefined ? {} : { saturation: experiment.saturation }),
  });
}

function compileVariant(
  request: SuiteRequest,
  parts: ExperimentParts,
  variant: VariantDefinition,
  problems: string[],
): QueueItem | undefined {
  const { experiment } = parts;
  const where = `experiment '${experiment.name}'/${variant.name}`;
  const trial = take(
    trialTemplate(request, parts, variant),
    problems,
    `${where}: profiles.${request.profile}: `,
  );
  const faults = variant.faults ? take(compileFaults(variant.faults, where), problems) : parts.faults;
  problems.push(...knobProblems(experiment, variant, where));
  if (!trial || !faults) return undefined;
  const searched = searchesCapacity(experiment, variant, request.profile, request.findCapacity);
  const delay = variant.env?.REPLICA_APPLY_DELAY_MS;
  return {
    experiment,
    variant,
    trial,
    faults,
    ...(searched && parts.capacity
      ? { capacity: { ...parts.capacity, startRate: variant.capacityStartRate ?? parts.capacity.startRate } }
      : {}),
    server: parts.server,
    ...(request.serverSize || experiment.databaseCpus === undefined
      ? {}
      : { databaseCpus: experiment.databaseCpus }),
    ...(delay === undefined ? {} : { replicaDelayMs: Number(delay) }),
  };
}

function compileExperiment(
  request: SuiteRequest,
  { experiment, baseDir }: LoadedExperiment,
  problems: string[],
): QueueItem[] {
  const variants = experiment.variants
    .filter((variant) => request.variants.length === 0 || request.variants.includes(variant.name))
    .filter((variant) => inProfile(variant, request));
  if (variants.length === 0) return [];
  const where = `experiment '${experiment.name}'`;
  const flow = resolveFlowRef(experiment.flow, baseDir);
  const searched = variants.some((variant) =>
    searchesCapacity(experiment, variant, request.profile, request.findCapacity),
  );
  const capacity =
    searched && experiment.capacity
      ? take(compileCapacity(experiment, experiment.capacity, flow, where), problems)
      : undefined;
  const parts: ExperimentParts = {
    experiment,
    flow,
    // a problem here stops the run before any variant's stand-in is read
    server: take(compileServerSize(experiment, request.serverSize, where), problems) ?? { kind: 'none' },
    faults: take(compileFaults(experiment.faults ?? [], where), problems) ?? [],
    ...(capacity ? { capacity } : {}),
  };
  return variants.flatMap((variant) => compileVariant(request, parts, variant, problems) ?? []);
}

/** The suite `request` asks for, compiled; SB_ERR_INVALID_CONFIG naming every problem when it cannot be. */
export function compileSuite(request: SuiteRequest): SuitePlan {
  const problems: string[] = [];
  const queue = request.experiments.flatMap((loaded) => compileExperiment(request, loaded, problems));
  if (problems.length > 0) {
    throw new ScalebenchError('SB_ERR_INVALID_CONFIG', `invalid run plan: ${problems.join('; ')}`, {
      hint: 'fix every listed problem; nothing has started',
    });
  }
  const { experiments, serverSize: _flag, ...rest } = request;
  return { ...rest, experiments: experiments.map(({ experiment }) => experiment.name), queue };
}
