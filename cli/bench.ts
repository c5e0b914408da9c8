/**
 * `scalebench bench <url>`: the flags parsed (bench-options.ts), the run made
 * (orchestration/bench/run-bench.ts: one run, or --trials N), its exit code set.
 */
import { runBench } from '../orchestration/bench/run-bench.ts';
import { type BenchFlags, parseBenchOptions } from './bench-options.ts';
import type { CliContext } from './context.ts';

export async function bench(url: string | undefined, flags: BenchFlags, ctx: CliContext): Promise<void> {
  ctx.exitCode = await runBench(parseBenchOptions(url, flags, ctx.cwd, ctx.env), ctx);
}
