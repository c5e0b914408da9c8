import type { HeaderMap } from '../../load-model/flows/header-map.ts';
import { parseHeaderMap } from './parse-headers.ts';
import type { HttpResult } from './types.ts';

/**
 * A complete response, which the raw client hands on as its HttpResult once it has set the times;
 * the header map is built from the raw head only when read.
 */
export class ParsedResponse implements HttpResult {
  private map: HeaderMap | undefined;
  sentAt = 0;
  doneAt = 0;
  /** the request phases (ms), set by the connection that received it */
  connecting = 0;
  tlsHandshaking = 0;
  waiting = 0;
  receiving = 0;

  constructor(
    readonly status: number,
    /** the raw head bytes: status line, headers and the blank line */
    readonly head: Buffer,
    readonly body: Buffer,
    /** the server wants the connection closed (Connection: close, or HTTP/1.0 without keep-alive) */
    readonly close: boolean,
    /** the value of the parser's wanted header (the served-by header), if present */
    readonly wanted: string | undefined,
  ) {}

  get servedBy(): string | undefined {
    return this.wanted;
  }

  /** lower-cased names; repeated headers (set-cookie) become arrays */
  get headers(): HeaderMap {
    this.map ??= parseHeaderMap(this.head.toString('latin1'));
    return this.map;
  }
}
