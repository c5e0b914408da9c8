/**
 * The shape of load over time, as piecewise-linear segments: an executor's levels (its module's) after
 * a warm-up at the model's initial level. Arrival-rate models give rate segments (iterations per
 * timeUnit); VU models give VU-count segments.
 */
import type { Level } from '../executors/executor-module.ts';
import { type ExecutorPlan, executorOf } from '../executors/registry.ts';

export interface Segment extends Level {
  startMs: number;
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

function chain(levels: Level[], warmupMs: number): Segment[] {
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

/** The profile of a compiled executor (a whole load's or one thread's share). */
export function buildProfile(executor: ExecutorPlan, warmupMs: number): Profile {
  const module = executorOf(executor);
  const segments = chain(module.levels(executor), warmupMs);
  const last = segments[segments.length - 1];
  const totalMs = last ? last.startMs + last.durationMs : 0;
  const kind = module.model === 'open' ? 'rate' : 'vus';
  return { kind, unitMs: module.unitMs(executor), warmupMs, segments, totalMs };
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

/** Planned iterations per second over the profile; null for closed models (and empty profiles). */
export function plannedRate(profile: Profile): number | null {
  if (profile.kind !== 'rate' || profile.totalMs === 0) return null;
  const planned = profile.segments.reduce(
    (sum, s) => sum + (((s.from + s.to) / 2) * s.durationMs) / profile.unitMs,
    0,
  );
  return (planned * 1000) / profile.totalMs;
}
