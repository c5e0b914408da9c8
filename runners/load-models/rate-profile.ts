/**
 * The shape of load over time, as piecewise-linear segments. Arrival-rate models become rate segments
 * (iterations per ms); VU models become VU-count segments. Warm-up is a leading constant segment at
 * the model's initial level.
 */
import { toMs } from '../../load-model/duration.ts';
import type { ExecutorConfig } from '../../load-model/types.ts';

export interface Segment {
  startMs: number;
  durationMs: number;
  /** level at the start and at the end of the segment (rate per timeUnit, or VUs) */
  from: number;
  to: number;
}

export interface Profile {
  kind: 'rate' | 'vus';
  /** ms per rate unit (rate profiles); 1 for VU profiles */
  unitMs: number;
  warmupMs: number;
  segments: Segment[];
  /** warm-up plus the model's own duration */
  totalMs: number;
}

function chain(levels: { durationMs: number; from: number; to: number }[], warmupMs: number): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  const first = levels[0];
  if (warmupMs > 0 && first) {
    const level = first.from > 0 ? first.from : first.to;
    segments.push({ startMs: 0, durationMs: warmupMs, from: level, to: level });
    at = warmupMs;
  }
  for (const level of levels) {
    segments.push({ startMs: at, ...level });
    at += level.durationMs;
  }
  return segments;
}

function stagesToLevels(start: number, stages: { duration: unknown; target: number }[]) {
  let level = start;
  return stages.map((stage) => {
    const segment = { durationMs: toMs(stage.duration, 0), from: level, to: stage.target };
    level = stage.target;
    return segment;
  });
}

/** Builds the profile of validated options. */
export function buildProfile(executor: ExecutorConfig, warmupMs: number): Profile {
  let kind: Profile['kind'];
  let unitMs = 1;
  let levels: { durationMs: number; from: number; to: number }[];
  switch (executor.executor) {
    case 'constant-arrival-rate':
      kind = 'rate';
      unitMs = toMs(executor.timeUnit, 1000);
      levels = [{ durationMs: toMs(executor.duration, 0), from: executor.rate, to: executor.rate }];
      break;
    case 'ramping-arrival-rate':
      kind = 'rate';
      unitMs = toMs(executor.timeUnit, 1000);
      levels = stagesToLevels(executor.startRate ?? 0, executor.stages);
      break;
    case 'constant-vus':
      kind = 'vus';
      levels = [{ durationMs: toMs(executor.duration, 0), from: executor.vus, to: executor.vus }];
      break;
    case 'ramping-vus':
      kind = 'vus';
      levels = stagesToLevels(executor.startVUs ?? 1, executor.stages);
      break;
  }
  const segments = chain(levels, warmupMs);
  const last = segments[segments.length - 1];
  const totalMs = last ? last.startMs + last.durationMs : 0;
  return { kind, unitMs, warmupMs, segments, totalMs };
}

/** Level (rate per unit, or VUs) at a time offset, linearly interpolated. */
export function levelAt(profile: Profile, ms: number): number {
  for (const segment of profile.segments) {
    if (ms < segment.startMs + segment.durationMs) {
      if (segment.durationMs === 0) continue;
      const fraction = Math.max(0, ms - segment.startMs) / segment.durationMs;
      return segment.from + (segment.to - segment.from) * fraction;
    }
  }
  const last = profile.segments[profile.segments.length - 1];
  return last ? last.to : 0;
}

/** Largest level anywhere in the profile (peak rate or peak VUs). */
export function peakLevel(profile: Profile): number {
  return profile.segments.reduce((peak, segment) => Math.max(peak, segment.from, segment.to), 0);
}
