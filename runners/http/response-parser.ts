/**
 * A minimal incremental HTTP/1.1 response parser for the raw client: status line and headers, bodies
 * framed by Content-Length, chunked transfer coding or connection close; 1xx interim responses are
 * skipped; 204, 304 and answers to HEAD have no body. Feed it socket chunks; it says when a response
 * is complete.
 */
import { EMPTY_BODY, type HeaderMap } from './types.ts';

export interface ParsedResponse {
  status: number;
  headers: HeaderMap;
  body: Buffer;
  /** the server wants the connection closed (Connection: close, or HTTP/1.0 without keep-alive) */
  close: boolean;
}

enum State {
  Head,
  Length,
  ChunkSize,
  ChunkData,
  ChunkTrailer,
  UntilClose,
  Done,
}

const CRLF = Buffer.from('\r\n');
const HEAD_END = Buffer.from('\r\n\r\n');
const MAX_HEAD = 64 * 1024;

export class ResponseParser {
  private state = State.Head;
  private pending: Buffer = EMPTY_BODY;
  private remaining = 0;
  private bodyParts: Buffer[] = [];
  private keepBody = false;
  private noBody = false;
  private status = 0;
  private headers: HeaderMap = {};
  private close = false;

  /** Prepares for the next response on this connection. */
  start(keepBody: boolean, isHead: boolean): void {
    this.state = State.Head;
    this.pending = EMPTY_BODY;
    this.bodyParts = [];
    this.keepBody = keepBody;
    this.noBody = isHead;
    this.headers = {};
  }

  /** True once any byte of the current response arrived. */
  get started(): boolean {
    return this.state !== State.Head || this.pending.length > 0;
  }

  /** Consumes a chunk; returns the response once complete. Throws on malformed input. */
  feed(chunk: Buffer): ParsedResponse | null {
    const data = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = EMPTY_BODY;
    let offset = 0;
    while (offset < data.length || this.state === State.Done) {
      switch (this.state) {
        case State.Head: {
          const end = data.indexOf(HEAD_END, offset);
          if (end < 0) {
            if (data.length - offset > MAX_HEAD) throw new Error('response head larger than 64 KiB');
            this.pending = data.subarray(offset);
            return null;
          }
          this.parseHead(data.toString('latin1', offset, end));
          offset = end + 4;
          break;
        }
        case State.Length: {
          const take = Math.min(this.remaining, data.length - offset);
          if (this.keepBody) this.bodyParts.push(data.subarray(offset, offset + take));
          offset += take;
          this.remaining -= take;
          if (this.remaining === 0) this.state = State.Done;
          break;
        }
        case State.ChunkSize: {
          const end = data.indexOf(CRLF, offset);
          if (end < 0) {
            this.pending = data.subarray(offset);
            return null;
          }
          const size = Number.parseInt(data.toString('latin1', offset, end).split(';')[0]!, 16);
          if (!Number.isFinite(size) || size < 0) throw new Error('bad chunk size');
          offset = end + 2;
          this.remaining = size + 2;
          this.state = size === 0 ? State.ChunkTrailer : State.ChunkData;
          break;
        }
        case State.ChunkData: {
          const take = Math.min(this.remaining, data.length - offset);
          const dataLeft = this.remaining - 2; // chunk bytes still owed before the CRLF
          if (this.keepBody && dataLeft > 0)
            this.bodyParts.push(data.subarray(offset, offset + Math.min(take, dataLeft)));
          offset += take;
          this.remaining -= take;
          if (this.remaining === 0) this.state = State.ChunkSize;
          break;
        }
        case State.ChunkTrailer: {
          const end = data.indexOf(CRLF, offset);
          if (end < 0) {
            this.pending = data.subarray(offset);
            return null;
          }
          const empty = end === offset;
          offset = end + 2;
          if (empty) this.state = State.Done;
          break;
        }
        case State.UntilClose:
          if (this.keepBody) this.bodyParts.push(data.subarray(offset));
          return null;
        case State.Done:
          this.state = State.Head;
          if (offset < data.length) throw new Error('unexpected bytes after the response');
          return this.result();
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

  private result(): ParsedResponse {
    const body =
      this.bodyParts.length === 0
        ? EMPTY_BODY
        : this.bodyParts.length === 1
          ? this.bodyParts[0]!
          : Buffer.concat(this.bodyParts);
    this.bodyParts = [];
    return { status: this.status, headers: this.headers, body, close: this.close };
  }

  private parseHead(head: string): void {
    const lines = head.split('\r\n');
    const statusLine = lines[0] ?? '';
    const match = /^HTTP\/1\.([01]) (\d{3})/.exec(statusLine);
    if (!match) throw new Error(`bad status line: ${statusLine.slice(0, 60)}`);
    const status = Number(match[2]);
    const headers: HeaderMap = {};
    for (let i = 1; i < lines.length; i += 1) {
      const line = lines[i]!;
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      const existing = headers[name];
      if (existing === undefined) headers[name] = name === 'set-cookie' ? [value] : value;
      else if (Array.isArray(existing)) existing.push(value);
      else headers[name] = `${existing}, ${value}`;
    }
    if (status >= 100 && status < 200 && status !== 101) return; // interim response: parse the next head
    this.status = status;
    this.headers = headers;
    const connection = String(headers['connection'] ?? '').toLowerCase();
    this.close = connection.includes('close') || (match[1] === '0' && !connection.includes('keep-alive'));
    this.frameBody(status, headers);
  }

  private frameBody(status: number, headers: HeaderMap): void {
    if (this.noBody || status === 204 || status === 304 || status === 101) {
      this.state = State.Done;
      return;
    }
    const encoding = String(headers['transfer-encoding'] ?? '').toLowerCase();
    if (encoding.includes('chunked')) {
      this.state = State.ChunkSize;
      return;
    }
    const length = headers['content-length'];
    if (length !== undefined) {
      this.remaining = Number(length);
      if (!Number.isSafeInteger(this.remaining) || this.remaining < 0) throw new Error('bad content-length');
      this.state = this.remaining === 0 ? State.Done : State.Length;
      return;
    }
    this.close = true;
    this.state = State.UntilClose;
  }
}
