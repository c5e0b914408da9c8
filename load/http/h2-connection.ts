/**
 * One HTTP/2 connection of the h2 client: its session over a socket we connected ourselves (TCP, or
 * TLS with ALPN h2 refused loudly when the server picks nothing or HTTP/1.1), streams in flight, the
 * server's stream limit, and when it connected and became ready (for the request phases).
 */
import { type ClientHttp2Session, connect as connectH2 } from 'node:http2';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { TLSSocket } from 'node:tls';
import { codedError } from './classify-error.ts';

/** One connection: its session, streams in flight and when it connected (for the request phases). */
export class H2Connection {
  active = 0;
  dead = false;
  readonly openedAt = performance.now();
  connectedAt = 0;
  readyAt = 0;
  gotSettings = false;
  /** the server's SETTINGS_MAX_CONCURRENT_STREAMS, once it came */
  private remoteLimit = Number.POSITIVE_INFINITY;
  /** why the session failed (a TLS check, a refused connect): the cause its streams die of */
  error: unknown = null;
  readonly session: ClientHttp2Session;

  constructor(
    origin: string,
    socket: Socket,
    secure: boolean,
    private readonly limit: number,
    onGone: (connection: H2Connection) => void,
  ) {
    // a failed handshake or certificate check shows on the socket first: it is why the streams die
    socket.once('error', (error) => {
      this.error ??= error;
    });
    socket.once('connect', () => {
      this.connectedAt = performance.now();
      if (!secure) this.readyAt = this.connectedAt;
    });
    if (secure) {
      const tls = socket as TLSSocket;
      tls.once('secureConnect', () => {
        this.readyAt = performance.now();
        if (tls.alpnProtocol !== 'h2') {
          const chose = tls.alpnProtocol ? `ALPN chose ${tls.alpnProtocol}` : 'no ALPN protocol agreed';
          this.session.destroy(codedError('SB_NO_H2', `the server does not offer HTTP/2 (${chose})`));
        }
      });
    }
    this.session = connectH2(origin, { createConnection: () => socket });
    this.session.on('remoteSettings', (settings) => {
      this.gotSettings = true;
      this.remoteLimit = settings.maxConcurrentStreams ?? Number.POSITIVE_INFINITY;
    });
    const gone = () => {
      if (this.dead) return;
      this.dead = true;
      onGone(this);
    };
    this.session.on('error', (error) => {
      this.error ??= error;
      gone();
    });
    this.session.on('goaway', gone);
    this.session.on('close', gone);
  }

  /** the server's SETTINGS came (the session can carry streams) */
  get settled(): boolean {
    return this.gotSettings;
  }

  /** Calls `callback` once, when the server's SETTINGS came or the session is gone. */
  whenSettled(callback: () => void): void {
    let called = false;
    const once = () => {
      if (called) return;
      called = true;
      callback();
    };
    this.session.once('remoteSettings', once);
    this.session.once('close', once);
  }

  /** Streams this connection may still open: ours and the server's limit, whichever is lower. */
  get free(): number {
    return this.dead ? 0 : Math.min(this.limit, this.remoteLimit) - this.active;
  }
}
