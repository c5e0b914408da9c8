/**
 * Runs load trials one after another, a pause between them: the trials of `bench --trials N`, or both
 * sides' trials of `ab` in their chosen order. Each trial is a whole load run with its own warm-up and
 * histograms; `onTrial` hears of each as it ends (so results are rewritten after every trial). Ctrl-C
 * ends the trial running now (its partial numbers are dropped) and skips the rest.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { RunOutcome } from '../../load/engine/build-outcome.ts';
import { runPlan } from '../../load/engine/run-load.ts';
import type { LoadPlan } from '../../load-model/plan/load-plan.ts';
import type { BenchTrial } from '../../results/schema.ts';
import { streamMetrics } from '../progress/stream-summary.ts';

export interface TrialSlot<Side> {
  side: Side;
  load: LoadPlan;
}

export interface FinishedTrial<Side> {
  side: Side;
  /** position in the run order, from 0 */
  sequence: number;
  /** this side's trial number, from 0 */
  trial: BenchTrial;
  outcome: RunOutcome;
}

export interface TrialHooks<Side> {
  pauseMs: number;
  signal?: AbortSignal;
  onTrialStart?: (slot: TrialSlot<Side>, sequence: number) => void;
  onTrial: (finished: FinishedTrial<Side>) => Promise<void> | void;
  /** a load run; runPlan unless a test says otherwise */
  run?: (load: LoadPlan, signal: AbortSignal | undefined) => Promise<RunOutcome>;
  now?: () => Date;
}

/** Resolves true when every trial ran, false when interrupted. */
export async function runTrials<Side>(slots: TrialSlot<Side>[], hooks: TrialHooks<Side>): Promise<boolean> {
  const run = hooks.run ?? ((load, signal) => runPlan(load, { signal }));
  const now = hooks.now ?? (() => new Date());
  const perSide = new Map<Side, number>();
  for (const [sequence, slot] of slots.entries()) {
    if (sequence > 0 && hooks.pauseMs > 0) {
      const paused = await sleep(hooks.pauseMs, true, { signal: hooks.signal }).catch(() => false);
      if (!paused) return false;
    }
    if (hooks.signal?.aborted) return false;
    hooks.onTrialStart?.(slot, sequence);
    const startedAt = now().toISOString();
    const outcome = await run(slot.load, hooks.signal);
    if (outcome.interrupted) return false;
    const index = perSide.get(slot.side) ?? 0;
    perSide.set(slot.side, index + 1);
    const trial: BenchTrial = {
      trial: index,
      startedAt,
      summary: outcome.summary,
      histograms: outcome.histograms,
      ...(outcome.phaseHistograms ? { phaseHistograms: outcome.phaseHistograms } : {}),
      ...(outcome.protocol ? { protocol: outcome.protocol } : {}),
      series: outcome.series,
      // a WebSocket or event-stream trial keeps its own metrics, which the pooled result merges
      ...streamMetrics(outcome),
    };
    await hooks.onTrial({ side: slot.side, sequence, trial, outcome });
  }
  return true;
}
