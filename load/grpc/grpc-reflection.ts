/**
 * Server reflection (https://github.com/grpc/grpc/blob/master/doc/server-reflection.md): when
 * `bench grpc://…` has no --proto, the server's reflection service — grpc.reflection.v1, else v1alpha —
 * hands over the file that defines the service and every file it imports, as FileDescriptorProtos;
 * protobufjs' descriptor extension turns them into the Root a .proto file would give. A server that
 * offers no reflection, or does not know the service, is exit 2 with one line.
 */
import * as grpc from '@grpc/grpc-js';
import protobuf from 'protobufjs';
import descriptorExtension from 'protobufjs/ext/descriptor/index.js';
import { ScalebenchError } from '../../core/errors.ts';
import type { TlsSettings } from '../http/types.ts';
import { channelCredentials } from './grpc-channels.ts';

/** the part of reflection.proto a client needs (v1 and v1alpha have the same messages) */
const REFLECTION = protobuf.Root.fromJSON({
  nested: {
    ServerReflectionRequest: {
      oneofs: { messageRequest: { oneof: ['fileByFilename', 'fileContainingSymbol', 'listServices'] } },
      fields: {
        host: { type: 'string', id: 1 },
        fileByFilename: { type: 'string', id: 3 },
        fileContainingSymbol: { type: 'string', id: 4 },
        listServices: { type: 'string', id: 7 },
      },
    },
    ServerReflectionResponse: {
      fields: {
        fileDescriptorResponse: { type: 'FileDescriptorResponse', id: 4 },
        listServicesResponse: { type: 'ListServiceResponse', id: 6 },
        errorResponse: { type: 'ErrorResponse', id: 7 },
      },
    },
    FileDescriptorResponse: { fields: { fileDescriptorProto: { rule: 'repeated', type: 'bytes', id: 1 } } },
    ListServiceResponse: { fields: { service: { rule: 'repeated', type: 'ServiceResponse', id: 1 } } },
    ServiceResponse: { fields: { name: { type: 'string', id: 1 } } },
    ErrorResponse: {
      fields: { errorCode: { type: 'int32', id: 1 }, errorMessage: { type: 'string', id: 2 } },
    },
  },
});
const RequestType = REFLECTION.lookupType('ServerReflectionRequest');
const ResponseType = REFLECTION.lookupType('ServerReflectionResponse');

type ReflectionRequest =
  | { fileByFilename: string }
  | { fileContainingSymbol: string }
  | { listServices: string };

interface ReflectionResponse {
  fileDescriptorResponse?: { fileDescriptorProto: Uint8Array[] };
  listServicesResponse?: { service: { name: string }[] };
  errorResponse?: { errorCode: number; errorMessage: string };
}

const VERSIONS = ['grpc.reflection.v1', 'grpc.reflection.v1alpha'] as const;

/** one question on its own stream; the call's error when it ends with a status other than OK */
function ask(
  client: grpc.Client,
  version: string,
  request: ReflectionRequest,
  deadline: number,
): Promise<ReflectionResponse> {
  return new Promise((resolve, reject) => {
    const stream = client.makeBidiStreamRequest(
      `/${version}.ServerReflection/ServerReflectionInfo`,
      (value: ReflectionRequest) => Buffer.from(RequestType.encode(RequestType.fromObject(value)).finish()),
      (bytes: Buffer) => ResponseType.toObject(ResponseType.decode(bytes), { defaults: true }),
      new grpc.Metadata(),
      { deadline },
    );
    let answer: ReflectionResponse | undefined;
    stream.on('data', (message: ReflectionResponse) => {
      answer ??= message;
    });
    stream.on('error', reject);
    stream.on('status', (status: grpc.StatusObject) => {
      if (status.code === grpc.status.OK) {
        if (answer) resolve(answer);
        else reject(new Error('the reflection service answered nothing'));
      }
    });
    stream.write(request);
    stream.end();
  });
}

function invalid(message: string, hint: string): ScalebenchError {
  return new ScalebenchError('SB_ERR_INVALID_ARGUMENT', message, { hint });
}

/** the first reflection version the server answers, with its answer to `request` */
async function firstVersion(
  client: grpc.Client,
  host: string,
  request: ReflectionRequest,
  deadline: number,
): Promise<{ version: string; answer: ReflectionResponse }> {
  for (const version of VERSIONS) {
    try {
      return { version, answer: await ask(client, version, request, deadline) };
    } catch (error: unknown) {
      if ((error as { code?: number }).code === grpc.status.UNIMPLEMENTED) continue;
      const reason = (error as { details?: string }).details || (error as Error).message;
      throw new ScalebenchError('SB_ERR_PROTOCOL', `${host}: server reflection failed (${reason})`, {
        hint: 'pass --proto FILE: the .proto file that defines the service',
      });
    }
  }
  throw invalid(
    `${host} offers no server reflection (grpc.reflection.v1 or v1alpha): pass --proto FILE`,
    'give the .proto file that defines the service, or enable reflection on the server',
  );
}

function filesOf(answer: ReflectionResponse): protobuf.Message[] {
  return (answer.fileDescriptorResponse?.fileDescriptorProto ?? []).map((bytes) =>
    descriptorExtension.FileDescriptorProto.decode(bytes),
  );
}

/**
 * The Root that defines `service` on the server at `target` (grpc://host:port), from its reflection
 * service: the service's file and, one request each, the files it imports that the first answer lacked.
 */
export async function reflectProtoRoot(
  target: URL,
  tls: TlsSettings,
  service: string,
  timeoutMs = 5000,
): Promise<protobuf.Root> {
  const client = new grpc.Client(target.host, channelCredentials(target, tls));
  const deadline = Date.now() + timeoutMs;
  try {
    const { version, answer } = await firstVersion(
      client,
      target.host,
      { fileContainingSymbol: service },
      deadline,
    );
    if (answer.errorResponse && answer.errorResponse.errorCode !== 0) {
      const listed = await ask(client, version, { listServices: '' }, deadline);
      const names = (listed.listServicesResponse?.service ?? []).map((entry) => entry.name);
      throw invalid(
        `--call: the server's reflection has no service ${service} (services: ${names.join(', ') || 'none'})`,
        'name the service with its package, e.g. pkg.Service/Method',
      );
    }
    const files = new Map<string, protobuf.Message>();
    const pending = filesOf(answer);
    while (pending.length > 0) {
      const file = pending.shift()!;
      const { name, dependency } = file as unknown as { name: string; dependency?: string[] };
      if (files.has(name)) continue;
      files.set(name, file);
      for (const imported of dependency ?? []) {
        if (
          files.has(imported) ||
          pending.some((other) => (other as unknown as { name: string }).name === imported)
        )
          continue;
        pending.push(...filesOf(await ask(client, version, { fileByFilename: imported }, deadline)));
      }
    }
    const root = (protobuf.Root as unknown as { fromDescriptor(set: object): protobuf.Root }).fromDescriptor({
      file: [...files.values()],
    });
    root.resolveAll();
    return root;
  } finally {
    client.close();
  }
}
