/** The raw client's HttpResult: headers are parsed from the raw head only when read. */
import { classifyError } from './classify-error.ts';
import type { ParsedResponse } from './response-parser.ts';
import { EMPTY_BODY, type HeaderMap, type HttpResult } from './types.ts';

export class RawResult implements HttpResult {
  readonly status: number;
  readonly body: Buffer;
  readonly servedBy: string | undefined;

  constructor(
    private readonly response: ParsedResponse,
    readonly sentAt: number,
    readonly doneAt: number,
  ) {
    this.status = response.status;
    this.body = response.body;
    this.servedBy = response.wanted;
  }

  get headers(): HeaderMap {
    return this.response.headers;
  }
}

export function errorResult(error: Error, sentAt: number, doneAt: number): HttpResult {
  return {
    status: 0,
    headers: {},
    body: EMPTY_BODY,
    sentAt,
    doneAt,
    errorClass: classifyError(error),
    errorMessage: error.message,
  };
}
