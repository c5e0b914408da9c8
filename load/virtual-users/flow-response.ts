/** Wraps an HttpResult for flow code: lazy text/JSON, header lookup, check results. */

import type { FlowResponse } from '../../load-model/flows/types.ts';
import type { ErrorClass } from '../../results/schema.ts';
import type { HttpResult } from '../http/types.ts';

export function toFlowResponse(result: HttpResult, errorClass: ErrorClass | undefined): FlowResponse {
  let text: string | undefined;
  let parsed: { value: unknown } | undefined;
  const response: FlowResponse = {
    status: result.status,
    headers: result.headers,
    errorClass,
    ok: errorClass === undefined,
    checks: {},
    serviceMs: result.doneAt - result.sentAt,
    header(name) {
      const value = result.headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(', ') : value;
    },
    text() {
      text ??= result.body.toString('utf8');
      return text;
    },
    json<T>() {
      if (!parsed) {
        try {
          parsed = { value: JSON.parse(response.text()) };
        } catch {
          parsed = { value: undefined };
        }
      }
      return parsed.value as T | undefined;
    },
  };
  return response;
}
