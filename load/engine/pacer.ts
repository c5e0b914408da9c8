/**
 * When each iteration is due (vegeta lib/pacer.go): a pacer yields intended start offsets in ms from
 * the start of the run and knows nothing of HTTP. Arrival k is due when the integral of the rate
 * reaches k, so a constant rate gives k × unit / rate exactly and a ramp follows the linear rate.
 */
import type { Profile, Segment } from '../../load-model/plan/profile.ts';

export interface Pacer {
  /** next intended start (ms from run start), or null once the profile is over */
  next(): number | null;
  /** arrivals handed out so far */
  readonly issued: number;
}

/** Arrivals contained in a segment (possibly fractional). */
function segmentCount(segment: Segment, unitMs: number): number {
  return (((segment.from + segment.to) / 2) * segment.durationMs) / unitMs;
}

/** Offset inside the segment at which its cumulative count reaches m. */
function solveWithin(segment: Segment, unitMs: number, m: number): number {
  if (m === 0) return 0;
  if (segment.from === segment.to) return (m * unitMs) / segment.from;
  // count(τ) = from·τ/unit + (to − from)·τ²/(2·D·unit); stable root of the quadratic
  const b = segment.from / unitMs;
  const a = (segment.to - segment.from) / (2 * segment.durationMs * unitMs);
  return (2 * m) / (b + Math.sqrt(Math.max(0, b * b + 4 * a * m)));
}

export function createPacer(profile: Profile): Pacer {
  if (profile.kind !== 'rate') throw new Error('createPacer needs an arrival-rate profile');
  const segments = profile.segments.filter((segment) => segment.durationMs > 0);
  let index = 0;
  let countBefore = 0; // cumulative arrivals (fractional) before segments[index]
  let issued = 0;
  return {
    get issued() {
      return issued;
    },
    next() {
      while (index < segments.length) {
        const segment = segments[index]!;
        const inSegment = segmentCount(segment, profile.unitMs);
        const m = issued - countBefore;
        if (m < inSegment) {
          const offset = solveWithin(segment, profile.unitMs, m);
          if (offset < segment.durationMs) {
            issued += 1;
            return segment.startMs + offset;
          }
        }
        countBefore += inSegment;
        index += 1;
      }
      return null;
    },
  };
}
