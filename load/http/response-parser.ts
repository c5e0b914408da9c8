/**
 * A minimal incremental HTTP/1.1 response parser for the raw client: status line and headers, bodies
 * framed by Content-Length, chunked transfer coding or connection close; 1xx interim responses are
 * skipped; 204, 304 and answers to HEAD have no body. Feed it socket chunks; it says when a response
 * is complete.
 */

import { codedError, parseError } from './classify-error.ts';
import { type HeadFacts, scanHead } from './head-scanner.ts';
import { ParsedResponse } from './parsed-response.ts';
import { EMPTY_BODY } from './types.ts';

enum State {
  Head,
  Length,
  ChunkSize,
  ChunkData,
  /** the CRLF (or bare LF) that must follow a chunk's data */
  ChunkEnd,
  ChunkTrailer,
  UntilClose,
  Done,
}

const LF = 0x0a;
const CR = 0x0d;
const HEAD_END = Buffer.from('\r\n\r\n');
/** The header cap: a head (status line, headers, blank line) longer than this is a parse error. */
export const MAX_HEAD = 64 * 1024;
/** The default body cap for responses whose body is kept (a flow's checks and captures read it). */
export const DEFAULT_MAX_BODY = 4 * 1024 * 1024;

export class ResponseParser {
  private state = State.Head;
  private pending: Buffer = EMPTY_BODY;
  private remaining = 0;
  private sawCR = false;
  private bodyParts: Buffer[] = [];
  private kept = 0;
  private keepBody = false;
  private noBody = false;
  private status = 0;
  private head: Buffer = EMPTY_BODY;
  /** what scanHead found in `head`: a head byte-for-byte equal to the last one is not scanned again
   * (a keep-alive server mostly repeats its head: nginx and node:http change only Date, once a second) */
  private headFacts: HeadFacts | null = null;
  private wanted: string | undefined;
  private close = false;
  private readonly wantedName: Buffer | null;

  /**
   * `wantedHeader`: a header name whose value every response reports (ParsedResponse.wanted);
   * `maxBody`: the most body bytes kept for one response (a larger kept body fails the exchange).
   */
  constructor(
    wantedHeader?: string,
    private readonly maxBody = DEFAULT_MAX_BODY,
  ) {
    this.wantedName = wantedHeader ? Buffer.from(wantedHeader.toLowerCase(), 'latin1') : null;
  }

  /** Prepares for the next response on this connection. */
  start(keepBody: boolean, isHead: boolean): void {
    this.state = State.Head;
    this.pending = EMPTY_BODY;
    if (this.bodyParts.length > 0) this.bodyParts = [];
    this.kept = 0;
    this.keepBody = keepBody;
    this.noBody = isHead;
  }

  /** True once any byte of the current response arrived. */
  get started(): boolean {
    return this.state !== State.Head || this.pending.length > 0;
  }

  /**
   * Consumes chunk[0, length) — a socket read may land in a larger reused buffer; returns the response
   * once complete. Throws on malformed input. Keeps no reference to `chunk` (whatever it retains is
   * copied), so the caller may reuse its read buffer.
   */
  feed(chunk: Buffer, length = chunk.length): ParsedResponse | null {
    let data = chunk;
    let limit = length;
    if (this.pending.length > 0) {
      data = Buffer.concat([this.pending, chunk.subarray(0, length)]);
      limit = data.length;
    }
    this.pending = EMPTY_BODY;
    let offset = 0;
    while (offset < limit || this.state === State.Done) {
      switch (this.state) {
        case State.Head: {
          const repeated = this.repeatedHeadLength(data, offset, limit);
          if (repeated > 0) {
            this.useHead(this.headFacts!);
            offset += repeated;
            break;
          }
          const end = indexWithin(data, HEAD_END, offset, limit);
          if (end < 0) {
            if (limit - offset > MAX_HEAD) throw parseError('response head larger than 64 KiB');
            this.pending = copyOf(data, offset, limit);
            return null;
          }
          this.parseHead(data, offset, end);
          offset = end + 4;
          break;
        }
        case State.Length: {
          const take = Math.min(this.remaining, limit - offset);
          if (this.keepBody) this.keep(data, offset, offset + take);
          offset += take;
          this.remaining -= take;
          if (this.remaining === 0) this.state = State.Done;
          break;
        }
        case State.ChunkSize: {
          const end = indexWithin(data, LF, offset, limit);
          if (end < 0) {
            this.pending = pendingLine(data, offset, limit);
            return null;
          }
          const size = chunkSize(data, offset, end);
          offset = end + 1;
          this.remaining = size;
          this.sawCR = false;
          this.state = size === 0 ? State.ChunkTrailer : State.ChunkData;
          break;
        }
        case State.ChunkData: {
          const take = Math.min(this.remaining, limit - offset);
          if (this.keepBody) this.keep(data, offset, offset + take);
          offset += take;
          this.remaining -= take;
          if (this.remaining === 0) this.state = State.ChunkEnd;
          break;
        }
        case State.ChunkEnd: {
          // a chunk size that lies shows here: the bytes after its data are not a line end
          const byte = data[offset]!;
          offset += 1;
          if (byte === LF) this.state = State.ChunkSize;
          else if (byte === CR && !this.sawCR) this.sawCR = true;
          else throw parseError('chunk data not followed by CRLF');
          break;
        }
        case State.ChunkTrailer: {
          const end = indexWithin(data, LF, offset, limit);
          if (end < 0) {
            this.pending = pendingLine(data, offset, limit);
            return null;
          }
          const empty = end === offset || (end === offset + 1 && data[offset] === 0x0d);
          offset = end + 1;
          if (empty) this.state = State.Done;
          break;
        }
        case State.UntilClose:
          if (this.keepBody) this.keep(data, offset, limit);
          return null;
        case State.Done:
          this.state = State.Head;
          // bytes after a complete response answer no request: this response stands, the socket goes
          return this.result(offset < limit);
      }
    }
    return null;
  }

