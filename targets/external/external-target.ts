/**
 * A service scalebench does not start: an experiment whose target is a URL (`http://127.0.0.1:8080`)
 * loads it as it is. Nothing to kill or restart; counters come from its /metrics when it has one.
 */
import { ScalebenchError } from '../../core/errors.ts';
import { scrapeCounters } from '../process/scrape.ts';
import type { RunningTarget } from '../target.ts';

export function isExternalTarget(target: string): boolean {
  return /^https?:\/\//.test(target);
}

function refuse(action: string, kind: string, base: string): never {
  throw new ScalebenchError(
    'SB_ERR_INVALID_CONFIG',
    `cannot ${action} a ${kind} of ${base}: scalebench did not start it`,
    {
      hint: 'remove the faults from experiments whose target is a URL',
    },
  );
}

export function externalTarget(url: string): RunningTarget {
  const base = url.replace(/\/+$/, '');
  return {
    experiment: 'external',
    url: base,
    balancer: null,
    instances: () => [{ id: base, kind: 'clone', url: base, pid: null, alive: true, logFile: null }],
    kill: async (kind) => refuse('kill', kind, base),
    restart: async (kind) => refuse('restart', kind, base),
    counters: () => scrapeCounters(base).catch(() => ({})),
    stop: async () => {},
  };
}
