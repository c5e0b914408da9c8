/**
 * Golden plan files: what each representative load, `bench` invocation and built-in experiment profile
 * schedules (written from the code before the load plan and executor modules, so the refactor is held
 * to the same schedule). UPDATE_GOLDEN=1 rewrites them.
 */
import { describe, it } from 'vitest';
import { parseBenchOptions } from '../../../../cli/bench-options.ts';
import { packageRoot } from '../../../../core/entry-points.ts';
import { k6Options } from '../../../../exporters/k6/k6-options.ts';
import { generateK6Script } from '../../../../exporters/k6/k6-script.ts';
import type { LoadRunOptions } from '../../../../load-model/types.ts';
import { builtinExperiments } from '../../../../scenarios/builtin.ts';
import { type ProfileName, profileLoad } from '../../../../scenarios/types.ts';
import { expectMatchesGolden } from '../../../golden/golden.ts';
import { benchCases, executorCases } from './plan-cases.ts';
import { planSnapshot } from './plan-snapshot.ts';

const json = (value: unknown) => `${JSON.stringify(value, null, 1)}\n`;
const profiles: ProfileName[] = ['quick', 'default', 'full'];

describe('load plans schedule what they scheduled before (golden)', () => {
  for (const [name, options] of Object.entries(executorCases)) {
    it(`executor case ${name}`, () => {
      expectMatchesGolden(`test/golden/plans/executor-${name}.json`, json(planSnapshot(options)));
    });
  }

  for (const [name, { url, flags }] of Object.entries(benchCases)) {
    it(`bench invocation ${name}`, () => {
      const { load } = parseBenchOptions(url, flags, '/work', {});
      expectMatchesGolden(`test/golden/plans/${name}.json`, json({ load, ...planSnapshot(load) }));
    });
  }

  for (const experiment of builtinExperiments) {
    it(`experiment ${experiment.name}: quick profile load, k6 options of every profile`, () => {
      const load = profileLoad(experiment, 'quick');
      const options: LoadRunOptions = {
        baseUrl: 'http://127.0.0.1:8080/',
        executor: load.executor,
        warmup: load.warmup,
        flow: experiment.flow,
        flowParams: experiment.flowParams ?? {},
        ...(experiment.timeout === undefined ? {} : { timeout: experiment.timeout }),
        ...(experiment.maxBody === undefined ? {} : { maxBody: experiment.maxBody }),
        ...(experiment.saturation === undefined ? {} : { saturation: experiment.saturation }),
      };
      const k6 = Object.fromEntries(profiles.map((profile) => [profile, k6Options(experiment, profile)]));
      expectMatchesGolden(
        `test/golden/plans/experiment-${experiment.name}.json`,
        json({ quick: planSnapshot(options), k6 }),
      );
      const { script } = generateK6Script({
        experiment,
        profile: 'quick',
        baseDir: packageRoot,
        baseUrl: 'http://127.0.0.1:8080',
        generator: 'golden',
      });
      expectMatchesGolden(`test/golden/plans/experiment-${experiment.name}-k6.js.txt`, script);
    });
  }
});
