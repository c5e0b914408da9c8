/**
 * Samples replica lag every ~50 ms (the lag that breaks read-your-writes lasts milliseconds, and a
 * once-a-second scrape would almost always land on a caught-up replica) and keeps the peak: takePeak()
 * answers the largest lag ms and bytes seen since the previous takePeak(), then starts over. A sample's
 * lag ms is the larger of PostgreSQL's last measured replay delay (pg_stat_replication.replay_lag: every
 * burst of replayed WAL, however short) and, while the replica is behind, how long the waiting WAL has
 * waited so far (lag-window.ts; this is what grows while replay is stuck or paused).
 */
import { type LagReading, LagWindow } from './lag-window.ts';

export interface LagPeak {
  /** the largest lag in ms over the interval (lag-window.ts says how it is measured) */
  lagMs: number;
  /** the largest WAL byte distance over the interval */
  lagBytes: number;
  /** samples in the interval; 0 means none completed, and the figures are the last sample's */
  samples: number;
}

/** The peak of the samples recorded since the last take(). */
export class PeakLag {
  private peak: LagPeak | undefined;
  private last: LagPeak | undefined;

  record(lagMs: number, lagBytes: number): void {
    this.last = { lagMs, lagBytes, samples: 0 };
    const peak = this.peak ?? { lagMs: 0, lagBytes: 0, samples: 0 };
    this.peak = {
      lagMs: Math.max(peak.lagMs, lagMs),
      lagBytes: Math.max(peak.lagBytes, lagBytes),
      samples: peak.samples + 1,
    };
  }

  take(): LagPeak | undefined {
    const peak = this.peak ?? this.last;
    this.peak = undefined;
    return peak;
  }
}

export interface LagMonitor {
  takePeak(): LagPeak | undefined;
  stop(): Promise<void>;
}

export interface LagMonitorOptions {
  /** pause between the end of one sample and the start of the next; default 50 ms */
  intervalMs?: number;
  /** a failed sample (e.g. the replica restarting) is skipped; this hears about it */
  onError?: (error: unknown) => void;
}

export function startLagMonitor(
  sample: () => Promise<LagReading & { lagBytes: number }>,
  options: LagMonitorOptions = {},
): LagMonitor {
  const window = new LagWindow();
  const peak = new PeakLag();
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      const reading = await sample();
      const lagMs = Math.max(window.observe(reading), reading.measuredReplayLagMs ?? 0);
      peak.record(Math.round(lagMs * 100) / 100, reading.lagBytes);
    } catch (error: unknown) {
      options.onError?.(error);
    }
    if (!stopped) timer = setTimeout(schedule, options.intervalMs ?? 50).unref();
  };
  const schedule = () => {
    running = tick();
  };
  schedule();
  return {
    takePeak: () => peak.take(),
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
