/**
 * `bench --targets FILE`: several requests in one file, vegeta's text format or JSON Lines.
 *
 * Text (vegeta-like): a request line `METHOD URL`, optionally followed on the same line by `weight=N`
 * and `name=STEP`; then its header lines `Name: value`; then optionally `@path` (the body, read from a
 * file relative to the targets file). Targets are separated by blank lines; `#` starts a comment line.
 *
 * JSON Lines (a file ending in .jsonl or .ndjson, or whose first line starts with `{`): one object a line,
 * `{"method", "url", "headers", "body", "weight", "name"}`; only url is required.
 * A request line may also follow the previous target's lines directly, as in vegeta.
 *
 * Every target must be on one origin (one connection pool). A malformed line fails with its line number.
 */
import { ScalebenchError } from '../core/errors.ts';
import type { TargetSpec } from './types.ts';

export interface ParsedTargets {
  /** the origin every target is on, e.g. http://127.0.0.1:8080 */
  origin: string;
  targets: TargetSpec[];
}

export interface TargetsSource {
  /** shown in errors, e.g. the file's path */
  name: string;
  text: string;
  /** reads a body file named by `@path` in the text format */
  readBody: (path: string) => string;
}

const METHOD = /^[A-Z]+$/;
/** a header line: a token name (no spaces), a colon, a value */
const HEADER = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):(.*)$/;
const HINT_TEXT =
  'write each target as `METHOD URL [weight=N] [name=STEP]`, then `Name: value` header lines and an optional `@body-file`, blank line between targets';
const HINT_JSONL = 'write one JSON object a line: {"method":"GET","url":"http://127.0.0.1:8080/","weight":1}';

function lineError(source: TargetsSource, line: number, message: string, hint: string): ScalebenchError {
  return new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `${source.name}:${line}: ${message}`, { hint });
}

class Builder {
  readonly targets: TargetSpec[] = [];
  origin: string | undefined;

  constructor(private readonly source: TargetsSource) {}

  add(line: number, url: string, target: Omit<TargetSpec, 'path'>, hint: string): TargetSpec {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw lineError(this.source, line, `'${url}' is not a URL`, hint);
    }
    if (parsed.protocol !== 'http:') {
      throw lineError(
        this.source,
        line,
        `${parsed.protocol} URLs are not supported: ${url}`,
        'use http:// URLs',
      );
    }
    this.origin ??= parsed.origin;
    if (parsed.origin !== this.origin) {
      throw lineError(
        this.source,
        line,
        `${parsed.origin} is not the origin of the first target (${this.origin})`,
        'put the targets of one host and port in one file: run one bench per origin',
      );
    }
    const weight = target.weight;
    if (weight !== undefined && !(Number.isFinite(weight) && weight > 0)) {
      throw lineError(this.source, line, `weight ${weight} is not a number above 0`, hint);
    }
    const spec: TargetSpec = { ...target, path: `${parsed.pathname}${parsed.search}` };
    this.targets.push(spec);
    return spec;
  }

  result(): ParsedTargets {
    if (this.targets.length === 0 || this.origin === undefined) {
      throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `${this.source.name} has no targets`, {
        hint: HINT_TEXT,
      });
    }
    return { origin: this.origin, targets: this.targets };
  }
}

function parseRequestLine(source: TargetsSource, line: number, text: string, builder: Builder): TargetSpec {
  const [method, url, ...options] = text.split(/\s+/);
  if (!method || !METHOD.test(method) || !url) {
    throw lineError(source, line, `'${text}' is not a request line (METHOD URL)`, HINT_TEXT);
  }
  const target: Omit<TargetSpec, 'path'> = { method, headers: {} };
  for (const option of options) {
    const equals = option.indexOf('=');
    const key = option.slice(0, equals);
    const value = option.slice(equals + 1);
    if (equals > 0 && key === 'weight') target.weight = Number(value);
    else if (equals > 0 && key === 'name' && value !== '') target.name = value;
    else throw lineError(source, line, `'${option}' is not weight=N or name=STEP`, HINT_TEXT);
  }
  return builder.add(line, url, target, HINT_TEXT);
}

function parseText(source: TargetsSource): ParsedTargets {
  const builder = new Builder(source);
  let current: TargetSpec | undefined;
  source.text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (text === '') {
      current = undefined;
      return;
    }
    if (text.startsWith('#')) return;
    const header = HEADER.exec(text);
    if (!current || (!header && !text.startsWith('@'))) {
      current = parseRequestLine(source, line, text, builder);
      return;
    }
    if (text.startsWith('@')) {
      if (current.body !== undefined)
        throw lineError(source, line, 'a second body for one target', HINT_TEXT);
      current.body = readBodyAt(source, line, text.slice(1).trim());
      return;
    }
    if (current.body !== undefined) {
      throw lineError(source, line, `'${text}': a header line after the body`, HINT_TEXT);
    }
    current.headers![header![1]!] = header![2]!.trim();
  });
  return builder.result();
}

function readBodyAt(source: TargetsSource, line: number, path: string): string {
  try {
    return source.readBody(path);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    throw lineError(
      source,
      line,
      `cannot read the body file ${path} (${reason})`,
      'the path is relative to the targets file',
    );
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJsonLine(source: TargetsSource, line: number, text: string, builder: Builder): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error: unknown) {
    throw lineError(source, line, `not JSON (${(error as Error).message})`, HINT_JSONL);
  }
  if (!isObject(value) || typeof value['url'] !== 'string') {
    throw lineError(source, line, 'a target needs a "url" string', HINT_JSONL);
  }
  const headers = value['headers'] ?? {};
  if (!isObject(headers) || Object.values(headers).some((v) => typeof v !== 'string')) {
    throw lineError(source, line, '"headers" must be an object of strings', HINT_JSONL);
  }
  const body = value['body'];
  if (body !== undefined && typeof body !== 'string') {
    throw lineError(source, line, '"body" must be a string', HINT_JSONL);
  }
  const weight = value['weight'];
  if (weight !== undefined && typeof weight !== 'number') {
    throw lineError(source, line, '"weight" must be a number', HINT_JSONL);
  }
  const method = value['method'] ?? 'GET';
  if (typeof method !== 'string' || !METHOD.test(method.toUpperCase())) {
    throw lineError(source, line, `"method" ${JSON.stringify(method)} is not an HTTP method`, HINT_JSONL);
  }
  const name = value['name'];
  builder.add(
    line,
    value['url'],
    {
      method: method.toUpperCase(),
      headers: headers as Record<string, string>,
      ...(body === undefined ? {} : { body }),
      ...(weight === undefined ? {} : { weight }),
      ...(typeof name === 'string' && name !== '' ? { name } : {}),
    },
    HINT_JSONL,
  );
}

function parseJsonLines(source: TargetsSource): ParsedTargets {
  const builder = new Builder(source);
  source.text.split(/\r?\n/).forEach((raw, index) => {
    const text = raw.trim();
    if (text !== '' && !text.startsWith('#')) parseJsonLine(source, index + 1, text, builder);
  });
  return builder.result();
}

function isJsonLines(source: TargetsSource): boolean {
  if (/\.(jsonl|ndjson)$/i.test(source.name)) return true;
  const first = source.text.split(/\r?\n/).find((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  return first?.trim().startsWith('{') ?? false;
}

export function parseTargets(source: TargetsSource): ParsedTargets {
  return isJsonLines(source) ? parseJsonLines(source) : parseText(source);
}
