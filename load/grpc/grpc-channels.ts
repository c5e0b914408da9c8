/**
 * The HTTP/2 connections gRPC calls go over: one @grpc/grpc-js Client per connection, each with its own
 * subchannel pool so that N clients are N connections, calls handed out in turn. grpc:// is cleartext
 * (h2c), grpcs:// TLS with the --ca / --insecure trust of HTTPS. Messages go through as bytes: the
 * request is encoded once, a response is only counted (a flow decodes it itself).
 */
import * as grpc from '@grpc/grpc-js';
import type { TlsSettings } from '../http/types.ts';

export interface GrpcChannelsOptions {
  /** grpc://host:port or grpcs://host:port */
  target: string;
  connections: number;
  tls: TlsSettings;
}

const identity = (value: Buffer) => value;

/** grpc:// is cleartext (h2c); grpcs:// is TLS with the --ca / --insecure trust of HTTPS */
export function channelCredentials(url: URL, tls: TlsSettings): grpc.ChannelCredentials {
  if (url.protocol !== 'grpcs:') return grpc.credentials.createInsecure();
  return grpc.credentials.createSsl(
    tls.ca ? Buffer.from(tls.ca) : null,
    null,
    null,
    tls.insecure ? { rejectUnauthorized: false, checkServerIdentity: () => undefined } : {},
  );
}

export class GrpcChannels {
  readonly protocol: 'h2' | 'h2c';
  private readonly clients: grpc.Client[];
  private next = 0;

  constructor(options: GrpcChannelsOptions) {
    const url = new URL(options.target);
    this.protocol = url.protocol === 'grpcs:' ? 'h2' : 'h2c';
    const credentials = channelCredentials(url, options.tls);
    this.clients = Array.from(
      { length: Math.max(1, options.connections) },
      () =>
        new grpc.Client(url.host, credentials, {
          'grpc.use_local_subchannel_pool': 1,
          'grpc.max_receive_message_length': -1,
          'grpc.enable_retries': 0,
        }),
    );
  }

  private client(): grpc.Client {
    const client = this.clients[this.next]!;
    this.next = (this.next + 1) % this.clients.length;
    return client;
  }

  unary(
    path: string,
    request: Buffer,
    metadata: grpc.Metadata,
    deadlineMs: number,
    done: (error: grpc.ServiceError | null, response: Buffer | undefined) => void,
  ): void {
    this.client().makeUnaryRequest(
      path,
      identity,
      identity,
      request,
      metadata,
      { deadline: Date.now() + deadlineMs },
      (error, response) => done(error, response),
    );
  }

  serverStream(
    path: string,
    request: Buffer,
    metadata: grpc.Metadata,
    deadlineMs: number,
  ): grpc.ClientReadableStream<Buffer> {
    return this.client().makeServerStreamRequest(path, identity, identity, request, metadata, {
      deadline: Date.now() + deadlineMs,
    });
  }

  /** Resolves once every connection is up, or failed, or after limitMs. */
  ready(limitMs: number): Promise<void> {
    const deadline = Date.now() + limitMs;
    return Promise.all(
      this.clients.map(
        (client) => new Promise<void>((resolve) => client.waitForReady(deadline, () => resolve())),
      ),
    ).then(() => undefined);
  }

  async close(): Promise<void> {
    for (const client of this.clients) client.close();
  }
}

export function metadataOf(pairs: Record<string, string> | undefined): grpc.Metadata {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(pairs ?? {})) metadata.add(key, value);
  return metadata;
}
