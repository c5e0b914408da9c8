/**
 * Values in a recording that a replay may need to capture instead of repeating: those an earlier
 * response returned (a JSON field, a token header, a Location path) and that a later request sends,
 * and values that look generated (ids, UUIDs, hex, long tokens, bearer credentials) wherever they are.
 */
import type { HarEntry } from './har-file.ts';

/** where an earlier response returned a value: its step number (1-based), name and a capture spec */
export interface Origin {
  step: number;
  stepName: string;
  capture: string;
}

export interface DynamicValue {
  value: string;
  /** 'the path', 'the query', 'header x-csrf', 'the body' */
  where: string;
  /** present when an earlier response returned it */
  from?: Origin;
}

const ID_LIKE = [
  /^\d{2,}$/,
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  /^(?=.*\d)[0-9a-f]{12,}$/i,
  /^(?=.*\d)(?=.*[a-z])[A-Za-z0-9_.~+/=-]{20,}$/i,
];

export function looksDynamic(value: string): boolean {
  return ID_LIKE.some((pattern) => pattern.test(value));
}

/** a value worth remembering from a response: long enough not to match by chance */
function memorable(value: string): boolean {
  return /^\d{2,}$/.test(value) || (value.length >= 6 && /\d/.test(value)) || looksDynamic(value);
}

function jsonLeaves(value: unknown, path: string, out: [string, string][]): void {
  if (out.length > 1000) return;
  if (typeof value === 'string' || typeof value === 'number') {
    out.push([path, String(value)]);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, item] of Object.entries(value)) jsonLeaves(item, path ? `${path}.${key}` : key, out);
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const TOKEN_HEADER = /token|csrf|xsrf|session|-id$|^etag$/i;

/** Remembers what each response returned, first response first (a value keeps its earliest origin). */
export class SeenValues {
  private readonly seen = new Map<string, Origin>();

  remember(step: number, stepName: string, response: HarEntry['response']): void {
    const add = (value: string, capture: string) => {
      if (memorable(value) && !this.seen.has(value)) this.seen.set(value, { step, stepName, capture });
    };
    const leaves: [string, string][] = [];
    jsonLeaves(parseJson(response.body), '', leaves);
    for (const [path, value] of leaves) add(value, `json:${path}`);
    for (const header of response.headers) {
      const name = header.name.toLowerCase();
      if (name === 'location') {
        for (const segment of header.value.split(/[/?&=#]/)) add(segment, 'header:location');
      } else if (TOKEN_HEADER.test(name)) add(header.value, `header:${name}`);
    }
  }

  originOf(value: string): Origin | undefined {
    return this.seen.get(value);
  }

  /** values this text contains (a request body), longest first so one value is not reported by its parts */
  foundIn(text: string): [string, Origin][] {
    return [...this.seen.entries()]
      .filter(([value]) => value.length >= 2 && text.includes(value))
      .sort(([a], [b]) => b.length - a.length);
  }
}

/** the values of one request that may need a capture, each once */
export function dynamicValuesOf(
  request: { path: string; headers: [string, string][]; body?: string },
  seen: SeenValues,
): DynamicValue[] {
  const found = new Map<string, DynamicValue>();
  const consider = (value: string, where: string) => {
    if (value === '' || found.has(value)) return;
    const from = seen.originOf(value);
    if (from) found.set(value, { value, where, from });
    else if (looksDynamic(value)) found.set(value, { value, where });
  };
  const [path, query = ''] = request.path.split('?');
  for (const segment of path!.split('/')) consider(decodeURIComponentSafe(segment), 'the path');
  for (const pair of query.split('&'))
    consider(decodeURIComponentSafe(pair.split('=')[1] ?? ''), 'the query');
  for (const [name, value] of request.headers) {
    const credential = /^(authorization|x-api-key)$/i.test(name);
    const bare = value.replace(/^(Bearer|Basic|Token)\s+/i, '');
    if (credential && !found.has(bare))
      found.set(bare, { value: bare, where: `header ${name}`, ...withOrigin(seen, bare) });
    else consider(bare, `header ${name}`);
  }
  if (request.body !== undefined) {
    for (const [value, from] of seen.foundIn(request.body)) {
      if (![...found.keys()].some((known) => known.includes(value)))
        found.set(value, { value, where: 'the body', from });
    }
  }
  return [...found.values()];
}

function withOrigin(seen: SeenValues, value: string): { from?: Origin } {
  const from = seen.originOf(value);
  return from ? { from } : {};
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
