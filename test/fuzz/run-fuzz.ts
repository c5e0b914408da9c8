/**
 * `npm run fuzz [-- --inputs N] [--seed S]`: the long pass of the differential fuzzer (our response
 * parser against Node's llhttp). Prints the tally and every unexplained disagreement with its input;
 * exits 1 when there is one.
 */
import { parseArgs } from 'node:util';
import { runFuzzPass } from './run-fuzz-pass.ts';

const { values } = parseArgs({
  options: { inputs: { type: 'string', default: '10000000' }, seed: { type: 'string', default: '1' } },
});
const inputs = Number(values.inputs);
const seed = Number(values.seed);
const BATCH = 100_000;
let agreed = 0;
let unexplained = 0;
const explained: Record<string, number> = {};
const started = Date.now();
for (let done = 0, batch = 0; done < inputs; done += BATCH, batch += 1) {
  const tally = runFuzzPass(seed * 1_000_003 + batch, Math.min(BATCH, inputs - done));
  agreed += tally.agreed;
  for (const [why, count] of Object.entries(tally.explained)) explained[why] = (explained[why] ?? 0) + count;
  for (const d of tally.unexplained) process.stdout.write(`UNEXPLAINED ${JSON.stringify(d)}\n`);
  unexplained += tally.unexplainedCount;
  process.stdout.write(
    `${Math.min(done + BATCH, inputs)} inputs, ${unexplained} unexplained, ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  );
}
process.stdout.write(
  `\n${inputs} inputs (seed ${seed}): ${agreed} agreed, ${unexplained} unexplained disagreements\n`,
);
for (const [why, count] of Object.entries(explained).sort((a, b) => b[1] - a[1]))
  process.stdout.write(`  ${count}  ${why}\n`);
process.exitCode = unexplained > 0 ? 1 : 0;
