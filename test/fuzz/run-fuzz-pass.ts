/**
 * One seeded pass of the differential fuzzer: `inputs` responses, each cut at random points; every
 * EXHAUSTIVE_EVERY-th one is also fed cut at each of its byte boundaries in turn.
 */

import { seededRandom } from '../../core/seeded-random.ts';
import { compareParsers, explain, type FuzzTally } from './differential.ts';
import { fuzzResponse, splitPoints } from './generate-response.ts';

const EXHAUSTIVE_EVERY = 100;

/** The first disagreement over every single cut point of `text`, if any. */
function everyBoundary(text: string, close: boolean) {
  for (let cut = 1; cut < text.length; cut += 1) {
    const disagreement = compareParsers(text, [cut], close);
    if (disagreement) return disagreement;
  }
  return undefined;
}

export function runFuzzPass(seed: number, inputs: number, keepUnexplained = 20): FuzzTally {
  const random = seededRandom(seed);
  const tally: FuzzTally = { inputs, agreed: 0, explained: {}, unexplainedCount: 0, unexplained: [] };
  for (let i = 0; i < inputs; i += 1) {
    const response = fuzzResponse(random);
    const disagreement =
      compareParsers(response.text, splitPoints(random, response.text.length), response.close) ??
      (i % EXHAUSTIVE_EVERY === 0 ? everyBoundary(response.text, response.close) : undefined);
    if (!disagreement) {
      tally.agreed += 1;
      continue;
    }
    const why = explain(disagreement);
    if (why) tally.explained[why] = (tally.explained[why] ?? 0) + 1;
    else if (tally.unexplainedCount++ < keepUnexplained) tally.unexplained.push(disagreement);
  }
  return tally;
}
