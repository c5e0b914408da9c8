/**
 * `run --profile <name>` and its shorthands: --quick (quick) and --demo (workshop); no flag runs the default
 * profile (3 trials of 6 s), `--profile full` the long one (5 trials of 30 s). The workshop profile
 * runs the quick profile's variants stretched for a room (scenarios/workshop.ts) and sizes the live page
 * for a projector. Kept apart so other profiles join here.
 */
import { ScalebenchError } from '../core/errors.ts';
import type { ProfileName } from '../scenarios/types.ts';

export const RUN_PROFILES = ['quick', 'default', 'full', 'workshop'] as const;
export type RunProfileName = (typeof RUN_PROFILES)[number];

export interface RunProfile {
  /** the experiments' profile that runs */
  profile: ProfileName;
  /** the workshop profile: longer variants, faults mid-way, a projector-sized page */
  workshop: boolean;
  /** what the run is called: 'quick', 'default', 'full', 'workshop' */
  name: RunProfileName;
}

export function parseRunProfile(flags: { profile?: string; quick?: boolean; demo?: boolean }): RunProfile {
  const asked = [
    ...(flags.profile === undefined ? [] : [flags.profile]),
    ...(flags.quick ? ['quick'] : []),
    ...(flags.demo ? ['workshop'] : []),
  ];
  const name = asked[0] ?? 'default';
  if (!(RUN_PROFILES as readonly string[]).includes(name)) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      `--profile '${name}' is not one of ${RUN_PROFILES.join(', ')}`,
      {
        hint: 'quick: 1 short trial per variant; default: 3 trials of 6 s; full: 5 trials of 30 s; workshop (--demo): the quick suite slowed down for a room',
      },
    );
  }
  if (asked.some((other) => other !== name)) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      `profiles ${[...new Set(asked)].join(' and ')} both asked for`,
      {
        hint: 'choose one: --profile quick|default|full|workshop (--quick and --demo are shorthands)',
      },
    );
  }
  const profile = name as RunProfileName;
  return {
    profile: profile === 'workshop' ? 'quick' : profile,
    workshop: profile === 'workshop',
    name: profile,
  };
}
