/**
 * The registry lists every executor, and every executor module implements the whole interface: its
 * checks, its compiled plan, shape, VU pool, sentence, split and k6 scenario (one file per executor).
 */
import { describe, expect, it } from 'vitest';
import { Check } from '../../../../load-model/check.ts';
import type { ExecutorModule } from '../../../../load-model/executors/executor-module.ts';
import { executorNames, executors } from '../../../../load-model/executors/registry.ts';
import { compileLoadPlan } from '../../../../load-model/plan/compile-plan.ts';

// biome-ignore lint/suspicious/noExplicitAny: any executor's module
type AnyModule = ExecutorModule<any, any>;
type SomeModule = ExecutorModule<{ executor: string }, { executor: string }>;
type Method = {
  [K in keyof SomeModule]: SomeModule[K] extends (...args: never[]) => unknown ? K : never;
}[keyof SomeModule];

/** every method of the interface: a key missing here, or one the interface lacks, fails the type check */
const methods: { [K in Method]: true } = {
  validate: true,
  normalize: true,
  unitMs: true,
  levels: true,
  peakRatePerSecond: true,
  vuPool: true,
  describe: true,
  split: true,
  hasWork: true,
  k6Scenario: true,
};

const modules = Object.entries(executors) as [string, AnyModule][];

describe('every executor in the registry implements the whole interface', () => {
  it('the registry has the executors the language knows', () => {
    expect(executorNames).toEqual([
      'constant-arrival-rate',
      'ramping-arrival-rate',
      'constant-vus',
      'ramping-vus',
    ]);
  });

  for (const [name, module] of modules) {
    describe(name, () => {
      const check = () => new Check();

      it('is listed under its own name, with its model, fields and a valid example', () => {
        expect(module.name).toBe(name);
        expect(['open', 'closed']).toContain(module.model);
        expect(module.fields.length).toBeGreaterThan(0);
        expect(module.example.executor).toBe(name);
        for (const field of Object.keys(module.example).filter((key) => key !== 'executor'))
          expect(module.fields).toContain(field);
        const c = check();
        module.validate(module.example, c, 'executor');
        expect(c.errors).toEqual([]);
      });

      it('has every method', () => {
        for (const method of Object.keys(methods))
          expect(typeof module[method as Method], method).toBe('function');
      });

      it('finds every error of an empty config at once, each with its path', () => {
        const c = check();
        module.validate({ executor: name }, c, 'executor');
        expect(c.errors.length).toBeGreaterThan(0);
        for (const error of c.errors) expect(error).toMatch(/^executor\./);
      });

      it('compiles its example into a plan the rest of the interface reads', () => {
        const plan = module.normalize(module.example);
        expect(plan.executor).toBe(name);
        const compiled = compileLoadPlan({ baseUrl: 'http://127.0.0.1:1/', executor: module.example });
        expect(compiled.ok && compiled.value.executor).toEqual(plan);
        expect(JSON.stringify(plan)).not.toMatch(/"(duration|timeUnit)"/); // durations in ms only
        const levels = module.levels(plan);
        expect(levels.length).toBeGreaterThan(0);
        expect(levels.reduce((sum, level) => sum + level.durationMs, 0)).toBeGreaterThan(0);
        expect(module.unitMs(plan)).toBeGreaterThan(0);
        const rate = module.peakRatePerSecond(plan);
        expect(module.model === 'open' ? rate > 0 : rate === 0).toBe(true);
        const pool = module.vuPool(plan);
        expect(pool.max).toBeGreaterThanOrEqual(pool.preAllocated);
        expect(module.describe(plan)).toMatch(/model/);
        expect(module.split(plan, 0, 1)).toBe(plan);
        const halves = [0, 1].map((index) => module.split(plan, index, 2));
        expect(halves.some((half) => module.hasWork(half))).toBe(true);
        expect(module.k6Scenario(plan).executor).toBe(name);
      });
    });
  }
});
