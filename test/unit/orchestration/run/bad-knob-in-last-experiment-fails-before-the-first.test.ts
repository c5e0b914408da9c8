/**
 * `run` compiles its whole suite before anything starts: a bad knob, server size or fault time in the
 * last selected experiment is bad input (SB_ERR_INVALID_CONFIG, exit 2) naming every problem with its
 * path, found at once, while the built-in experiments before it compile as they are. Nothing runs here:
 * the compiler is pure.
 */
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../../core/entry-points.ts';
import { ExitCode, ScalebenchError } from '../../../../core/errors.ts';
import { compileSuite } from '../../../../orchestration/run/compile-suite.ts';
import type { SuiteRequest } from '../../../../orchestration/run/suite-plan.ts';
import { builtinExperiments } from '../../../../scenarios/builtin.ts';
import { clonesExperiment } from '../../../../scenarios/experiments/clones.ts';
import type { ExperimentDefinition } from '../../../../scenarios/types.ts';

const loaded = (experiment: ExperimentDefinition) => ({ experiment, baseDir: packageRoot });

function request(last: ExperimentDefinition, extra: Partial<SuiteRequest> = {}): SuiteRequest {
  return {
    experiments: [...builtinExperiments.map(loaded), loaded(last)],
    profile: 'quick',
    trials: 1,
    findCapacity: undefined,
    logDir: '/logs',
    cwd: packageRoot,
    variants: [],
    options: {},
    ...extra,
  };
}

/** the clones experiment again, last, as a user's config might copy it with typos */
const typo: ExperimentDefinition = {
  ...clonesExperiment,
  name: 'my-clones',
  serverSize: '0.25 cpu',
  variants: [
    { name: 'fine', params: { session: 'redis' } },
    {
      name: 'typos',
      params: { session: 'redsi', afinity: 'none' },
      clones: 0,
      env: { PAGE_COST_MS: 'two', ORDERS_SEED: 'customers=0', REPLICA_APPLY_DELAY_MS: 'soon' },
      faults: [{ at: '2 s', action: 'kill', kind: 'clone', index: 0 }],
    },
  ],
};

function compileError(suite: SuiteRequest): ScalebenchError {
  try {
    compileSuite(suite);
  } catch (error: unknown) {
    if (error instanceof ScalebenchError) return error;
    throw error;
  }
  throw new Error('the suite compiled');
}

describe('a bad knob in the last experiment', () => {
  it('is bad input naming every problem with its path, before the first experiment runs', () => {
    const error = compileError(request(typo));
    expect(error.code).toBe('SB_ERR_INVALID_CONFIG');
    expect(error.exitCode).toBe(ExitCode.badInput);
    // the experiments before it are fine: every problem is the last one's
    expect(error.message).not.toMatch(/experiment '(clones|caching|async|database)'/);
    for (const expected of [
      /experiment 'my-clones': serverSize: bad server size '0\.25 cpu' \(give CPUs per server/,
      /experiment 'my-clones'\/typos: params: bad variant for target clones: session=redsi is not one of redis\|memory; no knob 'afinity' \(its knobs are session=redis\|memory, affinity=none\|sticky/,
      /experiment 'my-clones'\/typos: env: bad target configuration: PAGE_COST_MS: /,
      /experiment 'my-clones'\/typos: env: bad ORDERS_SEED: customers=0 is not a positive integer/,
      /experiment 'my-clones'\/typos: env\.REPLICA_APPLY_DELAY_MS 'soon' is not a number from 0;/,
      /experiment 'my-clones'\/typos: clones must be a whole number from 1, got 0$/,
      /experiment 'my-clones'\/typos: faults\[0\]\.at "2 s" is not a duration/,
    ]) {
      expect(error.message).toMatch(expected);
    }
  });

  it('is found even when only the last experiment and its bad variant are selected', () => {
    const error = compileError(request(typo, { variants: ['typos'] }));
    expect(error.message).toContain("experiment 'my-clones'/typos: params:");
    expect(error.message).not.toContain("experiment 'clones'");
  });

  it("checks the experiment's own server size even when --server-size sets every server", () => {
    const error = compileError(request(typo, { serverSize: { kind: 'cpus', cpus: 0.5 } }));
    expect(error.message).toContain("experiment 'my-clones': serverSize: bad server size '0.25 cpu'");
  });

  it('leaves an unselected variant alone: only what runs is compiled', () => {
    const plan = compileSuite(request({ ...typo, serverSize: '0.25' }, { variants: ['fine'] }));
    expect(plan.queue.map((item) => `${item.experiment.name}/${item.variant.name}`)).toEqual([
      'my-clones/fine',
    ]);
    expect(plan.queue[0]!.server).toEqual({ kind: 'cpus', cpus: 0.25 });
  });
});

describe('the suite as compiled', () => {
  it('holds every quick variant in milliseconds, the experiment before it untouched by its neighbour', () => {
    const plan = compileSuite(request({ ...typo, serverSize: '0.5', variants: [typo.variants[0]!] }));
    expect(plan.experiments).toEqual(['clones', 'caching', 'async', 'database', 'my-clones']);
    const clones = plan.queue.find((item) => item.variant.name === 'stateless-2')!;
    expect(clones.faults).toEqual([{ action: 'kill', kind: 'clone', index: 0, atMs: 2000 }]);
    expect(clones.trial).toMatchObject({ warmupMs: 1000, timeoutMs: 10_000 });
    expect(clones.capacity).toMatchObject({ startRate: 60, stepMs: 2000, step: { warmupMs: 300 } });
    expect(plan.queue.at(-1)!.server).toEqual({ kind: 'cpus', cpus: 0.5 });
  });
});
