/**
 * An in-process @grpc/grpc-js server of test/fixtures/grpc/counter.proto that counts what it receives
 * (calls and request bytes per method, stream messages sent), with or without server reflection
 * (@grpc/reflection, the grpc-js project's own: v1 and v1alpha). Listens on 127.0.0.1, port 0.
 */
import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { ReflectionService } from '@grpc/reflection';
import { ReflectionV1AlphaImplementation } from '@grpc/reflection/build/src/implementations/reflection-v1alpha.js';
import protobuf from 'protobufjs';
import { COUNTER_PROTO } from './grpc-python-server.ts';

export interface JsCounterServer {
  port: number;
  calls: Record<string, number>;
  bytesReceived: Record<string, number>;
  messagesSent: number;
  close(): Promise<void>;
}

const identity = (value: Buffer) => value;
const method = (name: string, responseStream: boolean) => ({
  path: `/counter.Counter/${name}`,
  requestStream: false,
  responseStream,
  requestSerialize: identity,
  requestDeserialize: identity,
  responseSerialize: identity,
  responseDeserialize: identity,
});

/** reflection: 'both' (v1 and v1alpha, as @grpc/reflection serves it), 'v1alpha' only (older servers), or none */
export async function startJsCounterServer(options: {
  reflection: 'both' | 'v1alpha' | false;
  /** serve TLS with this certificate and key (PEM file paths; grpcs://) */
  tls?: { cert: string; key: string };
}): Promise<JsCounterServer> {
  const root = protobuf.loadSync(COUNTER_PROTO);
  const AddReply = root.lookupType('counter.AddReply');
  const WatchRequest = root.lookupType('counter.WatchRequest');
  const Tick = root.lookupType('counter.Tick');
  const server = new grpc.Server();
  const counts: Omit<JsCounterServer, 'port' | 'close'> = { calls: {}, bytesReceived: {}, messagesSent: 0 };
  const count = (name: string, request: Buffer) => {
    counts.calls[name] = (counts.calls[name] ?? 0) + 1;
    counts.bytesReceived[name] = (counts.bytesReceived[name] ?? 0) + request.length;
  };
  let total = 0;
  server.addService(
    { Add: method('Add', false), Watch: method('Watch', true) },
    {
      Add: (call: grpc.ServerUnaryCall<Buffer, Buffer>, callback: grpc.sendUnaryData<Buffer>) => {
        count('Add', call.request);
        total += 1;
        callback(null, Buffer.from(AddReply.encode(AddReply.create({ total })).finish()));
      },
      Watch: (call: grpc.ServerWritableStream<Buffer, Buffer>) => {
        count('Watch', call.request);
        const request = WatchRequest.toObject(WatchRequest.decode(call.request)) as { count?: number };
        for (let seq = 0; seq < (request.count ?? 0); seq++) {
          call.write(Buffer.from(Tick.encode(Tick.create({ seq })).finish()));
          counts.messagesSent += 1;
        }
        call.end();
      },
    },
  );
  const definition = loadSync(COUNTER_PROTO) as ConstructorParameters<typeof ReflectionService>[0];
  if (options.reflection === 'both') new ReflectionService(definition).addToServer(server);
  if (options.reflection === 'v1alpha') new ReflectionV1AlphaImplementation(definition).addToServer(server);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(
      '127.0.0.1:0',
      options.tls
        ? grpc.ServerCredentials.createSsl(null, [
            { private_key: readFileSync(options.tls.key), cert_chain: readFileSync(options.tls.cert) },
          ])
        : grpc.ServerCredentials.createInsecure(),
      (error, bound) => (error ? reject(error) : resolve(bound)),
    ),
  );
  return Object.assign(counts, {
    port,
    close: () => new Promise<void>((resolve) => server.tryShutdown(() => resolve())),
  });
}