  /** The socket ended: completes a body framed by close, else reports a premature close (null). */
  end(): ParsedResponse | null {
    if (this.state !== State.UntilClose) return null;
    this.state = State.Head;
    return this.result();
  }

  /** Keeps a copy of body bytes data[start, end), within the body cap. */
  private keep(data: Buffer, start: number, end: number): void {
    this.kept += end - start;
    if (this.kept > this.maxBody)
      throw codedError('SB_BODY_TOO_LARGE', `response body larger than ${this.maxBody} bytes (maxBody)`);
    this.bodyParts.push(copyOf(data, start, end));
  }

  private result(extraBytes = false): ParsedResponse {
    const body =
      this.bodyParts.length === 0
        ? EMPTY_BODY
        : this.bodyParts.length === 1
          ? this.bodyParts[0]!
          : Buffer.concat(this.bodyParts);
    if (this.bodyParts.length > 0) this.bodyParts = [];
    return new ParsedResponse(this.status, this.head, body, this.close || extraBytes, this.wanted);
  }

  /** Scans the head data[start, end) (end: where its closing CRLF CRLF starts) and keeps it for the next. */
  private parseHead(data: Buffer, start: number, end: number): void {
    const facts = scanHead(data, start, end, this.wantedName);
    if (facts.status >= 100 && facts.status < 200 && facts.status !== 101) return; // interim: next head
    this.head = copyOf(data, start, end + HEAD_END.length);
    this.headFacts = facts;
    this.useHead(facts);
  }

  /** The length of the last head when data at `offset` repeats it byte for byte, else -1. */
  private repeatedHeadLength(data: Buffer, offset: number, limit: number): number {
    const head = this.head;
    const length = head.length;
    if (this.headFacts === null || offset + length > limit) return -1;
    return data.compare(head, 0, length, offset, offset + length) === 0 ? length : -1;
  }

  private useHead(facts: HeadFacts): void {
    this.status = facts.status;
    this.wanted = facts.wanted;
    this.close = facts.close || (facts.http10 && !facts.keepAlive);
    this.frameBody(facts.status, facts.chunked, facts.contentLength);
  }

  private frameBody(status: number, chunked: boolean, length: number): void {
    if (this.noBody || status === 204 || status === 304 || status === 101) {
      this.state = State.Done;
      return;
    }
    if (chunked) {
      this.state = State.ChunkSize;
      return;
    }
    if (length >= 0) {
      this.remaining = length;
      this.state = length === 0 ? State.Done : State.Length;
      return;
    }
    this.close = true;
    this.state = State.UntilClose;
  }
}

/**
 * Where `value` first lies wholly inside data[from, limit), or -1 (bytes past `limit` are stale).
 * indexOf has no end bound: when the value is not in the read, the search runs on into the stale
 * rest of the read buffer (at most 64 KiB, only for reads that end mid-head or mid-chunk-line).
 */
function indexWithin(data: Buffer, value: Buffer | number, from: number, limit: number): number {
  const at = data.indexOf(value, from);
  const size = typeof value === 'number' ? 1 : value.length;
  return at >= 0 && at + size <= limit ? at : -1;
}

/** An unfinished chunk-size or trailer line, kept for the next read: capped like a head. */
function pendingLine(data: Buffer, start: number, end: number): Buffer {
  if (end - start > MAX_HEAD) throw parseError('chunk line longer than 64 KiB');
  return copyOf(data, start, end);
}

/** A copy of data[start, end) (allocUnsafe takes small ones from the shared pool). */
function copyOf(data: Buffer, start: number, end: number): Buffer {
  if (start === end) return EMPTY_BODY;
  const copy = Buffer.allocUnsafe(end - start);
  data.copy(copy, 0, start, end);
  return copy;
}

/** The hex size at the start of a chunk-size line [start, end) (extensions after ';' ignored). */
function chunkSize(data: Buffer, start: number, end: number): number {
  let size = 0;
  let digits = 0;
  for (let i = start; i < end; i += 1) {
    const byte = data[i]!;
    const digit =
      byte >= 0x30 && byte <= 0x39
        ? byte - 0x30
        : byte >= 0x61 && byte <= 0x66
          ? byte - 0x57
          : byte >= 0x41 && byte <= 0x46
            ? byte - 0x37
            : -1;
    if (digit < 0) break;
    size = size * 16 + digit;
    digits += 1;
  }
  if (digits === 0 || !Number.isSafeInteger(size)) throw parseError('bad chunk size');
  return size;
}
