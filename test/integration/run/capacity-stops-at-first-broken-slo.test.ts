/**
 * Capacity search against a real service: the rate doubles while the SLO holds, then it bisects; the
 * answer is the last rate that held — not capped, since the SLO did break. The service (its own process,
 * port 0) answers at once until it has seen more than 35 requests in the last second, then takes 1 s:
 * 10 and 20 hold, 40 breaks by far (p99 over 1.5 times the SLO: counted at once, not measured again), 30
 * holds, and the gap is the resolution.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type CapacityStep, findCapacity } from '../../../orchestration/run/capacity.ts';
import { externalTarget } from '../../../targets/external/external-target.ts';
import { capacityPlan } from '../../fixtures/run/capacity-experiment.ts';
import { type DelayServer, startDelayServer } from '../../fixtures/run/delay-server.ts';

let server: DelayServer;

beforeEach(async () => {
  server = await startDelayServer({ base: 0, overRate: { above: 35, delay: 1000 } });
});

afterEach(async () => {
  await server.close();
});

it('returns the last rate that held the SLO, found by growing then bisecting', async () => {
  const steps: CapacityStep[] = [];
  const capacity = await findCapacity(externalTarget(server.url), capacityPlan(server.url, 80), {
    onStep: (step) => steps.push(step),
  });
  expect(steps.map((step) => [step.rate, step.ok])).toEqual([
    [10, true],
    [20, true],
    [40, false],
    [30, true],
  ]);
  expect(steps[2]!.p99Ms).toBeGreaterThan(400);
  expect(capacity).toMatchObject({ capacity: 30, capped: false });
});

it('answers null when even the first step breaks the SLO', async () => {
  await server.setDelay({ base: 500 });
  const steps: CapacityStep[] = [];
  const capacity = await findCapacity(externalTarget(server.url), capacityPlan(server.url, 80), {
    onStep: (step) => steps.push(step),
  });
  expect(steps.map((step) => step.rate)).toEqual([10, 10]);
  expect(capacity).toMatchObject({ capacity: null, capped: false });
});
