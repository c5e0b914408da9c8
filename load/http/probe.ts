/** Checks that something listens at a URL's host:port before load starts (undici benchmarks/wait.js idea). */
import { connect } from 'node:net';

/** Resolves null when a TCP connection opens, else the error code (ECONNREFUSED, ENOTFOUND, ETIMEDOUT, ...). */
export function probeTcp(url: URL, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const port = Number(url.port || (url.protocol === 'https:' || url.protocol === 'wss:' ? 443 : 80));
    const socket = connect({ host: url.hostname.replace(/^\[|\]$/g, ''), port });
    const done = (code: string | null) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(code);
    };
    const timer = setTimeout(() => done('ETIMEDOUT'), timeoutMs);
    socket.once('connect', () => done(null));
    socket.once('error', (error: NodeJS.ErrnoException) => done(error.code ?? error.message));
  });
}
