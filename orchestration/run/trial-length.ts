/** A trial's planned length, for live views that draw its whole time axis from the start. */
import { durationMs } from '../../load-model/duration.ts';
import type { LoadProfile } from '../../scenarios/types.ts';

/** warm-up and measured part in seconds; `{}` when the executor's length is not known in advance */
export function trialLength(load: LoadProfile): { warmupSeconds?: number; seconds?: number } {
  const executor = load.executor;
  const runMs =
    'duration' in executor
      ? durationMs(executor.duration)
      : 'stages' in executor
        ? executor.stages.reduce((sum, stage) => sum + (durationMs(stage.duration) ?? 0), 0)
        : null;
  if (runMs === null) return {};
  const warmupMs = durationMs(load.warmup) ?? 0;
  return { warmupSeconds: warmupMs / 1000, seconds: (warmupMs + runMs) / 1000 };
}
