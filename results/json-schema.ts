/**
 * The published JSON Schema of results files (results/results.schema.json), generated from the zod
 * schemas with zod 4's z.toJSONSchema so it can never drift from the contract. A test asserts the
 * committed file matches; `UPDATE_GOLDEN=1 npx vitest run test/unit/reports/json-schema-in-sync.test.ts`
 * rewrites it.
 */
import { z } from 'zod';
import { resultsFileSchema, SCHEMA_VERSION } from './schema.ts';

export function buildResultsJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(resultsFileSchema, { target: 'draft-2020-12', io: 'output' });
  return {
    ...generated,
    title: `scalebench results file, schemaVersion ${SCHEMA_VERSION}`,
    description:
      'What `scalebench bench` (kind: bench) and `scalebench run` (kind: suite) write. Latencies in ms.',
  };
}

/** The file's exact text: pretty-printed with a trailing newline. */
export function renderResultsJsonSchema(): string {
  return `${JSON.stringify(buildResultsJsonSchema(), null, 2)}\n`;
}
