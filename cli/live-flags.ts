/**
 * The live outputs' flags `run` and `bench` share: --dashboard [port], --open, --dashboard-linger,
 * --dashboard-host and --out prometheus=URL, parsed into the options orchestration/live/live-outputs.ts
 * starts the outputs from.
 */
import { ScalebenchError } from '../core/errors.ts';
import type { RemoteWriteTarget } from '../exporters/prometheus/remote-write-target.ts';
import type { LiveOptions } from '../orchestration/live/live-outputs.ts';
import { parseDashboardHost } from './dashboard-address.ts';
import { parseDuration, parseNumber } from './parse.ts';

export interface LiveFlags {
  /** --dashboard alone: true; --dashboard 8089: '8089' */
  dashboard?: boolean | string;
  open?: boolean;
  dashboardLinger?: string;
  /** --dashboard-host <addr>: serve beyond 127.0.0.1, behind a token */
  dashboardHost?: string;
}

const PROMETHEUS_PREFIX = 'prometheus=';

/** `--out` values of the form prometheus=URL (checked by remote-write-options.ts); the others are returned for the command to judge */
export function splitOutputs(values: readonly string[]): { prometheus: string | null; rest: string[] } {
  const prometheus = values.filter((value) => value.startsWith(PROMETHEUS_PREFIX));
  if (prometheus.length > 1) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', '--out prometheus=URL is given more than once', {
      hint: 'push to one remote-write endpoint per run',
    });
  }
  return {
    prometheus: prometheus[0]?.slice(PROMETHEUS_PREFIX.length) ?? null,
    rest: values.filter((value) => !value.startsWith(PROMETHEUS_PREFIX)),
  };
}

function parsePort(text: string): number {
  const port = parseNumber(text, '--dashboard', { min: 0, integer: true });
  if (port > 65_535) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--dashboard ${text} is not a TCP port`, {
      hint: 'pass a port from 1 to 65535, or --dashboard alone for a free one',
    });
  }
  return port;
}

export function parseLiveOptions(flags: LiveFlags, prometheus: RemoteWriteTarget | null): LiveOptions {
  const wanted = flags.dashboard !== undefined && flags.dashboard !== false;
  if (!wanted && (flags.open || flags.dashboardLinger !== undefined || flags.dashboardHost !== undefined)) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      `${flags.open ? '--open' : flags.dashboardLinger !== undefined ? '--dashboard-linger' : '--dashboard-host'} needs --dashboard`,
      { hint: 'add --dashboard (optionally with a port: --dashboard 8089)' },
    );
  }
  return {
    dashboard: wanted
      ? {
          port: flags.dashboard === true ? 0 : parsePort(String(flags.dashboard)),
          open: Boolean(flags.open),
          lingerMs:
            flags.dashboardLinger === undefined
              ? null
              : parseDuration(flags.dashboardLinger, '--dashboard-linger'),
          ...(flags.dashboardHost === undefined ? {} : { address: parseDashboardHost(flags.dashboardHost) }),
        }
      : null,
    prometheus,
  };
}
