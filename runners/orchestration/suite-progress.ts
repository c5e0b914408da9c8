/**
 * Progress of `scalebench run`: which experiment, variant and trial is running and the time left — a live
 * line on a terminal, plain lines in CI logs, nothing when quiet.
 */
import { formatProgress } from '../progress/progress-printer.ts';
import type { SuiteEvent } from './events.ts';

export interface SuiteProgressOptions {
  write: (text: string) => void;
  isTTY: boolean;
  quiet: boolean;
}

/** time left as 2m 35s or 35s: a countdown needs no milliseconds */
function wholeSeconds(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds >= 60 ? `${Math.floor(seconds / 60)}m ${seconds % 60}s` : `${seconds}s`;
}

export function createSuiteProgress(options: SuiteProgressOptions): (event: SuiteEvent) => void {
  if (options.quiet) return () => {};
  let heading = '';
  let etaAt = 0;
  let live = false;
  const line = (text: string) => {
    if (live) options.write('\n');
    live = false;
    options.write(`${text}\n`);
  };
  return (event) => {
    switch (event.type) {
      case 'variant-start':
        heading = `[${event.index + 1}/${event.total}] ${event.experiment}/${event.variant}`;
        etaAt = Date.now() + event.etaSeconds * 1000;
        line(
          `${heading}: starting target (about ${wholeSeconds(event.etaSeconds * 1000)} left in the suite)`,
        );
        return;
      case 'target-ready':
        line(`${heading}: target ready at ${event.url}${event.balancer ? ` behind ${event.balancer}` : ''}`);
        return;
      case 'trial-start':
        if (event.trials > 1) line(`${heading}: trial ${event.trial + 1}/${event.trials}`);
        return;
      case 'second': {
        const left = wholeSeconds(Math.max(0, etaAt - Date.now()));
        const text = `${heading}  ${formatProgress(event.point)}  (~${left} left)`;
        if (options.isTTY) {
          options.write(`\r\x1b[2K${text}`);
          live = true;
        } else if (event.point.elapsedSeconds % 5 === 0) line(text);
        return;
      }
      case 'capacity-step':
        line(
          `${heading}: capacity ${event.rate}/s → p99 ${event.p99Ms.toFixed(1)} ms, errors ${(event.errorRate * 100).toFixed(2)}% ${event.ok ? 'ok' : `SLO broken (${event.broken ?? 'p99 or errors'})`}${event.hostIdle === null ? '' : `, host idle ${(event.hostIdle * 100).toFixed(0)}%`}`,
        );
        return;
      case 'variant-done': {
        line(
          `${heading}: done${event.failedThresholds > 0 ? `, ${event.failedThresholds} threshold(s) failed` : ''}${event.valid ? '' : ', INVALID (generator saturated)'}`,
        );
        // correctness on evidence and the pattern's failure, yellow on a terminal so they are not missed
        const mark =
          options.isTTY && event.clean === false
            ? (text: string) => `\x1b[33m${text}\x1b[0m`
            : (text: string) => text;
        for (const verdict of event.verdicts ?? []) line(mark(`${heading}:   ${verdict}`));
        return;
      }
      case 'warning':
        line(`warning: ${event.message}`);
        return;
      case 'variants-skipped':
        line(`skipped ${event.variants.join(', ')}: ${event.reason} — hint: ${event.remedy}`);
        return;
    }
  };
}
