/**
 * The results schema's version, apart from the zod schema (results/schema.ts) so that writing a results
 * file does not load zod: only reading one validates. Bump it on a breaking change.
 */
export const SCHEMA_VERSION = 1;
