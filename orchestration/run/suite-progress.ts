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

type EventOf<T extends SuiteEvent['type']> = Extract<SuiteEvent, { type: T }>;

/** The terminal's lines for a run: what is running (the heading), its live line, the last capacity step. */
class SuiteProgress {
  private heading = '';
  private etaAt = 0;
  private live = false;
  private previousStep: EventOf<'capacity-step'> | undefined;

  constructor(private readonly options: SuiteProgressOptions) {}

  handle(event: SuiteEvent): void {
    switch (event.type) {
      case 'plan':
        if (event.command === 'run') this.line(planLine(event));
        break;
      case 'variant-start':
        this.variantStart(event);
        break;
      case 'target-ready':
        this.line(
          `${this.heading}: target ready at ${event.url}${event.balancer ? ` behind ${event.balancer}` : ''}`,
        );
        break;
      case 'trial-start':
        if (event.trials > 1) this.line(`${this.heading}: trial ${event.trial + 1}/${event.trials}`);
        break;
      case 'second':
        this.second(event);
        break;
      case 'fault': {
        const text = faultAnnouncement(event);
        this.announce(text, /is back/.test(text) ? 'green' : 'red');
        break;
      }
      case 'capacity-start':
        this.previousStep = undefined;
        this.line(`${this.heading}: searching capacity (${sloText(event.slo)}), from ${event.startRate}/s…`);
        break;
      case 'capacity-step':
        this.capacityStep(event);
        break;
      case 'capacity-done':
        this.capacityDone(event);
        break;
      case 'variant-done':
        this.variantDone(event);
        break;
      default:
        this.notice(event);
    }
  }

  /** what is said on a line of its own, whatever runs */
  private notice(event: SuiteEvent): void {
    if (event.type === 'warning') this.line(`warning: ${event.message}`);
    else if (event.type === 'comparison-rate')
      this.line(`${event.experiment}: variants compared at ${event.rate}/s (${event.reason})`);
    else if (event.type === 'variants-skipped')
      this.line(`skipped ${event.variants.join(', ')}: ${event.reason} — hint: ${event.remedy}`);
  }

  private line(text: string): void {
    if (this.live) this.options.write('\n');
    this.live = false;
    this.options.write(`${text}\n`);
  }

  /** a banner: bold on colour on a terminal, between stars in a log */
  private announce(text: string, colour: 'red' | 'green' | 'blue'): void {
    const code = { red: '41', green: '42', blue: '44' }[colour];
    const heading = this.heading;
    this.line(
      this.options.isTTY ? `\x1b[1;97;${code}m ${heading}: ${text} \x1b[0m` : `*** ${heading}: ${text} ***`,
    );
  }

  private variantStart(event: EventOf<'variant-start'>): void {
    this.heading = `[${event.index + 1}/${event.total}] ${event.experiment}/${event.variant}`;
    this.etaAt = Date.now() + event.etaSeconds * 1000;
    this.line(
      `${this.heading}: starting target (about ${wholeSeconds(event.etaSeconds * 1000)} left in the suite)`,
    );
    if (event.description) this.line(`${this.heading}: ${event.description}`);
  }

  private second(event: EventOf<'second'>): void {
    const left = wholeSeconds(Math.max(0, this.etaAt - Date.now()));
    const text = `${this.heading}  ${formatProgress(event.point)}  (~${left} left)`;
    if (this.options.isTTY) {
      this.options.write(`\r\x1b[2K${text}`);
      this.live = true;
    } else if (event.point.elapsedSeconds % 5 === 0) this.line(text);
  }

  private capacityStep(event: EventOf<'capacity-step'>): void {
    const idle = event.hostIdle === null ? '' : `, host idle ${(event.hostIdle * 100).toFixed(0)}%`;
    this.line(
      `${this.heading}:   step ${event.rate}/s: p99 ${event.p99Ms.toFixed(1)} ms, errors ${(event.errorRate * 100).toFixed(2)}%${idle} → ${stepVerdict(event, this.previousStep)}`,
    );
    this.previousStep = event;
  }

  private capacityDone(event: EventOf<'capacity-done'>): void {
    this.announce(
      event.capacity === null
        ? `no rate held (${sloText(event.slo)})`
        : `capacity ${event.capped ? '≥ ' : ''}${event.capacity}/s (${sloText(event.slo)})`,
      'blue',
    );
  }

  private variantDone(event: EventOf<'variant-done'>): void {
    this.line(
      `${this.heading}: done${event.failedThresholds > 0 ? `, ${event.failedThresholds} threshold(s) failed` : ''}${event.valid ? '' : ', INVALID (generator saturated)'}`,
    );
    // correctness on evidence and the pattern's failure, yellow on a terminal so they are not missed
    const mark =
      this.options.isTTY && event.clean === false
        ? (text: string) => `\x1b[33m${text}\x1b[0m`
        : (text: string) => text;
    for (const verdict of event.verdicts ?? []) this.line(mark(`${this.heading}:   ${verdict}`));
  }
}

export function createSuiteProgress(options: SuiteProgressOptions): (event: SuiteEvent) => void {
  if (options.quiet) return () => {};
  const progress = new SuiteProgress(options);
  return (event) => progress.handle(event);
}
