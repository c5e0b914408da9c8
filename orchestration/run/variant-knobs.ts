/**
 * A variant's knobs and its experiment's server size, checked before anything starts as its target will
 * read them when it starts: its params against the target's knobs, its env against the app's config and
 * the orders seed, its clones and workers as counts, the serverSize as --server-size reads it. A typo in
 * the last experiment then fails before the first one runs. The targets' own parsers judge; what they
 * would throw one at a time is collected here with its path.
 */
import { isScalebenchError } from '../../core/errors.ts';
import type { Validation } from '../../load-model/validate.ts';
import type { ExperimentDefinition, VariantDefinition } from '../../scenarios/types.ts';
import { readAppConfig } from '../../targets/app/config.ts';
import { parseSeedSpec } from '../../targets/database/seed-spec.ts';
import { isExternalTarget } from '../../targets/external/external-target.ts';
import { findTarget } from '../../targets/registry.ts';
import {
  DEFAULT_SERVER_CPUS,
  MAX_SERVER_CPUS,
  MIN_SERVER_CPUS,
  parseServerSize,
  type ServerSizeRequest,
} from '../../targets/sizing/server-size.ts';
import { resolveVariant } from '../../targets/variant.ts';

/** environment knobs a built-in target reads as a plain number (the replica's delay, the pages prerendered) */
const NUMBER_KNOBS = ['REPLICA_APPLY_DELAY_MS', 'PRERENDER_COUNT'] as const;

/** a target's parser run before its target starts: what it throws becomes a problem under `where` */
function parsed<T>(where: string, parse: () => T): Validation<T> {
  try {
    return { ok: true, value: parse() };
  } catch (error: unknown) {
    if (!isScalebenchError(error)) throw error;
    return { ok: false, errors: [`${where}: ${error.message}${error.hint ? ` (${error.hint})` : ''}`] };
  }
}

const errorsOf = (result: Validation<unknown>): string[] => (result.ok ? [] : result.errors);

function envProblems(env: Record<string, string>, where: string): string[] {
  const numbers = NUMBER_KNOBS.filter((name) => env[name] !== undefined && !(Number(env[name]) >= 0));
  return [
    ...errorsOf(parsed(`${where}: env`, () => readAppConfig(env))),
    ...(env.ORDERS_SEED === undefined
      ? []
      : errorsOf(parsed(`${where}: env`, () => parseSeedSpec(env.ORDERS_SEED)))),
    ...numbers.map((name) => `${where}: env.${name} '${env[name]}' is not a number from 0`),
  ];
}

function countProblems(variant: VariantDefinition, where: string): string[] {
  return (['clones', 'workers'] as const)
    .filter(
      (field) => variant[field] !== undefined && !(Number.isInteger(variant[field]) && variant[field]! >= 1),
    )
    .map(
      (field) => `${where}: ${field} must be a whole number from 1, got ${JSON.stringify(variant[field])}`,
    );
}

/** Everything wrong with a variant's knobs for its built-in target; nothing for a service by URL. */
export function knobProblems(
  experiment: ExperimentDefinition,
  variant: VariantDefinition,
  where: string,
): string[] {
  if (isExternalTarget(experiment.target)) return [];
  return [
    ...errorsOf(
      parsed(`${where}: params`, () => resolveVariant(findTarget(experiment.target), variant.params)),
    ),
    ...(variant.env ? envProblems(variant.env, where) : []),
    ...countProblems(variant, where),
  ];
}

/**
 * The size of every server of the experiment's target: --server-size, else its serverSize, else
 * DEFAULT_SERVER_CPUS CPUs. Its own serverSize and databaseCpus are checked even when the flag sets both.
 */
export function compileServerSize(
  experiment: ExperimentDefinition,
  flag: ServerSizeRequest | undefined,
  where: string,
): Validation<ServerSizeRequest> {
  const own: Validation<ServerSizeRequest> =
    experiment.serverSize === undefined
      ? { ok: true, value: { kind: 'cpus', cpus: DEFAULT_SERVER_CPUS } }
      : parsed(`${where}: serverSize`, () => parseServerSize(experiment.serverSize!));
  const cpus = experiment.databaseCpus;
  const database =
    cpus === undefined || (typeof cpus === 'number' && cpus >= MIN_SERVER_CPUS && cpus <= MAX_SERVER_CPUS)
      ? []
      : [
          `${where}: databaseCpus must be from ${MIN_SERVER_CPUS} to ${MAX_SERVER_CPUS} CPUs, got ${JSON.stringify(cpus)}`,
        ];
  if (!own.ok || database.length > 0) return { ok: false, errors: [...errorsOf(own), ...database] };
  return { ok: true, value: flag ?? own.value };
}
