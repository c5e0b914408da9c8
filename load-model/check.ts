/**
 * Collects every problem of a piece of load configuration with its path (`executor.stages[1].duration
 * ...`), so a user fixes a scenario in one pass (k6 executor configs return all their errors too).
 */
import { durationMs } from './duration.ts';

export type Obj = Record<string, unknown>;

export const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export class Check {
  readonly errors: string[] = [];
  number(
    obj: Obj,
    key: string,
    where: string,
    opts: { min?: number; integer?: boolean; optional?: boolean },
  ) {
    const value = obj[key];
    if (value === undefined) {
      if (!opts.optional) this.errors.push(`${where}.${key} is required`);
      return;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.errors.push(`${where}.${key} must be a number, got ${JSON.stringify(value)}`);
    } else if (opts.integer && !Number.isInteger(value)) {
      this.errors.push(`${where}.${key} must be a whole number, got ${value}`);
    } else if (opts.min !== undefined && value < opts.min) {
      this.errors.push(`${where}.${key} must be at least ${opts.min}, got ${value}`);
    }
  }
  positive(obj: Obj, key: string, where: string) {
    const value = obj[key];
    if (typeof value === 'number' && value <= 0) this.errors.push(`${where}.${key} must be greater than 0`);
    else this.number(obj, key, where, {});
  }
  duration(obj: Obj, key: string, where: string, opts: { optional?: boolean; positive?: boolean } = {}) {
    const value = obj[key];
    if (value === undefined) {
      if (!opts.optional) this.errors.push(`${where}.${key} is required`);
      return;
    }
    const ms = durationMs(value);
    if (ms === null) {
      this.errors.push(`${where}.${key} ${JSON.stringify(value)} is not a duration (use 250ms, 30s, 2m, 1h)`);
    } else if (opts.positive && ms <= 0) {
      this.errors.push(`${where}.${key} must be longer than 0`);
    }
  }
  stages(obj: Obj, where: string, integer: boolean) {
    const stages = obj['stages'];
    if (!Array.isArray(stages) || stages.length === 0) {
      this.errors.push(`${where}.stages must be a non-empty list of { duration, target }`);
      return;
    }
    stages.forEach((stage: unknown, i) => {
      const at = `${where}.stages[${i}]`;
      if (!isObject(stage)) {
        this.errors.push(`${at} must be an object`);
        return;
      }
      this.duration(stage, 'duration', at);
      this.number(stage, 'target', at, { min: 0, integer });
    });
  }
}
