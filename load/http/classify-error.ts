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
  ERR_HTTP2_STREAM_ERROR: 'reset',
  ERR_HTTP2_STREAM_CANCEL: 'reset',
  ERR_HTTP2_SESSION_ERROR: 'reset',
  ERR_HTTP2_GOAWAY_SESSION: 'reset',
  ERR_HTTP2_INVALID_SESSION: 'reset',
  ERR_HTTP2_ERROR: 'parse',
};

/** Certificate checks that failed (OpenSSL's X509 verify codes, as Node names them) → a reason. */
const certificateReasons: Record<string, string> = {
  UNABLE_TO_GET_ISSUER_CERT: 'unknown CA',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unknown CA',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unknown CA',
  SELF_SIGNED_CERT_IN_CHAIN: 'unknown CA (self-signed certificate in chain)',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  CERT_UNTRUSTED: 'unknown CA',
  CERT_SIGNATURE_FAILURE: 'bad certificate signature',
  CERT_HAS_EXPIRED: 'certificate expired',
  CERT_NOT_YET_VALID: 'certificate not yet valid',
  CERT_REVOKED: 'certificate revoked',
  CERT_REJECTED: 'certificate rejected',
  ERR_TLS_CERT_ALTNAME_INVALID: 'hostname mismatch',
  HOSTNAME_MISMATCH: 'hostname mismatch',
};

/** Why a TLS connection failed, in a few words, or null when `error` is not a TLS failure. */
export function tlsFailureReason(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const reason = certificateReasons[code];
  if (reason) return reason;
  if (code === 'ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL' || code === 'SB_NO_H2')
    return 'the server does not offer HTTP/2 (ALPN h2)';
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG')
    return 'the server does not speak TLS on this port';
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_') || code === 'EPROTO') {
    const message = error instanceof Error ? error.message : code;
    return `handshake failed (${code}: ${message.split('\n')[0]!.slice(0, 120)})`;
  }
  return null;
}

export function classifyError(error: unknown): ErrorClass {
  let current: unknown = error;
  for (let depth = 0; depth < 3 && current instanceof Error; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && byCode[code]) return byCode[code]!;
    if (tlsFailureReason(current) !== null) return 'tls';
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
