/** Transport errors → the error classes of the results file. */
import type { ErrorClass } from '../../results/schema.ts';

const byCode: Record<string, ErrorClass> = {
  ECONNREFUSED: 'refused',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
  ECONNABORTED: 'reset',
  UND_ERR_SOCKET: 'reset',
  UND_ERR_CLOSED: 'reset',
  ETIMEDOUT: 'timeout',
  UND_ERR_CONNECT_TIMEOUT: 'timeout',
  UND_ERR_HEADERS_TIMEOUT: 'timeout',
  UND_ERR_BODY_TIMEOUT: 'timeout',
  SB_TIMEOUT: 'timeout',
  SB_PREMATURE_CLOSE: 'reset',
  SB_PARSE: 'parse',
  UND_ERR_HEADERS_OVERFLOW: 'parse',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'parse',
};

export function classifyError(error: unknown): ErrorClass {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && byCode[code]) return byCode[code]!;
    if (typeof code === 'string' && code.startsWith('HPE_')) return 'parse'; // llhttp (undici)
    if (current.name === 'TimeoutError') return 'timeout';
    if (current.name === 'HTTPParserError') return 'parse'; // undici's llhttp, often without a code
    current = current.cause;
  }
  return 'other';
}

export function classifyStatus(status: number): ErrorClass | undefined {
  if (status >= 500) return 'status_5xx';
  if (status >= 400) return 'status_4xx';
  return undefined;
}

/** An Error with a code, for failures the raw client detects itself. */
export function codedError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** A malformed response (class `parse`): the server broke HTTP/1.1 framing or syntax. */
export function parseError(message: string): Error {
  return codedError('SB_PARSE', message);
}
