/**
 * One keep-alive socket of the raw client: writes a prepared request, parses the response, enforces
 * the per-request deadline (checked by the client's sweep), and reports transport failures by code.
 */
import { connect, type Socket } from 'node:net';
import { codedError } from './classify-error.ts';
import { type ParsedResponse, ResponseParser } from './response-parser.ts';

export interface ConnectionOptions {
  host: string;
  port: number;
  /** a header whose value the parser reports for each response (served-by) */
  wantedHeader?: string;
  /** where socket reads land; shared by the client's connections (reads are handled synchronously) */
  readBuffer: Buffer;
}

type Settle = (error: Error | null, response: ParsedResponse | null) => void;

export class RawConnection {
  private readonly socket: Socket;
  private readonly parser: ResponseParser;
  private settle: Settle | null = null;
  /** performance.now() after which the in-flight request times out; Infinity when idle */
  deadline = Number.POSITIVE_INFINITY;
  /** requests completed on this socket (0: fresh, a failure before any byte is not a stale-socket race) */
  used = 0;
  /** opened ahead of need: it may have idled, so a failure before any byte is retried like a reused one */
  preopened = false;
  dead = false;

  constructor({ host, port, wantedHeader, readBuffer }: ConnectionOptions) {
    this.parser = new ResponseParser(wantedHeader);
    // onread: socket reads land in the client's one buffer and reach onData directly, without a
    // Buffer per read and without the Readable stream machinery (the parser copies what it keeps)
    this.socket = connect({
      host,
      port,
      noDelay: true,
      onread: {
        buffer: readBuffer,
        callback: (size) => {
          this.onData(readBuffer.subarray(0, size));
          return true;
        },
      },
    });
    this.socket.on('end', () => this.onEnd());
    this.socket.on('error', (error) => this.fail(error));
    this.socket.on('close', () =>
      this.fail(codedError('SB_PREMATURE_CLOSE', 'connection closed before the response')),
    );
  }

  /** True when the socket served or waited before this request (the server may have closed it idle). */
  get reused(): boolean {
    return this.used > 0 || this.preopened;
  }

  /** True when the socket died before any byte of the response: safe to retry on a new one. */
  get failedBeforeResponse(): boolean {
    return !this.parser.started;
  }

  send(bytes: Buffer, keepBody: boolean, isHead: boolean, deadline: number, settle: Settle): void {
    this.parser.start(keepBody, isHead);
    this.settle = settle;
    this.deadline = deadline;
    this.socket.write(bytes);
  }

  timeout(): void {
    this.fail(codedError('SB_TIMEOUT', 'request timed out'));
  }

  destroy(): void {
    this.dead = true;
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    if (!this.settle) {
      this.destroy(); // bytes while idle: the server broke framing
      return;
    }
    let response: ParsedResponse | null;
    try {
      response = this.parser.feed(chunk);
    } catch (error: unknown) {
      this.fail(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (response) this.complete(response);
  }

  private onEnd(): void {
    const response = this.settle ? this.parser.end() : null;
    if (response) this.complete(response);
    else this.fail(codedError('SB_PREMATURE_CLOSE', 'connection closed before the response'));
  }

  private complete(response: ParsedResponse): void {
    const settle = this.settle!;
    this.settle = null;
    this.deadline = Number.POSITIVE_INFINITY;
    this.used += 1;
    if (response.close) this.destroy();
    settle(null, response);
  }

  private fail(error: Error): void {
    const settle = this.settle;
    this.settle = null;
    this.deadline = Number.POSITIVE_INFINITY;
    if (!this.dead) this.destroy();
    settle?.(error, null);
  }
}
