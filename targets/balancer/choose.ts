/**
 * Which balancer runs: HAProxy if installed, else nginx, else the built-in undici proxy (with a notice
 * saying so). A preference (variant knob `balancer=`, or SCALEBENCH_BALANCER) picks one explicitly.
 */
import { ScalebenchError } from '../../core/errors.ts';
import { findOnPath } from '../lifecycle/find-executable.ts';
import type { BalancerKind, BalancerOptions, RunningBalancer } from './balancer.ts';
import { startBuiltin } from './builtin.ts';
import { startHaproxy } from './haproxy.ts';
import { startNginx } from './nginx.ts';

export type BalancerPreference = 'auto' | BalancerKind;

export const balancerPreferences: readonly BalancerPreference[] = ['auto', 'haproxy', 'nginx', 'builtin'];

export interface BalancerChoice {
  kind: BalancerKind;
  /** the executable for haproxy/nginx; null for builtin */
  command: string | null;
  /** set when the choice is a fallback the user should know about */
  notice: string | null;
}

const installHint: Record<'haproxy' | 'nginx', string> = {
  haproxy: 'apt-get install haproxy',
  nginx: 'apt-get install nginx',
};

/** 'auto' (the default) also honours SCALEBENCH_BALANCER from `env` */
export async function chooseBalancer(
  preference: BalancerPreference = 'auto',
  env: Record<string, string | undefined> = process.env,
): Promise<BalancerChoice> {
  const wanted = preference === 'auto' ? parsePreference(env.SCALEBENCH_BALANCER) : preference;
  if (wanted === 'builtin') return { kind: 'builtin', command: null, notice: null };
  if (wanted !== 'auto') {
    const command = await findOnPath(wanted, env.PATH);
    if (command) return { kind: wanted, command, notice: null };
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `balancer '${wanted}' is not installed`, {
      hint: `${installHint[wanted]}, or pick another with --variant balancer=auto|haproxy|nginx|builtin`,
    });
  }
  for (const kind of ['haproxy', 'nginx'] as const) {
    const command = await findOnPath(kind, env.PATH);
    if (command) return { kind, command, notice: null };
  }
  return {
    kind: 'builtin',
    command: null,
    notice:
      'neither haproxy nor nginx is installed: using the built-in undici balancer ' +
      '(apt-get install haproxy for a real one)',
  };
}

export function startBalancer(choice: BalancerChoice, options: BalancerOptions): Promise<RunningBalancer> {
  if (choice.kind === 'haproxy') return startHaproxy(choice.command ?? 'haproxy', options);
  if (choice.kind === 'nginx') return startNginx(choice.command ?? 'nginx', options);
  return startBuiltin(options);
}

function parsePreference(value: string | undefined): BalancerPreference {
  if (value === undefined || value === '') return 'auto';
  if ((balancerPreferences as readonly string[]).includes(value)) return value as BalancerPreference;
  throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `SCALEBENCH_BALANCER='${value}' is not a balancer`, {
    hint: `use one of ${balancerPreferences.join(', ')}`,
  });
}
