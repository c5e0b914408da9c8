/**
 * What the dashboard page's parts share: the run's state, one section per variant, the header's text,
 * the banner and the log, number formats, and the redraw of the charts that changed (batched: at most
 * one redraw per chart every 100 ms). The body's data-* attributes (seconds, faults, state, report,
 * banner) say how far the page got, for tests.
 */
import type { LiveEvent } from '../../../results/live-events.ts';
import type { FaultMark, LiveChart } from './chart-api.ts';
import type { PageLabels } from './page-labels.ts';

/** the record of one type from the server's stream (results/live-events.ts) */
export type EventOf<T extends LiveEvent['type']> = Extract<LiveEvent, { type: T }>;

/** the figures a variant's headline shows while its trial runs: the last second's latency */
export interface LiveFigures {
  requests: number;
  errors: number;
  p50: number;
  p99: number;
}

/** one variant's section: its element, its four charts and what they have drawn */
export interface Section {
  key: string;
  el: HTMLElement;
  trial: number;
  trials: number;
  /** the trial's planned seconds (null: unknown) and its warm-up (null: none) */
  seconds: number | null;
  warmupSeconds: number | null;
  throughput: LiveChart;
  latency: LiveChart;
  share: LiveChart;
  correctness: LiveChart;
  /** the flow's counters summed over the trial's seconds */
  cumulative: Record<string, number>;
  live: LiveFigures | null;
  /** the finished trial's exact figures */
  totals: {
    requests: number;
    errors: number;
    p50: number;
    p99: number;
    correctness: Record<string, number>;
  } | null;
  faults: FaultMark[];
  capacity?: { slo: { p99Ms: number; errorRate: number }; steps: { rate: number; ok: boolean }[] };
}

export const body = document.body;
export const LABELS: PageLabels = window.scalebenchDashboardLabels;
export const sections: Record<string, Section> = {};
/** the variants' keys in the order they started */
export const order: string[] = [];
export const state = {
  total: 0,
  index: -1,
  planT: null as number | null,
  etaEnd: null as number | null,
  lastT: 0,
  seconds: 0,
  faults: 0,
  current: null as string | null,
};
let dirty: Record<string, Section> = {};
let flushTimer: number | null = null;
let bannerTimer: number | undefined;

export function text(id: string, value: string): void {
  document.getElementById(id)!.textContent = value;
}

export function wholeSeconds(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s >= 60 ? Math.floor(s / 60) + 'm ' + (s % 60) + 's' : s + 's';
}

export function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** the workshop profile: sized for a projector */
export function big(): boolean {
  return body.classList.contains('workshop');
}

export function nameOf(key: string): string {
  return LABELS.names[key] || key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export function charts(s: Section): LiveChart[] {
  return [s.throughput, s.latency, s.share, s.correctness];
}

export function markDirty(s: Section): void {
  dirty[s.key] = s;
  if (flushTimer === null) flushTimer = setTimeout(flush, 100);
}

function flush(): void {
  flushTimer = null;
  for (const key of Object.keys(dirty)) {
    for (const c of charts(dirty[key]!)) c.update('none');
  }
  dirty = {};
  body.setAttribute('data-seconds', String(state.seconds));
  body.setAttribute('data-faults', String(state.faults));
}

export function log(message: string, kind?: string): void {
  const li = document.createElement('li');
  li.textContent = message;
  if (kind) li.className = kind;
  document.getElementById('log')!.appendChild(li);
}

export function banner(message: string, kind: 'fault' | 'back' | 'capacity'): void {
  const el = document.getElementById('banner')!;
  el.textContent = message;
  el.className = kind;
  el.hidden = false;
  body.setAttribute('data-banner', kind);
  log(message, kind === 'capacity' ? 'found' : 'fault');
  clearTimeout(bannerTimer);
  bannerTimer = setTimeout(
    () => {
      el.hidden = true;
      body.removeAttribute('data-banner');
    },
    big() ? 12000 : 8000,
  );
}

/** hides the banner now, and forgets its timer */
export function clearBanner(): void {
  clearTimeout(bannerTimer);
  document.getElementById('banner')!.hidden = true;
  body.removeAttribute('data-banner');
}
