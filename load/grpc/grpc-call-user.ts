/**
 * `bench grpc://…`: every iteration makes the same gRPC call, its request encoded once. A unary call is
 * one request in the metrics (grpc_req_duration: response time from the intended start, as HTTP's); a
 * server-streaming call is one request lasting until the stream ends, with its messages counted
 * (grpcStreamMessages) and the time to its first message as a trend (grpc_stream_first_message). Bytes
 * of the request and response messages are counters (grpcBytesSent, grpcBytesReceived); the status is
 * the error class (grpc-status.ts).
 */
import { performance } from 'node:perf_hooks';
import type { Metadata, ServiceError } from '@grpc/grpc-js';
import type { MetricsAccumulator } from '../engine/metrics.ts';
import type { IterationRunner } from '../engine/vu-pool.ts';
import type { GrpcChannels } from './grpc-channels.ts';
import { classifyGrpc } from './grpc-status.ts';

export interface PreparedCall {
  path: string;
  /** the step name: the method's name, as `grpc_req_duration{name:Method}` selects it */
  name: string;
  request: Buffer;
  metadata: Metadata;
  deadlineMs: number;
  responseStream: boolean;
}

export const GRPC_COUNTERS = {
  bytesSent: 'grpcBytesSent',
  bytesReceived: 'grpcBytesReceived',
  streamMessages: 'grpcStreamMessages',
} as const;

export const GRPC_FIRST_MESSAGE_TREND = 'grpc_stream_first_message';

export class GrpcCallUser implements IterationRunner {
  private readonly step: number;

  constructor(
    private readonly channels: GrpcChannels,
    private readonly call: PreparedCall,
    private readonly metrics: MetricsAccumulator,
  ) {
    this.step = metrics.stepIndex(call.name);
  }

  runIteration(intendedAt: number): Promise<void> {
    return this.call.responseStream ? this.stream(intendedAt) : this.unary(intendedAt);
  }

  private unary(intendedAt: number): Promise<void> {
    const call = this.call;
    return new Promise((resolve) => {
      const sentAt = performance.now();
      this.channels.unary(call.path, call.request, call.metadata, call.deadlineMs, (error, response) => {
        this.finish(intendedAt, sentAt, error, response?.length ?? 0);
        resolve();
      });
    });
  }

  private stream(intendedAt: number): Promise<void> {
    const call = this.call;
    return new Promise((resolve) => {
      const sentAt = performance.now();
      const stream = this.channels.serverStream(call.path, call.request, call.metadata, call.deadlineMs);
      let bytes = 0;
      let messages = 0;
      let finished = false;
      // a good stream ends with 'end' after its last message, a failed one with 'error' (and no 'end')
      const end = (error: ServiceError | null) => {
        if (finished) return;
        finished = true;
        this.metrics.count(GRPC_COUNTERS.streamMessages, messages, intendedAt);
        this.finish(intendedAt, sentAt, error, bytes);
        resolve();
      };
      stream.on('data', (message: Buffer) => {
        if (messages === 0) {
          this.metrics.trend(GRPC_FIRST_MESSAGE_TREND, performance.now() - intendedAt, intendedAt);
        }
        messages += 1;
        bytes += message.length;
      });
      stream.on('error', (failure: ServiceError) => end(failure));
      stream.on('end', () => end(null));
    });
  }

  private finish(intendedAt: number, sentAt: number, error: ServiceError | null, received: number): void {
    const doneAt = performance.now();
    const errorClass = error ? classifyGrpc(error.code, error.details ?? error.message) : undefined;
    this.metrics.addRequest(this.step, intendedAt, sentAt, doneAt, errorClass, undefined);
    this.metrics.count(GRPC_COUNTERS.bytesSent, this.call.request.length, intendedAt);
    if (received > 0) this.metrics.count(GRPC_COUNTERS.bytesReceived, received, intendedAt);
    this.metrics.addIteration(intendedAt);
  }
}
