/**
 * Progress while a run goes: one live line rewritten in place on a terminal; plain lines every few
 * seconds otherwise (CI logs); nothing when quiet.
 */
import type { ProgressPoint } from '../../load/engine/progress-point.ts';

export interface ProgressPrinterOptions {
  write: (text: string) => void;
  isTTY: boolean;
  quiet: boolean;
  /** plain mode: print every this many seconds (default 5) */
  everySeconds?: number;
}

export interface ProgressPrinter {
  onSecond(point: ProgressPoint): void;
  /** ends the live line so the next output starts on a fresh line */
  finish(): void;
}

/**
 * One second, every figure named: per-second figures as such, the running error total apart —
 * `   5s  37 requests/s (planned 30 iterations/s)  p50 2.73 ms  p99 11.98 ms  errors 3 this second, 66 in all`
 */
export function formatProgress(point: ProgressPoint): string {
  const phase = point.warmup ? ' (warm-up)' : '';
  const target = point.targetRate === null ? '' : ` (planned ${point.targetRate.toFixed(0)} iterations/s)`;
  return (
    `${String(point.elapsedSeconds).padStart(4)}s${phase}  ${point.requests} requests/s${target}  ` +
    `p50 ${point.p50.toFixed(2)} ms  p99 ${point.p99.toFixed(2)} ms  ` +
    `errors ${point.errors} this second, ${point.totalErrors} in all`
  );
}

export function createProgressPrinter(options: ProgressPrinterOptions): ProgressPrinter {
  let live = false;
  if (options.quiet) return { onSecond: () => {}, finish: () => {} };
  if (options.isTTY) {
    return {
      onSecond(point) {
        live = true;
        options.write(`\r\x1b[2K${formatProgress(point)}`);
      },
      finish() {
        if (live) options.write('\n');
        live = false;
      },
    };
  }
  const every = options.everySeconds ?? 5;
  return {
    onSecond(point) {
      if (point.elapsedSeconds % every === 0) options.write(`${formatProgress(point)}\n`);
    },
    finish() {},
  };
}
