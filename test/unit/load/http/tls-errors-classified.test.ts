import { describe, expect, it } from 'vitest';
import { classifyError, codedError, tlsFailureReason } from '../../../../load/http/classify-error.ts';

describe('TLS failures are their own error class, with a reason', () => {
  it.each([
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unknown CA'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unknown CA'],
    ['SELF_SIGNED_CERT_IN_CHAIN', 'unknown CA (self-signed certificate in chain)'],
    ['CERT_HAS_EXPIRED', 'certificate expired'],
    ['ERR_TLS_CERT_ALTNAME_INVALID', 'hostname mismatch'],
    ['ERR_SSL_WRONG_VERSION_NUMBER', 'the server does not speak TLS on this port'],
    ['ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL', 'the server does not offer HTTP/2 (ALPN h2)'],
  ])('%s → tls: %s', (code, reason) => {
    const error = codedError(code, 'from OpenSSL');
    expect(classifyError(error)).toBe('tls');
    expect(tlsFailureReason(error)).toBe(reason);
  });

  it('names any other handshake failure with its code and first message line', () => {
    const error = codedError('ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE', 'alert 40\nstack');
    expect(classifyError(error)).toBe('tls');
    expect(tlsFailureReason(error)).toBe(
      'handshake failed (ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: alert 40)',
    );
  });

  it('leaves transport failures in their classes', () => {
    expect(classifyError(codedError('ECONNREFUSED', 'x'))).toBe('refused');
    expect(classifyError(codedError('ECONNRESET', 'x'))).toBe('reset');
    expect(tlsFailureReason(codedError('ECONNRESET', 'x'))).toBeNull();
    expect(classifyError(codedError('ERR_HTTP2_STREAM_CANCEL', 'x'))).toBe('reset');
  });
});
