/**
 * Before load starts: one connection the way the client will make it — the TLS handshake with the same
 * SNI, CA and certificate checks, and for HTTP/2 the protocol agreed (ALPN h2 over TLS; over cleartext,
 * the server's SETTINGS answering our prior-knowledge preface). A failure here is bad input (exit 2)
 * with the reason and what to do, instead of a run whose every request fails.
 */
import { connect as connectH2 } from 'node:http2';
import { connect as connectTls } from 'node:tls';
import { ScalebenchError } from '../../core/errors.ts';
import { codedError, tlsFailureReason } from './classify-error.ts';
import { TlsSessionCache } from './tls-session.ts';
import type { TlsSettings } from './types.ts';

export interface HandshakeProbe {
  tls: TlsSettings;
  http2: boolean;
  timeoutMs: number;
}

/** Resolves when a connection to `url` speaks what the run will ask for; throws SB_ERR_TLS or SB_ERR_PROTOCOL. */
export async function assertHandshake(url: URL, probe: HandshakeProbe): Promise<void> {
  if (url.protocol === 'https:') await probeTls(url, probe);
  else if (probe.http2) await probeH2c(url, probe.timeoutMs);
}

function probeTls(url: URL, probe: HandshakeProbe): Promise<void> {
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const cache = new TlsSessionCache(hostname, probe.tls, probe.http2 ? ['h2'] : undefined);
  return new Promise((resolve, reject) => {
    const socket = connectTls(cache.connectOptions(hostname, Number(url.port || 443)));
    const finish = (error: unknown) => {
      clearTimeout(timer);
      socket.destroy();
      if (error === null) resolve();
      else reject(handshakeError(url, error, probe.http2));
    };
    const timer = setTimeout(
      () => finish(codedError('ETIMEDOUT', `no TLS handshake within ${probe.timeoutMs} ms`)),
      probe.timeoutMs,
    );
    socket.once('secureConnect', () => {
      if (probe.http2 && socket.alpnProtocol !== 'h2') {
        const chose = socket.alpnProtocol ? `ALPN chose ${socket.alpnProtocol}` : 'no ALPN protocol agreed';
        finish(codedError('SB_NO_H2', `the server does not offer HTTP/2 (${chose})`));
      } else finish(null);
    });
    socket.once('error', finish);
  });
}

function probeH2c(url: URL, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const session = connectH2(url.origin);
    const finish = (error: unknown) => {
      clearTimeout(timer);
      session.destroy();
      if (error === null) resolve();
      else reject(noH2c(url, error));
    };
    const timer = setTimeout(() => finish(new Error(`no HTTP/2 SETTINGS within ${timeoutMs} ms`)), timeoutMs);
    session.once('remoteSettings', () => finish(null));
    session.once('error', finish);
    session.once('close', () => finish(new Error('the server closed the connection')));
  });
}

function handshakeError(url: URL, error: unknown, http2: boolean): ScalebenchError {
  const code = (error as { code?: unknown }).code;
  if (code === 'SB_NO_H2' || code === 'ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL') {
    return new ScalebenchError('SB_ERR_PROTOCOL', `${url.host} does not speak HTTP/2: ${describe(error)}`, {
      hint: 'drop --http2 to load it over HTTP/1.1, or enable HTTP/2 on the server (nginx: listen … ssl http2)',
    });
  }
  const reason = tlsFailureReason(error) ?? describe(error);
  return new ScalebenchError('SB_ERR_TLS', `TLS handshake with ${url.host} failed: ${reason}`, {
    hint: tlsHint(reason, http2),
  });
}

function tlsHint(reason: string, http2: boolean): string {
  if (reason.includes('unknown CA') || reason.includes('self-signed'))
    return 'pass --ca FILE with the certificate authority that signed it, or --insecure to skip the check (testing only)';
  if (reason.includes('expired') || reason.includes('not yet valid'))
    return 'renew the certificate, or pass --insecure to accept it anyway (testing only)';
  if (reason.includes('hostname'))
    return 'use the host name the certificate was issued for in the URL, or pass --insecure (testing only)';
  if (reason.includes('does not speak TLS')) return 'use an http:// URL for a cleartext port';
  return http2
    ? 'check that the server speaks TLS and HTTP/2 on this port'
    : 'check that the server speaks TLS on this port';
}

function noH2c(url: URL, error: unknown): ScalebenchError {
  return new ScalebenchError(
    'SB_ERR_PROTOCOL',
    `${url.host} does not speak HTTP/2 over cleartext (h2c with prior knowledge): ${describe(error)}`,
    {
      hint: 'drop --http2 to load it over HTTP/1.1, use an https:// URL for h2 by ALPN, or enable h2c on the server',
    },
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]!.slice(0, 160) : String(error);
}
