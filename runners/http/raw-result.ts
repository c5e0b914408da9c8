/** The raw client's HttpResult for a failed exchange (a response is its own result: ParsedResponse). */
import { classifyError } from './classify-error.ts';
import { EMPTY_BODY, type HttpResult } from './types.ts';

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
