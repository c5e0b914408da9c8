/**
 * Checks experiment definitions as data and returns every problem at once: names, variants, load
 * profiles (through the engine's own validation), flows, thresholds and faults.
 */

import { durationMs } from '../load-model/duration.ts';
import { parseThresholds } from '../load-model/thresholds.ts';
import { validateLoadOptions } from '../load-model/validate.ts';
import type { ExperimentDefinition, FaultStep, Thresholds } from './types.ts';

function checkProfiles(experiment: ExperimentDefinition, where: string, errors: string[]): void {
  for (const name of ['quick', 'default', 'full'] as const) {
    const profile = experiment.profiles?.[name];
    if (!profile) {
      // the default profile is optional: the full one runs in its place
      if (name !== 'default') errors.push(`${where}: profiles.${name} is missing`);
      continue;
    }
    const result = validateLoadOptions({
      baseUrl: 'http://127.0.0.1:1/',
      executor: profile.executor,
      warmup: profile.warmup,
      ...(experiment.timeout === undefined ? {} : { timeout: experiment.timeout }),
      ...(experiment.maxBody === undefined ? {} : { maxBody: experiment.maxBody }),
      ...(experiment.saturation === undefined ? {} : { saturation: experiment.saturation }),
    });
    if (!result.ok) errors.push(...result.errors.map((error) => `${where}: profiles.${name}: ${error}`));
  }
}

/** An experiment's or a variant's thresholds (k6 grammar) and fault times. */
function checkThresholdsAndFaults(
  owner: { thresholds?: Thresholds; faults?: FaultStep[] },
  where: string,
  errors: string[],
): void {
  errors.push(...parseThresholds(owner.thresholds ?? {}).errors.map((error) => `${where}: ${error}`));
  for (const fault of owner.faults ?? []) {
    if (durationMs(fault.at) === null) errors.push(`${where}: fault time '${fault.at}' is not a duration`);
  }
}

function checkVariants(experiment: ExperimentDefinition, where: string, errors: string[]): void {
  if (!Array.isArray(experiment.variants) || experiment.variants.length === 0) {
    errors.push(`${where}: needs at least one variant`);
    return;
  }
  const seen = new Set<string>();
  for (const variant of experiment.variants) {
    if (!variant.name) errors.push(`${where}: a variant has no name`);
    if (seen.has(variant.name)) errors.push(`${where}: variant name '${variant.name}' is used twice`);
    seen.add(variant.name);
    checkThresholdsAndFaults(variant, `${where}/${variant.name}`, errors);
  }
}

function checkCapacity(experiment: ExperimentDefinition, where: string, errors: string[]): void {
  const search = experiment.capacity;
  if (!search) return;
  const positive = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value > 0;
  for (const field of ['startRate', 'step', 'maxRate'] as const) {
    if (!positive(search[field])) errors.push(`${where}: capacity.${field} must be a positive number`);
  }
  if (positive(search.startRate) && positive(search.maxRate) && search.maxRate < search.startRate) {
    errors.push(`${where}: capacity.maxRate must be at least capacity.startRate`);
  }
  const stepMs = durationMs(search.stepDuration);
  if (stepMs === null || stepMs <= 0) {
    errors.push(`${where}: capacity.stepDuration '${search.stepDuration}' is not a duration`);
  }
  if (search.warmup !== undefined && durationMs(search.warmup) === null) {
    errors.push(`${where}: capacity.warmup '${search.warmup}' is not a duration`);
  }
  if (
    !positive(search.slo?.p99Ms) ||
    !(typeof search.slo?.errorRate === 'number' && search.slo.errorRate >= 0)
  ) {
    errors.push(`${where}: capacity.slo needs p99Ms > 0 and errorRate ≥ 0`);
  }
}

export function validateExperiment(experiment: ExperimentDefinition): string[] {
  const where = `experiment '${experiment?.name ?? '?'}'`;
  const errors: string[] = [];
  if (!experiment?.name || !/^[a-z0-9][a-z0-9-]*$/.test(experiment.name)) {
    errors.push(`${where}: name must be lowercase letters, digits and dashes`);
  }
  if (!experiment?.target) errors.push(`${where}: target is missing`);
  if (!experiment?.flow?.module || !experiment.flow.exportName)
    errors.push(`${where}: flow needs module and exportName`);
  checkVariants(experiment, where, errors);
  checkProfiles(experiment, where, errors);
  checkCapacity(experiment, where, errors);
  checkThresholdsAndFaults(experiment, where, errors);
  return errors;
}

export function validateExperiments(experiments: readonly ExperimentDefinition[]): string[] {
  const errors = experiments.flatMap(validateExperiment);
  const names = experiments.map((experiment) => experiment.name);
  const twice = names.filter((name, index) => names.indexOf(name) !== index);
  for (const name of new Set(twice)) errors.push(`experiment name '${name}' is defined twice`);
  return errors;
}
