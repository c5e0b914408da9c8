/**
 * vu.grpc: a flow's gRPC calls to the target its `grpc` section names. One set of HTTP/2 connections per
 * thread; each method resolved and each request type checked the first time a flow calls it (a message
 * that does not fit stops the run with exit 2, the field named); responses decoded as proto-loader
 * would (enums and 64-bit integers as strings). Each call is one request of its step in the metrics.
 */

import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ServiceError } from '@grpc/grpc-js';
import type protobuf from 'protobufjs';
import { ScalebenchError } from '../../core/errors.ts';
import type { FlowGrpcTarget, GrpcCallOptions, GrpcResponse } from '../../load-model/flows/types.ts';
import type { MetricsAccumulator } from '../engine/metrics.ts';
import { GRPC_COUNTERS, GRPC_FIRST_MESSAGE_TREND } from '../grpc/grpc-call-user.ts';
import { GrpcChannels, metadataOf } from '../grpc/grpc-channels.ts';
import { type GrpcMethod, loadProtoRoot, misfit, resolveMethod } from '../grpc/grpc-method.ts';
import { classifyGrpc, statusName } from '../grpc/grpc-status.ts';
import { loadTlsSettings } from '../http/tls-settings.ts';

const DECODE: protobuf.IConversionOptions = { longs: String, enums: String, bytes: String, defaults: true };

interface Exchange {
  sentAt: number;
  error: ServiceError | null;
  messages: Buffer[];
  firstAt?: number;
}

/** The request message as protobuf bytes; a message that does not fit the request type stops the run. */
function encodeRequest(method: GrpcMethod, call: string, message: unknown): Buffer {
  const problem = misfit(method.requestType, message);
  if (problem) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_CONFIG',
      `vu.grpc('${call}'): the message does not fit: ${problem}`,
      {
        hint: `the request is a ${method.requestType.fullName.slice(1)} message`,
      },
    );
  }
  return Buffer.from(
    method.requestType.encode(method.requestType.fromObject(message as Record<string, unknown>)).finish(),
  );
}

export class FlowGrpc {
  private readonly methods = new Map<string, GrpcMethod>();

  private constructor(
    private readonly channels: GrpcChannels,
    private readonly root: protobuf.Root,
    private readonly timeoutMs: number,
  ) {}

  static async open(
    spec: FlowGrpcTarget,
    params: Readonly<Record<string, unknown>>,
    timeoutMs: number,
  ): Promise<FlowGrpc> {
    const target = typeof spec.target === 'function' ? spec.target(params) : spec.target;
    if (!/^grpcs?:\/\/[^/]+:\d+\/?$/.test(target)) {
      throw new ScalebenchError(
        'SB_ERR_INVALID_CONFIG',
        `flow grpc.target '${target}' is not grpc://host:port`,
        {
          hint: 'e.g. grpc: { target: "grpc://127.0.0.1:50051", proto: "api.proto" }',
        },
      );
    }
    const root = loadProtoRoot(resolve(spec.proto));
    const tls = await loadTlsSettings({
      ...(spec.insecure ? { insecure: true } : {}),
      ...(spec.ca ? { caFile: resolve(spec.ca) } : {}),
    });
    const channels = new GrpcChannels({ target, tls, connections: spec.connections ?? 1 });
    return new FlowGrpc(channels, root, timeoutMs);
  }

  method(call: string): GrpcMethod {
    let method = this.methods.get(call);
    if (!method) {
      method = resolveMethod(this.root, call);
      this.methods.set(call, method);
    }
    return method;
  }

  /** the call, recorded as one request of `step` intended at `intendedAt` */
  async call(
    step: number,
    call: string,
    message: unknown,
    options: GrpcCallOptions,
    intendedAt: number,
    metrics: MetricsAccumulator,
  ): Promise<GrpcResponse> {
    const method = this.method(call);
    const request = encodeRequest(method, call, message);
    const exchange = await this.exchange(method, request, options);
    const doneAt = performance.now();
    const code = exchange.error?.code ?? 0;
    const details = exchange.error?.details ?? '';
    const decoded = exchange.messages.map(
      (bytes) =>
        method.responseType.toObject(method.responseType.decode(bytes), DECODE) as Record<string, unknown>,
    );
    const response: GrpcResponse = {
      status: statusName(code),
      details,
      errorClass: exchange.error ? classifyGrpc(code, details) : undefined,
      ok: exchange.error === null,
      message: decoded[0],
      messages: decoded,
      checks: {},
      ...(method.responseStream && exchange.firstAt !== undefined
        ? { firstMessageMs: exchange.firstAt - intendedAt }
        : {}),
    };
    for (const [name, check] of Object.entries(options.checks ?? {})) {
      const passed = response.ok && safeCheck(check, response);
      response.checks[name] = passed;
      metrics.addCheck(name, passed, intendedAt);
      if (!passed && response.errorClass === undefined) response.errorClass = 'check';
    }
    response.ok = response.errorClass === undefined;
    metrics.addRequest(step, intendedAt, exchange.sentAt, doneAt, response.errorClass, undefined);
    metrics.count(GRPC_COUNTERS.bytesSent, request.length, intendedAt);
    const received = exchange.messages.reduce((sum, bytes) => sum + bytes.length, 0);
    if (received > 0) metrics.count(GRPC_COUNTERS.bytesReceived, received, intendedAt);
    if (method.responseStream) {
      metrics.count(GRPC_COUNTERS.streamMessages, exchange.messages.length, intendedAt);
      if (response.firstMessageMs !== undefined) {
        metrics.trend(GRPC_FIRST_MESSAGE_TREND, response.firstMessageMs, intendedAt);
      }
    }
    return response;
  }

  private exchange(method: GrpcMethod, request: Buffer, options: GrpcCallOptions): Promise<Exchange> {
    const metadata = metadataOf(options.metadata);
    const deadline = options.deadline ?? this.timeoutMs;
    const sentAt = performance.now();
    return new Promise((done) => {
      if (!method.responseStream) {
        this.channels.unary(method.path, request, metadata, deadline, (error, response) =>
          done({ sentAt, error, messages: response ? [response] : [] }),
        );
        return;
      }
      const exchange: Exchange = { sentAt, error: null, messages: [] };
      const stream = this.channels.serverStream(method.path, request, metadata, deadline);
      let finished = false;
      const end = (error: ServiceError | null) => {
        if (finished) return;
        finished = true;
        exchange.error = error;
        done(exchange);
      };
      stream.on('data', (message: Buffer) => {
        exchange.firstAt ??= performance.now();
        exchange.messages.push(message);
      });
      stream.on('error', (error: ServiceError) => end(error));
      stream.on('end', () => end(null));
    });
  }

  close(): Promise<void> {
    return this.channels.close();
  }
}

function safeCheck(check: (response: GrpcResponse) => boolean, response: GrpcResponse): boolean {
  try {
    return check(response) === true;
  } catch {
    return false;
  }
}
