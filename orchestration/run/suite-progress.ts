/**
 * Progress of `scalebench run`: which experiment, variant and trial is running and the time left — a live
 * line on a terminal, plain lines in CI logs, nothing when quiet. What an audience must not miss is
 * announced on a line of its own, as the live page's banners: a fault injected, a clone back, a capacity
 * search begun (its SLO) and its result.
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

const sloText = (slo: { p99Ms: number; errorRate: number }) =>
  `p99 ≤ ${slo.p99Ms} ms, errors ≤ ${(slo.errorRate * 100).toFixed(0)}%`;

/** 'clone 0 killed at 3.0 s (2.0 s after the warm-up)', 'clone 0 is back at 9.0 s' */
export function faultAnnouncement(event: Extract<SuiteEvent, { type: 'fault' }>): string {
  const at = `${event.elapsedSeconds.toFixed(1)} s`;
  const after =
    event.elapsedSeconds - event.atSeconds > 0.05
      ? ` (${event.atSeconds.toFixed(1)} s after the warm-up)`
      : '';
  const match = /^(kill|restart) (\w+) (\d+)$/.exec(event.detail);
  if (!match) return `${event.detail} at ${at}${after}`;
  return match[1] === 'kill'
    ? `${match[2]} ${match[3]} killed at ${at}${after}`
    : `${match[2]} ${match[3]} is back at ${at}${after}`;
}

/** why a capacity step counts as it does, as on the live page's capacity panel */
function stepVerdict(
  event: Extract<SuiteEvent, { type: 'capacity-step' }>,
  previous: typeof event | undefined,
) {
  const again = previous?.rate === event.rate && !previous.ok;
  if (event.ok) return again ? 'held on a second measurement: counts as held' : 'held';
  const why = event.broken ?? 'p99 or errors';
  if (again) return `broke again: counts as broken (${why})`;
  if (event.marginal === false) return `broke by far: counts at once (${why})`;
  return `broke by a little: measured again (${why})`;
}

/** `scalebench run (default): clones 7, caching 3 variants × 3 trials, about 13m left` */
export function planLine(event: Extract<SuiteEvent, { type: 'plan' }>): string {
  const counts = new Map<string, number>();
  for (const { experiment } of event.variants) counts.set(experiment, (counts.get(experiment) ?? 0) + 1);
  const rate = (name: string) => (event.rates?.[name] ? ` (${event.rates[name]})` : '');
  const experiments = [...counts].map(([name, count]) => `${name} ${count}${rate(name)}`).join(', ');
  const trials = `${event.trials} trial${event.trials === 1 ? '' : 's'}`;
  return `${event.title}: ${experiments} variants × ${trials} each; about ${wholeSeconds(event.etaSeconds * 1000)} in all`;
}

export function createSuiteProgress(options: SuiteProgressOptions): (event: SuiteEvent) => void {
  if (options.quiet) return () => {};
  let heading = '';
  let etaAt = 0;
  let live = false;
  let previousStep: Extract<SuiteEvent, { type: 'capacity-step' }> | undefined;
  const line = (text: string) => {
    if (live) options.write('\n');
    live = false;
    options.write(`${text}\n`);
  };
  /** a banner: bold on colour on a terminal, between stars in a log */
  const announce = (text: string, colour: 'red' | 'green' | 'blue') => {
    const code = { red: '41', green: '42', blue: '44' }[colour];
    line(options.isTTY ? `\x1b[1;97;${code}m ${heading}: ${text} \x1b[0m` : `*** ${heading}: ${text} ***`);
  };
  return (event) => {
    switch (event.type) {
      case 'plan':
        if (event.command === 'run') line(planLine(event));
        return;
      case 'variant-start':
        heading = `[${event.index + 1}/${event.total}] ${event.experiment}/${event.variant}`;
        etaAt = Date.now() + event.etaSeconds * 1000;
        line(
          `${heading}: starting target (about ${wholeSeconds(event.etaSeconds * 1000)} left in the suite)`,
        );
        if (event.description) line(`${heading}: ${event.description}`);
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
      case 'fault': {
        const text = faultAnnouncement(event);
        announce(text, /is back/.test(text) ? 'green' : 'red');
        return;
      }
      case 'capacity-start':
        previousStep = undefined;
        line(`${heading}: searching capacity (${sloText(event.slo)}), from ${event.startRate}/s…`);
        return;
      case 'capacity-step':
        line(
          `${heading}:   step ${event.rate}/s: p99 ${event.p99Ms.toFixed(1)} ms, errors ${(event.errorRate * 100).toFixed(2)}%${event.hostIdle === null ? '' : `, host idle ${(event.hostIdle * 100).toFixed(0)}%`} → ${stepVerdict(event, previousStep)}`,
        );
        previousStep = event;
        return;
      case 'capacity-done':
        announce(
          event.capacity === null
            ? `no rate held (${sloText(event.slo)})`
            : `capacity ${event.capped ? '≥ ' : ''}${event.capacity}/s (${sloText(event.slo)})`,
          'blue',
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
      case 'comparison-rate':
        line(`${event.experiment}: variants compared at ${event.rate}/s (${event.reason})`);
        return;
      case 'variants-skipped':
        line(`skipped ${event.variants.join(', ')}: ${event.reason} — hint: ${event.remedy}`);
        return;
    }
  };
}
