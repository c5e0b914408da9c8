import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../../../load/engine/build-outcome.ts';
import type { LoadPlan } from '../../../../load-model/plan/load-plan.ts';
import { runTrials } from '../../../../orchestration/trials/run-trials.ts';
import { buildBenchFixture } from '../../../helpers/results-fixtures.ts';

function outcome(seed: number, interrupted = false): RunOutcome {
  const { summary, histograms, series } = buildBenchFixture({ seed, seconds: 2 });
  return {
    summary,
    histograms,
    series,
    counters: {},
    trends: {},
    trendHistograms: {},
    interrupted,
    plan: 'plan',
    vusCreated: 1,
    unfinishedIterations: 0,
    eventLoopDelayP99Ms: 0,
  };
}

const load = (baseUrl: string) => ({ baseUrl }) as unknown as LoadPlan;
const now = () => new Date('2026-01-01T00:00:00.000Z');

describe('running trials one after another', () => {
  it('runs the slots in order, numbering each side’s trials from 0', async () => {
    const ran: string[] = [];
    const seen: string[] = [];
    const slots = ['a', 'b', 'a', 'b'].map((side) => ({ side, load: load(`http://${side}/`) }));
    const complete = await runTrials(slots, {
      pauseMs: 0,
      now,
      run: async (options) => {
        ran.push(options.baseUrl);
        return outcome(ran.length);
      },
      onTrial: ({ side, sequence, trial }) => {
        seen.push(`${sequence}:${side}#${trial.trial}`);
      },
    });
    expect(complete).toBe(true);
    expect(ran).toEqual(['http://a/', 'http://b/', 'http://a/', 'http://b/']);
    expect(seen).toEqual(['0:a#0', '1:b#0', '2:a#1', '3:b#1']);
  });

  it('stops at an interrupted run and does not report it', async () => {
    const seen: number[] = [];
    const slots = [1, 2, 3].map(() => ({ side: 'x', load: load('http://x/') }));
    let runs = 0;
    const complete = await runTrials(slots, {
      pauseMs: 0,
      now,
      run: async () => {
        runs += 1;
        return outcome(runs, runs === 2);
      },
      onTrial: ({ sequence }) => {
        seen.push(sequence);
      },
    });
    expect(complete).toBe(false);
    expect(seen).toEqual([0]);
    expect(runs).toBe(2);
  });

  it('an abort during the pause skips the remaining trials', async () => {
    const controller = new AbortController();
    let runs = 0;
    const complete = await runTrials(
      [1, 2].map(() => ({ side: 'x', load: load('http://x/') })),
      {
        pauseMs: 60_000,
        signal: controller.signal,
        now,
        run: async () => {
          runs += 1;
          return outcome(runs);
        },
        onTrial: () => controller.abort(),
      },
    );
    expect(complete).toBe(false);
    expect(runs).toBe(1);
  });
});
