/**
 * Every compose file parses and validates against the Compose Specification's JSON schema (vendored in
 * docker/schema/, see its README for source and license), so `docker compose` will accept it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { dockerDir, loadComposeFiles } from './docker-files.ts';

const schemaFile = join(dockerDir, 'schema', 'compose-spec.json');
// The schema is draft-07 but names its meta-schema by an https URL ajv does not know: drop that one key.
const { $schema: _metaSchema, ...schema } = JSON.parse(readFileSync(schemaFile, 'utf8')) as Record<
  string,
  unknown
>;
const ajv = new Ajv({ strict: false, allErrors: true });
const validate = ajv.compile(schema);

describe('compose files', () => {
  const files = loadComposeFiles();

  it('cover the four experiments', () => {
    expect(files.map((file) => file.name)).toEqual([
      'async.yaml',
      'caching.yaml',
      'clones.yaml',
      'database.yaml',
    ]);
  });

  it.each(files.map((file) => [file.name, file] as const))('%s matches the Compose schema', (_name, file) => {
    const valid = validate(file.data);
    const problems = (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
    expect(problems).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the schema rejects a file that breaks it (the check can fail)', () => {
    const broken = { services: { app: { image: 'x', ports: [{ target: 'not-a-port' }], restart: 42 } } };
    expect(validate(broken)).toBe(false);
  });
});
