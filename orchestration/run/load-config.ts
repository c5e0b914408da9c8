/**
 * Finds the experiments to run: the built-in ones, plus those of a user's scalebench.config.ts
 * (`export default defineConfig({ experiments: [...] })`), filtered by the names asked for.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../../core/entry-points.ts';
import { ScalebenchError } from '../../core/errors.ts';
import { builtinExperiments } from '../../scenarios/builtin.ts';
import type { ExperimentDefinition, ScalebenchConfig } from '../../scenarios/types.ts';
import { validateExperiments } from '../../scenarios/validate.ts';
import { isExternalTarget } from '../../targets/external/external-target.ts';
import { targetRegistry } from '../../targets/registry.ts';

export interface LoadedExperiment {
  experiment: ExperimentDefinition;
  /** folder its flow module path is relative to */
  baseDir: string;
}

type ConfigModule = { default?: ScalebenchConfig | { default?: ScalebenchConfig } };

/**
 * A .ts config in a folder whose package.json does not say "type": "module" compiles to CommonJS, which
 * Node's import() then cannot load (require of the ESM scalebench modules it imports); tsx's tsImport
 * loads it either way, with the export one `default` deeper.
 */
async function importModule(path: string): Promise<ScalebenchConfig | undefined> {
  let loaded: ConfigModule;
  try {
    loaded = (await import(pathToFileURL(path).href)) as ConfigModule;
  } catch (error: unknown) {
    const { tsImport } = await import('tsx/esm/api');
    loaded = (await tsImport(pathToFileURL(path).href, import.meta.url).catch(() => {
      throw error;
    })) as ConfigModule;
  }
  const exported = loaded.default;
  if (exported && !Array.isArray((exported as ScalebenchConfig).experiments) && 'default' in exported) {
    return exported.default;
  }
  return exported as ScalebenchConfig | undefined;
}

async function importConfig(path: string): Promise<ScalebenchConfig> {
  let config: ScalebenchConfig | undefined;
  try {
    config = await importModule(path);
  } catch (error: unknown) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_CONFIG',
      `cannot load ${path}: ${error instanceof Error ? error.message : error}`,
      {
        hint: 'the config must be a module with `export default defineConfig({ experiments: [...] })`',
      },
    );
  }
  if (!config || !Array.isArray(config.experiments)) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_CONFIG',
      `${path} has no default export with an experiments list`,
      {
        hint: "write `export default defineConfig({ experiments: [...] })`, defineConfig from 'scalebench/scenarios/types.ts'",
      },
    );
  }
  return config;
}

/** a target must be a built-in one or a URL; checked with everything else, before anything starts */
function unknownTargets(experiments: readonly ExperimentDefinition[]): string[] {
  return experiments
    .filter(({ target }) => typeof target === 'string' && target !== '')
    .filter(({ target }) => !isExternalTarget(target) && !Object.hasOwn(targetRegistry, target))
    .map(
      ({ name, target }) =>
        `experiment '${name}': target '${target}' is not ${Object.keys(targetRegistry).join(', ')} or a URL`,
    );
}

/** `configPath` given explicitly must exist; otherwise ./scalebench.config.ts is used when present. */
export async function loadExperiments(
  cwd: string,
  configPath: string | undefined,
): Promise<LoadedExperiment[]> {
  const all: LoadedExperiment[] = builtinExperiments.map((experiment) => ({
    experiment,
    baseDir: packageRoot,
  }));
  const path = configPath ? resolve(cwd, configPath) : resolve(cwd, 'scalebench.config.ts');
  if (configPath && !existsSync(path)) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `config file ${configPath} does not exist`, {
      hint: 'pass the path of a scalebench.config.ts',
    });
  }
  if (existsSync(path) && resolve(path) !== resolve(packageRoot, 'scalebench.config.ts')) {
    const config = await importConfig(path);
    for (const experiment of config.experiments) {
      const at = all.findIndex((loaded) => loaded.experiment.name === experiment.name);
      const entry = { experiment, baseDir: dirname(path) };
      if (at === -1) all.push(entry);
      else all[at] = entry;
    }
  }
  const errors = [
    ...validateExperiments(all.map((loaded) => loaded.experiment)),
    ...unknownTargets(all.map((loaded) => loaded.experiment)),
  ];
  if (errors.length > 0) {
    throw new ScalebenchError('SB_ERR_INVALID_CONFIG', `invalid experiments: ${errors.join('; ')}`, {
      hint: 'fix every listed problem in your scalebench.config.ts',
    });
  }
  return all;
}

export function selectExperiments(all: LoadedExperiment[], names: readonly string[]): LoadedExperiment[] {
  if (names.length === 0) return all;
  const unknown = names.filter((name) => !all.some((loaded) => loaded.experiment.name === name));
  if (unknown.length > 0) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `no experiment named ${unknown.join(', ')}`, {
      hint: `pick from ${all.map((loaded) => loaded.experiment.name).join(', ')}`,
    });
  }
  return names.map((name) => all.find((loaded) => loaded.experiment.name === name)!);
}

/** Every `--variant` name must belong to one of the selected experiments: a typo must not run nothing. */
export function checkVariantNames(selected: readonly LoadedExperiment[], names: readonly string[]): void {
  const known = [...new Set(selected.flatMap((loaded) => loaded.experiment.variants.map((v) => v.name)))];
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  const where = selected.map((loaded) => loaded.experiment.name).join(', ');
  throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `no variant named ${unknown.join(', ')} in ${where}`, {
    hint: `pick from ${known.join(', ')}`,
  });
}
