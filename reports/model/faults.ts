/** How injected faults read: rounded times, one description per fault, grouped across variants. */
import type { FaultEvent } from '../../results/schema.ts';
import { formatSeconds } from './units.ts';
import type { VariantView } from './views.ts';

/** 'kill clone 0', or the kind when the fault has no detail */
export function faultWhat(fault: FaultEvent): string {
  return fault.detail.trim() || `${fault.kind} fault`;
}

/** the fault time as it is printed and charted: one decimal of a second */
export function faultSecond(fault: FaultEvent): number {
  return Math.round(fault.atSeconds * 10) / 10;
}

export interface FaultGroup {
  /** 'kill clone 0 at 3.0 s' */
  description: string;
  at: number;
  variants: string[];
}

/** Faults of an experiment, one group per distinct (what, when), each naming the variants it hit. */
export function faultGroups(variants: readonly VariantView[]): FaultGroup[] {
  const groups = new Map<string, FaultGroup>();
  for (const variant of variants) {
    for (const fault of variant.faults) {
      const at = faultSecond(fault);
      const description = `${faultWhat(fault)} at ${formatSeconds(at)}`;
      const group = groups.get(description) ?? { description, at, variants: [] };
      if (!group.variants.includes(variant.name)) group.variants.push(variant.name);
      groups.set(description, group);
    }
  }
  return [...groups.values()];
}

/** 'with clone 0 killed' for a kill, else 'with <detail>' — for "X lost 0 of N sessions with …" */
export function faultCondition(fault: FaultEvent): string {
  const what = faultWhat(fault);
  const killed = /^kill(?:ed)?\s+(.+?)(?:\s*\(.*\))?$/i.exec(what);
  return killed ? `with ${killed[1]} killed` : `with ${what}`;
}
