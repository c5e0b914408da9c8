/** results.json: the results file itself, re-validated and pretty-printed (the published schema applies). */
import { resultsFileSchema } from '../results/schema.ts';
import type { Reporter } from './reporter.ts';

export const jsonReporter: Reporter = {
  format: 'json',
  description: 'results.json: the full results (schema: results/results.schema.json)',
  render: async (results) => [
    { name: 'results.json', content: `${JSON.stringify(resultsFileSchema.parse(results), null, 2)}\n` },
  ],
};
