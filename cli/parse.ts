/** Small validated parsers shared by the commands' parse steps. Each throws a ScalebenchError. */
import { ScalebenchError } from '../core/errors.ts';
import { durationMs } from '../load-model/duration.ts';

/** '30s', '1.5m', '250ms', '2h' → milliseconds. A bare number means seconds. */
export function parseDuration(text: string, flag: string): number {
  const trimmed = text.trim();
  const ms = durationMs(/^\d+(?:\.\d+)?$/.test(trimmed) ? `${trimmed}s` : trimmed);
  if (ms === null) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `${flag} '${text}' is not a duration`, {
      hint: 'use a number with a unit: 250ms, 30s, 2m, 1h',
    });
  }
  return ms;
}

export function parseNumber(
  text: string,
  flag: string,
  { min, integer }: { min?: number; integer?: boolean } = {},
) {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value))) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      `${flag} '${text}' is not ${integer ? 'an integer' : 'a number'}`,
      {
        hint: `pass ${flag} a ${integer ? 'whole ' : ''}number`,
      },
    );
  }
  if (min !== undefined && value < min) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `${flag} must be at least ${min}, got ${text}`, {
      hint: `pass ${flag} ${min} or more`,
    });
  }
  return value;
}

/** 'key=value' pairs (repeatable --variant) → a record. */
export function parseKeyValues(pairs: string[], flag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const index = pair.indexOf('=');
    if (index <= 0) {
      throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `${flag} '${pair}' is not key=value`, {
        hint: `write it as ${flag} session=redis`,
      });
    }
    out[pair.slice(0, index)] = pair.slice(index + 1);
  }
  return out;
}

/** commander accumulator for repeatable flags */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/**
 * `--dashboard` takes an optional port, and commander gives an optional option the next word whatever it
 * is: `report --dashboard results-dir/` would read the folder as the port. A `--dashboard` not followed
 * by a port number becomes `--dashboard=0` (a free port), so the next word stays an argument.
 */
export function bareDashboardFlag(argv: readonly string[]): string[] {
  const end = argv.indexOf('--');
  return argv.map((word, index) =>
    word === '--dashboard' && (end === -1 || index < end) && !/^\d+$/.test(argv[index + 1] ?? '')
      ? '--dashboard=0'
      : word,
  );
}
