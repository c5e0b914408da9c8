/**
 * Feeds one response to our parser (load/http/response-parser.ts + head-scanner.ts, in pieces) and
 * to Node's llhttp (node:http's own parser), and says whether they agree on the first final response:
 * accepted or refused, status, headers and body bytes. Differences we chose are listed in `explain`.
 */
import { createRequire } from 'node:module';
import { ResponseParser } from '../../load/http/response-parser.ts';

interface Parsed {
  ok: boolean;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  error?: string;
}

type LlhttpParser = {
  initialize(type: number, resource: object, maxHeaderSize?: number, lenient?: number): void;
  execute(data: Buffer): number | Error;
  finish(): number | Error | undefined;
  close(): void;
  [key: number]: unknown;
};
interface LlhttpModule {
  HTTPParser: {
    new (): LlhttpParser;
    RESPONSE: number;
    kOnHeaders: number;
    kOnHeadersComplete: number;
    kOnBody: number;
    kOnMessageComplete: number;
  };
}
const { HTTPParser } = createRequire(import.meta.url)('_http_common') as LlhttpModule;

function headerRecord(pairs: string[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    // values are compared without their surrounding OWS (Node's parser now and then keeps a leading space)
    const name = pairs[i]!.toLowerCase();
    const value = pairs[i + 1]!.trim();
    record[name] = record[name] === undefined ? value : `${record[name]}, ${value}`;
  }
  return record;
}

/** llhttp's view: the first response whose status is not 1xx (101 counts as final), or its error. */
export function parseWithLlhttp(input: Buffer, close: boolean): Parsed {
  const parser = new HTTPParser();
  parser.initialize(HTTPParser.RESPONSE, {}, 0, 0);
  let headers: string[] = [];
  let current: Parsed | null = null;
  let first: Parsed | null = null;
  const body: Buffer[] = [];
  parser[HTTPParser.kOnHeaders] = (more: string[]) => {
    headers = headers.concat(more);
  };
  parser[HTTPParser.kOnHeadersComplete] = (
    _ma: number,
    _mi: number,
    list: string[] | undefined,
    _m: unknown,
    _u: unknown,
    status: number,
  ) => {
    current = { ok: true, status, headers: headerRecord(list ?? headers) };
    headers = [];
    body.length = 0;
    return 0;
  };
  parser[HTTPParser.kOnBody] = (chunk: Buffer) => {
    body.push(Buffer.from(chunk));
  };
  parser[HTTPParser.kOnMessageComplete] = () => {
    const status = (current as Parsed | null)?.status ?? 0;
    if (first === null && current !== null && (status >= 200 || status === 101))
      first = { ...current, body: Buffer.concat(body).toString('latin1') };
  };
  const executed = parser.execute(input);
  const finished = first === null && close && !(executed instanceof Error) ? parser.finish() : undefined;
  parser.close();
  if (first !== null) return first;
  const error = executed instanceof Error ? executed : finished instanceof Error ? finished : null;
  return { ok: false, error: error ? ((error as { code?: string }).code ?? error.message) : 'incomplete' };
}

/** Our parser's view, fed in pieces cut at `cuts`; the end of input is the connection's end when `close`. */
export function parseWithOurs(input: Buffer, cuts: number[], close: boolean): Parsed {
  const parser = new ResponseParser(undefined, Number.POSITIVE_INFINITY);
  parser.start(true, false);
  const edges = [0, ...cuts, input.length];
  try {
    for (let i = 0; i + 1 < edges.length; i += 1) {
      const piece = input.subarray(edges[i], edges[i + 1]);
      if (piece.length === 0) continue;
      const response = parser.feed(Buffer.from(piece));
      if (response)
        return {
          ok: true,
          status: response.status,
          headers: flatten(response.headers),
          body: response.body.toString('latin1'),
        };
    }
    const ended = close ? parser.end() : null;
    if (ended)
      return {
        ok: true,
        status: ended.status,
        headers: flatten(ended.headers),
        body: ended.body.toString('latin1'),
      };
    return { ok: false, error: 'incomplete' };
  } catch (error: unknown) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

function flatten(map: Record<string, string | string[]>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(map))
    flat[name] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}

