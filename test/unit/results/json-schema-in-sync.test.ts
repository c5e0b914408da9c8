import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildResultsJsonSchema, renderResultsJsonSchema } from '../../../results/json-schema.ts';
import { expectMatchesGolden } from '../../golden/golden.ts';
import { buildBenchFixture, buildSuiteFixture } from '../../helpers/results-fixtures.ts';

describe('results/results.schema.json', () => {
  it('is exactly what z.toJSONSchema generates from results/schema.ts', () => {
    expectMatchesGolden('results/results.schema.json', renderResultsJsonSchema());
  });

  it('accepts suite and bench results and rejects a file with a missing field', () => {
    const validate = new Ajv2020({ strict: false }).compile(buildResultsJsonSchema());
    const suite = buildSuiteFixture({ trials: 1, seconds: 3, experiments: ['caching'] });
    expect(validate(suite), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(buildBenchFixture({ seconds: 3 })), JSON.stringify(validate.errors)).toBe(true);
    const { environment: _dropped, ...broken } = suite;
    expect(validate(broken)).toBe(false);
  });
});
