/**
 * When every step up to maxRate holds the SLO, the search has not found where it breaks: it answers
 * maxRate as a floor (capped). A search cut short by its signal is not capped, even though no step broke.
 * The service (its own process, port 0) answers at once, so steps 10, 20, 30 all hold.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type CapacityStep, findCapacity } from '../../../orchestration/run/capacity.ts';
import { externalTarget } from '../../../targets/external/external-target.ts';
import { capacityPlan } from '../../fixtures/run/capacity-experiment.ts';
import { type DelayServer, startDelayServer } from '../../fixtures/run/delay-server.ts';

let server: DelayServer;

beforeEach(async () => {
  server = await startDelayServer({ base: 0 });
});

afterEach(async () => {
  await server.close();
});

it('answers maxRate as capped when every step held the SLO', async () => {
  const steps: CapacityStep[] = [];
  const result = await findCapacity(externalTarget(server.url), capacityPlan(server.url, 30), {
    onStep: (step) => steps.push(step),
  });
  expect(steps.map((step) => [step.rate, step.ok])).toEqual([
    [10, true],
    [20, true],
    [30, true],
  ]);
  expect(result).toMatchObject({ capacity: 30, capped: true });
});

it('is not capped when the search is aborted before reaching maxRate', async () => {
  const controller = new AbortController();
  const steps: CapacityStep[] = [];
  const result = await findCapacity(externalTarget(server.url), capacityPlan(server.url, 30), {
    signal: controller.signal,
    onStep: (step) => {
      steps.push(step);
      controller.abort();
    },
  });
  expect(steps.map((step) => [step.rate, step.ok])).toEqual([[10, true]]);
  expect(result).toMatchObject({ capacity: 10, capped: false });
});
