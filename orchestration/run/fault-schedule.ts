/**
 * Injects a variant's faults (kill or restart a clone or worker) at their times during a trial and
 * records when each actually happened, for the report's fault markers.
 */

import type { FaultEvent } from '../../results/schema.ts';
import type { FaultStep } from '../../scenarios/types.ts';
import type { RunningTarget } from '../../targets/target.ts';

/** a fault compiled (compile-suite.ts): its time in ms from the start of the measured part */
export interface FaultPlan extends Omit<FaultStep, 'at'> {
  atMs: number;
}

export interface ScheduledFaults {
  events: FaultEvent[];
  /** instances killed and not restarted, to bring back before the next trial */
  killed(): { kind: FaultStep['kind']; index: number }[];
  cancel(): Promise<void>;
}

/**
 * `offsetMs` is the warm-up: fault times count from the start of the measured part. `startedAt` is the
 * performance.now() time of the load's offset 0 (default: now) — the instant its seconds count from, so a
 * fault and the points around it share one time base. `onFault` hears of each as it happens, with the
 * seconds since that start (warm-up included), for live views.
 */
export function scheduleFaults(
  target: RunningTarget,
  faults: readonly FaultPlan[],
  offsetMs: number,
  onFault?: (event: FaultEvent, elapsedSeconds: number) => void,
  startedAt: number = performance.now(),
): ScheduledFaults {
  const events: FaultEvent[] = [];
  const down = new Map<string, { kind: FaultStep['kind']; index: number }>();
  const pending = new Set<Promise<void>>();
  const started = startedAt;
  const record = (kind: string, detail: string) => {
    const elapsedMs = performance.now() - started;
    const event: FaultEvent = { atSeconds: (elapsedMs - offsetMs) / 1000, kind, detail };
    events.push(event);
    onFault?.(event, elapsedMs / 1000);
  };
  const timers = faults.map((fault) =>
    setTimeout(
      () => {
        const run = inject(target, fault)
          .then(() => {
            const key = `${fault.kind}-${fault.index}`;
            if (fault.action === 'kill') down.set(key, { kind: fault.kind, index: fault.index });
            else down.delete(key);
            record(fault.action, `${fault.action} ${fault.kind} ${fault.index}`);
          })
          .catch((error: unknown) => {
            record(
              'fault-failed',
              `${fault.action} ${fault.kind} ${fault.index}: ${error instanceof Error ? error.message : error}`,
            );
          });
        pending.add(run);
      },
      Math.max(0, started + offsetMs + fault.atMs - performance.now()),
    ),
  );
  return {
    events,
    killed: () => [...down.values()],
    async cancel() {
      for (const timer of timers) clearTimeout(timer);
      await Promise.all(pending);
    },
  };
}

function inject(target: RunningTarget, fault: FaultPlan): Promise<void> {
  return fault.action === 'kill'
    ? target.kill(fault.kind, fault.index)
    : target.restart(fault.kind, fault.index);
}
