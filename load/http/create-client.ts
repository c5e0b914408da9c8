/**
 * The one place that picks an HTTP client implementation by name. undici loads only when asked for
 * (--client undici), node:http2 only for --http2: importing them costs a start-up that the default
 * raw client does not need.
 */
import { RawHttpClient } from './raw-client.ts';
import type { HttpClient, HttpClientOptions } from './types.ts';

const constructors = {
  raw: async (options: HttpClientOptions) => new RawHttpClient(options),
  undici: async (options: HttpClientOptions) => {
    const { UndiciHttpClient } = await import('./undici-client.ts');
    return new UndiciHttpClient(options);
  },
  h2: async (options: HttpClientOptions) => {
    const { Http2Client } = await import('./h2-client.ts');
    return new Http2Client(options);
  },
} as const;

export type ClientKind = keyof typeof constructors;

export function createHttpClient(kind: ClientKind, options: HttpClientOptions): Promise<HttpClient> {
  return constructors[kind](options);
}
