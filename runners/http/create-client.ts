/** The one place that picks an HTTP client implementation by name. */
import { RawHttpClient } from './raw-client.ts';
import type { HttpClient, HttpClientOptions } from './types.ts';
import { UndiciHttpClient } from './undici-client.ts';

const constructors = {
  raw: (options: HttpClientOptions) => new RawHttpClient(options),
  undici: (options: HttpClientOptions) => new UndiciHttpClient(options),
} as const;

export type ClientKind = keyof typeof constructors;

export function createHttpClient(kind: ClientKind, options: HttpClientOptions): HttpClient {
  return constructors[kind](options);
}
