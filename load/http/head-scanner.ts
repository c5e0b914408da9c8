/**
 * The hot-path reading of a response head: the status line and only the headers the raw client needs
 * (Content-Length, Transfer-Encoding, Connection and one "wanted" header, the served-by header), found
 * by scanning the bytes case-insensitively without building strings for the others. The full header
 * map is built lazily, only when asked (header-map.ts).
 */
import { parseError } from './classify-error.ts';

/** What the client needs from a head; `contentLength` is -1 when absent. */
export interface HeadFacts {
  status: number;
  /** HTTP/1.0 */
  http10: boolean;
  contentLength: number;
  chunked: boolean;
  /** Connection: close / keep-alive seen */
  close: boolean;
  keepAlive: boolean;
  /** the wanted header's value (repeated headers joined with ', '), undefined when absent */
  wanted: string | undefined;
}

const CONTENT_LENGTH = Buffer.from('content-length');
const TRANSFER_ENCODING = Buffer.from('transfer-encoding');
const CONNECTION = Buffer.from('connection');
const KEEP_ALIVE = Buffer.from('keep-alive');
const CLOSE = Buffer.from('close');

enum Field {
  None,
  ContentLength,
  TransferEncoding,
  Connection,
  Wanted,
}

const SP = 0x20;
const HT = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const COLON = 0x3a;

/** Whether bytes [start, start + name.length) equal the lower-case `name`, ignoring ASCII case. */
function nameIs(data: Buffer, start: number, length: number, name: Buffer): boolean {
  if (length !== name.length) return false;
  for (let i = 0; i < length; i += 1) {
    let byte = data[start + i]!;
    if (byte >= 0x41 && byte <= 0x5a) byte += 0x20;
    if (byte !== name[i]) return false;
  }
  return true;
}

function fieldOf(data: Buffer, start: number, length: number, wanted: Buffer | null): Field {
  if (length === 14 && nameIs(data, start, length, CONTENT_LENGTH)) return Field.ContentLength;
  if (length === 17 && nameIs(data, start, length, TRANSFER_ENCODING)) return Field.TransferEncoding;
  if (length === 10 && nameIs(data, start, length, CONNECTION)) return Field.Connection;
  return wanted !== null && nameIs(data, start, length, wanted) ? Field.Wanted : Field.None;
}

/** Decimal digits of [start, end) as a number, or -2 when anything else is there. */
function parseLength(data: Buffer, start: number, end: number): number {
  if (start === end) return -2;
  let value = 0;
  for (let i = start; i < end; i += 1) {
    const digit = data[i]! - 0x30;
    if (digit < 0 || digit > 9) return -2;
    value = value * 10 + digit;
  }
  return Number.isSafeInteger(value) ? value : -2;
}

/** The status code of the status line [start, end); throws when it is not `HTTP/1.x NNN`. */
function parseStatus(data: Buffer, start: number, end: number): number {
  const ok =
    end - start >= 12 &&
    data[start] === 0x48 && // H
    data[start + 1] === 0x54 &&
    data[start + 2] === 0x54 &&
    data[start + 3] === 0x50 &&
    data[start + 4] === 0x2f && // /
    data[start + 5] === 0x31 && // 1
    data[start + 6] === 0x2e &&
    (data[start + 7] === 0x30 || data[start + 7] === 0x31) &&
    data[start + 8] === SP;
  const status = ok ? parseLength(data, start + 9, start + 12) : -2;
  if (status < 100 || (end - start > 12 && data[start + 12] !== SP && data[start + 12] !== CR)) {
    throw parseError(`bad status line: ${data.toString('latin1', start, Math.min(end, start + 60))}`);
  }
  return status;
}

/** Connection: the usual single token is compared in place; anything else as a lower-cased string. */
function readConnection(facts: HeadFacts, data: Buffer, from: number, to: number): void {
  if (nameIs(data, from, to - from, KEEP_ALIVE)) facts.keepAlive = true;
  else if (nameIs(data, from, to - from, CLOSE)) facts.close = true;
  else {
    const value = data.toString('latin1', from, to).toLowerCase();
    facts.close ||= value.includes('close');
    facts.keepAlive ||= value.includes('keep-alive');
  }
}

const join = (previous: string | undefined, value: string) =>
  previous === undefined ? value : `${previous}, ${value}`;

/**
 * Scans the head in data[start, end) (end: the index of the blank line's CRLF). `wanted` is a
 * lower-case header name whose value is returned too. Throws on a bad status line or Content-Length.
 */
export function scanHead(data: Buffer, start: number, end: number, wanted: Buffer | null): HeadFacts {
  let lineEnd = data.indexOf(LF, start);
  if (lineEnd < 0 || lineEnd > end) lineEnd = end;
  const facts: HeadFacts = {
    status: parseStatus(data, start, lineEnd),
    http10: data[start + 7] === 0x30,
    contentLength: -1,
    chunked: false,
    close: false,
    keepAlive: false,
    wanted: undefined,
  };
  let encoding = '';
  let last = Field.None;
  let position = lineEnd + 1;
  while (position < end) {
    let next = data.indexOf(LF, position);
    if (next < 0 || next > end) next = end;
    const folded = data[position] === SP || data[position] === HT;
    let colon = position;
    if (!folded) while (colon < next && data[colon] !== COLON) colon += 1;
    const field: Field = folded
      ? last
      : colon < next
        ? fieldOf(data, position, colon - position, wanted)
        : Field.None;
    last = field;
    if (field !== Field.None) {
      let from = folded ? position : colon + 1;
      let to = next;
      while (from < to && (data[from] === SP || data[from] === HT)) from += 1;
      while (to > from && (data[to - 1] === SP || data[to - 1] === HT || data[to - 1] === CR)) to -= 1;
      if (field === Field.ContentLength) {
        const length = parseLength(data, from, to);
        if (length < 0 || folded || (facts.contentLength >= 0 && facts.contentLength !== length))
          throw parseError('bad content-length');
        facts.contentLength = length;
      } else if (field === Field.Connection) {
        readConnection(facts, data, from, to);
      } else {
        const value = data.toString('latin1', from, to);
        if (field === Field.Wanted)
          facts.wanted = folded ? `${facts.wanted} ${value}` : join(facts.wanted, value);
        else encoding += `,${value.toLowerCase()}`;
      }
    }
    position = next + 1;
  }
  facts.chunked = encoding !== '' && lastCoding(encoding) === 'chunked';
  return facts;
}

/** The last coding of a Transfer-Encoding list: only a final `chunked` frames the body (RFC 9112 6.1). */
function lastCoding(list: string): string {
  const codings = list.split(',');
  for (let i = codings.length - 1; i >= 0; i -= 1) {
    const coding = codings[i]!.trim();
    if (coding !== '') return coding;
  }
  return '';
}