export interface Disagreement {
  input: string;
  cuts: number[];
  ours: Parsed;
  llhttp: Parsed;
}

/**
 * Where llhttp refuses and we accept, on purpose: a load generator reads only the framing headers and
 * must not fail a response the server meant, so we are lenient where the meaning is still clear.
 */
export const OUR_LENIENCIES: Record<string, string> = {
  HPE_INVALID_HEADER_TOKEN: 'a header line we do not use (bad byte in its name, no colon) is ignored',
  HPE_INVALID_TRANSFER_ENCODING:
    'Content-Length beside a final chunked: chunked frames the body (RFC 9112 6.3)',
  HPE_UNEXPECTED_CONTENT_LENGTH: 'repeated equal Content-Length values are one (RFC 9110 8.6)',
  HPE_INVALID_CONTENT_LENGTH: 'Content-Length is trimmed of spaces and tabs (OWS) before it is read',
  HPE_CR_EXPECTED: 'a bare LF ends a line',
  HPE_LF_EXPECTED: 'a bare LF ends a line; a lone CR is part of the line',
  HPE_STRICT: 'chunk extensions are skipped unread',
  HPE_INVALID_CHUNK_SIZE:
    'a chunk size ends at its first non-hex byte (the rest is skipped like an extension)',
  HPE_UNEXPECTED_SPACE: 'a folded line right after the status line is ignored',
  HPE_INVALID_STATUS: 'the status line may end with a bare LF',
  HPE_CLOSED_CONNECTION:
    'a 1xx interim response cannot close the connection (its version and Connection are ignored)',
};

/** Why a disagreement is one we chose, or undefined when it is unexplained (a bug to look at). */
export function explain(d: Disagreement): string | undefined {
  if (d.ours.ok && !d.llhttp.ok) {
    if (d.llhttp.error === 'incomplete' && /transfer-encoding:[^\n]*chunked[ \t]+\r?\n/i.test(d.input))
      return 'Transfer-Encoding is trimmed of OWS (llhttp reads "chunked<tab>" as another coding and waits for the close)';
    if (/HTTP\/1\.[01] 1\d\d[^\n]*\n(?:[^\r\n][^\n]*\n)*?content-length:/i.test(d.input))
      return 'a 1xx response has no body whatever its Content-Length (RFC 9110 15.2); llhttp reads one';
    return OUR_LENIENCIES[d.llhttp.error ?? ''];
  }
  if (
    !d.ours.ok &&
    d.llhttp.ok &&
    /(^|\n)[\r\n]+HTTP\//.test(d.input) &&
    /bad status line/.test(d.ours.error ?? '')
  )
    return 'llhttp skips empty lines before a status line; we refuse them';
  if (!d.ours.ok && d.llhttp.ok && /^bad status line: HTTP\/(?!1\.[01] )/.test(d.ours.error ?? ''))
    return 'we refuse a status line that is not HTTP/1.0 or HTTP/1.1; llhttp takes other versions';
  if (/\r(?!\n)/.test(d.input))
    return 'a lone CR never ends a line for us (it stays in the line); llhttp may end the status line there';
  return undefined;
}

const trimmed = (headers: Record<string, string> | undefined) =>
  JSON.stringify(Object.entries(headers ?? {}).map(([name, value]) => [name, value.trim()]));

/** undefined when both agree; else the disagreement with the input that caused it. */
export function compareParsers(text: string, cuts: number[], close: boolean): Disagreement | undefined {
  const input = Buffer.from(text, 'latin1');
  const ours = parseWithOurs(input, cuts, close);
  const llhttp = parseWithLlhttp(input, close);
  if (ours.ok !== llhttp.ok) return { input: text, cuts, ours, llhttp };
  if (!ours.ok) return undefined;
  const same =
    ours.status === llhttp.status &&
    ours.body === llhttp.body &&
    trimmed(ours.headers) === trimmed(llhttp.headers);
  return same ? undefined : { input: text, cuts, ours, llhttp };
}

export interface FuzzTally {
  inputs: number;
  agreed: number;
  explained: Record<string, number>;
  /** how many were unexplained; `unexplained` keeps the first few with their inputs */
  unexplainedCount: number;
  unexplained: Disagreement[];
}
