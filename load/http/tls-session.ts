/**
 * What a client's TLS connections to one origin share: the secure context (the CA bundle parsed once,
 * not per socket), the SNI name from the URL, whether certificates are checked, and the last session
 * the server gave out, offered again on every new connection so a reconnect resumes instead of
 * running a full handshake.
 */
import { isIP } from 'node:net';
import { type ConnectionOptions, createSecureContext, type SecureContext, type TLSSocket } from 'node:tls';
import type { TlsSettings } from './types.ts';

export class TlsSessionCache {
  private readonly context: SecureContext;
  private readonly servername: string | undefined;
  private readonly rejectUnauthorized: boolean;
  private session: Buffer | undefined;
  /** handshakes that resumed a session, and all handshakes (for tests and diagnostics) */
  resumed = 0;
  handshakes = 0;
  private readonly remember = (session: Buffer) => {
    this.session = session;
  };

  constructor(
    hostname: string,
    settings: TlsSettings = {},
    private readonly alpn?: string[],
  ) {
    this.context = createSecureContext(settings.ca === undefined ? {} : { ca: settings.ca });
    // SNI carries a host name only (RFC 6066): an IP address is checked against the certificate's IP SANs
    this.servername = isIP(hostname) === 0 ? hostname : undefined;
    this.rejectUnauthorized = settings.insecure !== true;
  }

  /** Options for tls.connect (or http2.connect) to host:port: the shared context and the last session. */
  connectOptions(host: string, port: number): ConnectionOptions {
    return {
      host,
      port,
      secureContext: this.context,
      rejectUnauthorized: this.rejectUnauthorized,
      ...(this.servername === undefined ? {} : { servername: this.servername }),
      ...(this.session === undefined ? {} : { session: this.session }),
      ...(this.alpn === undefined ? {} : { ALPNProtocols: this.alpn }),
    };
  }

  /** Follows a new TLS socket: keeps the sessions (tickets) it receives, counts resumptions. */
  track(socket: TLSSocket): void {
    socket.on('session', this.remember);
    socket.once('secureConnect', () => {
      this.handshakes += 1;
      if (socket.isSessionReused()) this.resumed += 1;
    });
  }
}
