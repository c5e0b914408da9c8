/**
 * Reading and writing results files. Writes are atomic (temp file + rename in the same folder), so a
 * crash or Ctrl-C never leaves half a file; reads validate against the schema and fail in one line.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ZodType } from 'zod';
import { ScalebenchError } from '../core/errors.ts';
import type { AbResults, ResultsFile } from './schema.ts';
import { SCHEMA_VERSION } from './schema-version.ts';

/** Writes any text atomically: a sibling temp file renamed over the target. */
export async function writeFileAtomic(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, content);
    await rename(temp, path);
  } catch (error: unknown) {
    await rm(temp, { force: true });
    throw error;
  }
}

export async function writeResultsFile(path: string, results: ResultsFile): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(results, null, 2)}\n`);
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new ScalebenchError('SB_ERR_RESULTS_FILE', `cannot read results file ${path}`, {
      hint: 'check the path; results are written by `scalebench bench --json FILE` or `scalebench run --out DIR`',
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new ScalebenchError('SB_ERR_RESULTS_FILE', `${path} is not valid JSON`, {
      hint: 'the file is corrupt or truncated; rerun the benchmark',
    });
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version !== SCHEMA_VERSION) {
    throw new ScalebenchError(
      'SB_ERR_RESULTS_FILE',
      `${path} is results schema version ${version}; this scalebench reads version ${SCHEMA_VERSION}`,
      { hint: 'rerun the benchmark with this scalebench, or read the file with the version that wrote it' },
    );
  }
  return data;
}

function parseWith<T>(path: string, data: unknown, schema: ZodType<T>): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unknown problem';
    throw new ScalebenchError('SB_ERR_RESULTS_FILE', `${path} is not a scalebench results file (${where})`, {
      hint: 'pass a results.json written by this version of scalebench',
    });
  }
  return parsed.data;
}

export async function readResultsFile(path: string): Promise<ResultsFile> {
  const data = await readJson(path);
  // zod loads only here: writing a results file (every bench and run) does not pay for it
  const { resultsFileSchema } = await import('./schema.ts');
  return parseWith(path, data, resultsFileSchema);
}

/** A results file of any kind, `scalebench ab`'s included (history stores all of them). */
export async function readAnyResultsFile(path: string): Promise<ResultsFile | AbResults> {
  const data = await readJson(path);
  const { abResultsSchema, resultsFileSchema } = await import('./schema.ts');
  if ((data as { kind?: unknown } | null)?.kind === 'ab') return parseWith(path, data, abResultsSchema);
  return parseWith(path, data, resultsFileSchema);
}

export async function writeAbResultsFile(path: string, results: AbResults): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(results, null, 2)}\n`);
}
