/** Stages (ramping executors): compiled to ms, chained into levels, written for people and for k6. */

import type { DurationInput } from '../duration.ts';
import { formatDuration, toMs } from '../duration.ts';
import type { Level } from './executor-module.ts';

export interface StagePlan {
  durationMs: number;
  /** level reached (linearly) at the end of the stage */
  target: number;
}

export function compileStages(stages: { duration: DurationInput; target: number }[]): StagePlan[] {
  return stages.map((stage) => ({ durationMs: toMs(stage.duration, 0), target: stage.target }));
}

/** each stage from the level the previous one reached (the first from `start`) to its target */
export function stageLevels(start: number, stages: StagePlan[]): Level[] {
  let level = start;
  return stages.map((stage) => {
    const segment = { durationMs: stage.durationMs, from: level, to: stage.target };
    level = stage.target;
    return segment;
  });
}

/** '100 over 10s, then 0 over 500ms' */
export function describeStages(stages: StagePlan[]): string {
  return stages.map((s) => `${s.target} over ${formatDuration(s.durationMs)}`).join(', then ');
}

export function k6Stages(stages: StagePlan[]): { duration: string; target: number }[] {
  return stages.map((stage) => ({ duration: formatDuration(stage.durationMs), target: stage.target }));
}

/** Share i of n of a whole count: the remainder goes to the first ones. */
export function shareOf(total: number, index: number, count: number): number {
  return Math.floor(total / count) + (index < total % count ? 1 : 0);
}
