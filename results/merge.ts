/**
 * Pure merge of the shards of a sharded `scalebench bench` (each ran 1/N of the load), side by side
 * through the one merge (merge-runs.ts): histograms merged exactly (per step too), counters summed,
 * latency summaries recomputed from the merged histograms. Inputs that do not belong together (other
 * options, a shard twice, a shard missing) fail in one line.
 */

import { ScalebenchError } from '../core/errors.ts';
import { mergeRuns } from './merge-runs.ts';
import type { BenchResults, ResultsFile, SeriesPoint } from './schema.ts';

export interface NamedResults {
  /** shown in errors, e.g. the file path */
  name: string;
  results: ResultsFile;
}

/** options that may differ between shards without making them different runs */
const PER_SHARD_OPTIONS = new Set(['interrupted', 'plan']);

function mismatch(message: string): ScalebenchError {
  return new ScalebenchError('SB_ERR_RESULTS_FILE', message, {
    hint: 'merge the files of one sharded run: the same bench command with --shard 0/N … N-1/N',
  });
}

function comparableOptions(results: BenchResults): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(results.options))
    if (!PER_SHARD_OPTIONS.has(key)) out[key] = JSON.stringify(value);
  return out;
}

function differingKeys(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((key) => a[key] !== b[key]);
}

/** Checks the inputs are the N shards of one run; returns them in shard order. */
export function checkShards(inputs: readonly NamedResults[]): { name: string; results: BenchResults }[] {
  if (inputs.length === 0) throw mismatch('nothing to merge: no results files given');
  const shards = inputs.map(({ name, results }) => {
    if (results.kind !== 'bench') throw mismatch(`${name} is a suite results file, not a bench shard`);
    if (!results.shard) throw mismatch(`${name} is not a shard (it was not run with --shard i/N)`);
    return { name, results, shard: results.shard };
  });
  const first = shards[0]!;
  const options = comparableOptions(first.results);
  const seen = new Map<number, string>();
  for (const { name, results, shard } of shards) {
    if (shard.count !== first.shard.count)
      throw mismatch(
        `${name} is shard ${shard.index}/${shard.count} but ${first.name} is of ${first.shard.count}`,
      );
    const twice = seen.get(shard.index);
    if (twice !== undefined)
      throw mismatch(`${name} and ${twice} are both shard ${shard.index}/${shard.count}`);
    seen.set(shard.index, name);
    const differ = differingKeys(options, comparableOptions(results));
    if (differ.length > 0)
      throw mismatch(`${name} was run with other options than ${first.name} (${differ.join(', ')})`);
  }
  if (shards.length !== first.shard.count) {
    const missing = Array.from({ length: first.shard.count }, (_, i) => i).filter((i) => !seen.has(i));
    throw mismatch(
      `${shards.length} of ${first.shard.count} shards given: shard ${missing.map((i) => `${i}/${first.shard.count}`).join(', ')} missing`,
    );
  }
  return shards.sort((a, b) => a.shard.index - b.shard.index).map(({ name, results }) => ({ name, results }));
}

/**
 * Per second: requests and errors add up. Seconds carry no histogram, so p50/p99 are the highest of the
 * shards' (an upper bound); the summary's percentiles are exact.
 */
export function mergeShardSeries(all: readonly SeriesPoint[][]): SeriesPoint[] {
  const bySecond = new Map<number, SeriesPoint>();
  for (const point of all.flat()) {
    const into = bySecond.get(point.second);
    if (!into) {
      bySecond.set(point.second, { ...point });
      continue;
    }
    into.warmup ||= point.warmup;
    into.requests += point.requests;
    into.errors += point.errors;
    into.p50 = Math.max(into.p50, point.p50);
    into.p99 = Math.max(into.p99, point.p99);
  }
  return [...bySecond.values()].sort((a, b) => a.second - b.second);
}

function shardLabel(results: BenchResults): string {
  return results.shard ? `shard ${results.shard.index}/${results.shard.count}` : 'shard';
}

/** The N shards of one sharded bench run → one BenchResults, as if one machine had sent it all. */
export function mergeBenchResults(inputs: readonly NamedResults[]): BenchResults {
  const shards = checkShards(inputs).map(({ results }) => results);
  const first = shards[0]!;
  const plan =
    typeof first.options['plan'] === 'string'
      ? `each of ${shards.length} shards: ${first.options['plan']}`
      : undefined;
  return {
    schemaVersion: first.schemaVersion,
    kind: 'bench',
    createdAt: shards
      .map((shard) => shard.createdAt)
      .sort()
      .at(-1)!,
    options: {
      ...first.options,
      interrupted: shards.some((shard) => shard.options['interrupted'] === true),
      ...(plan === undefined ? {} : { plan }),
    },
    environment: first.environment,
    ...mergeRuns(shards, 'side-by-side', shards.map(shardLabel)),
    series: mergeShardSeries(shards.map((shard) => shard.series)),
    mergedFrom: shards.length,
  };
}
