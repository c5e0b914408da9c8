/**
 * One virtual user: its vars and cookie jar, the step API flows call, and the bookkeeping that
 * turns each step into a metrics record. The first request of an iteration is timed from the
 * iteration's intended start (no coordinated omission); later steps from when the flow issued them.
 */

import { isScalebenchError, ScalebenchError } from '../../core/errors.ts';
import { CookieJar } from '../../load-model/flows/cookie-jar.ts';
import type {
  Capture,
  DataMode,
  DataRow,
  FlowDefinition,
  FlowEvent,
  FlowRequest,
  FlowResponse,
  FlowSocket,
  GrpcCallOptions,
  GrpcResponse,
  PollOptions,
  PollResult,
  SseWaitResult,
  StepOptions,
  VirtualUser,
  WsOpenOptions,
} from '../../load-model/flows/types.ts';
import type { ErrorClass } from '../../results/schema.ts';
import type { Clock } from '../engine/clock.ts';
import type { IterationEnd } from '../engine/fast-fail-backoff.ts';
import type { MetricsAccumulator } from '../engine/metrics.ts';
import { classifyStatus } from '../http/classify-error.ts';
import type { HttpClient, HttpRequest } from '../http/types.ts';
import type { DataFiles } from './data-file.ts';
import { waitForEvent } from './flow-events.ts';
import type { FlowGrpc } from './flow-grpc.ts';
import { toFlowResponse } from './flow-response.ts';
import { openFlowSocket } from './flow-socket.ts';
import { fillTemplate, pickPath } from './template.ts';

export interface VuContext {
  client: HttpClient;
  metrics: MetricsAccumulator;
  clock: Clock;
  params: Readonly<Record<string, unknown>>;
  shared: unknown;
  /** the thread's data files (vu.data) */
  data: DataFiles;
  /** the run's baseUrl (vu.ws opens sockets on its origin) */
  baseUrl: string;
  /** per request (and WebSocket handshake, reply, close), ms */
  timeoutMs: number;
  /** https/wss: accept any certificate */
  insecure: boolean;
  /** stops the run with an input error (a data file that cannot be used): thrown when the run ends */
  fail: (error: ScalebenchError) => void;
  /** the flow's gRPC target, when it has a `grpc` section */
  grpc?: FlowGrpc;
}

function capture(spec: Capture, response: FlowResponse): unknown {
  if (typeof spec === 'function') return spec(response);
  if (spec.startsWith('json:')) return pickPath(response.json(), spec.slice(5));
  if (spec.startsWith('header:')) return response.header(spec.slice(7));
  throw new Error(`capture '${spec}' must start with json: or header:`);
}

export class FlowVirtualUser implements VirtualUser<unknown> {
  readonly vars: Record<string, unknown> = {};
  readonly cookies = new CookieJar();
  iteration = 0;
  private initialized = false;
  /** intended start for the next request, consumed by the first step of an iteration */
  private intendedAt: number | undefined;
  /** intended start of the current iteration: counters and trends belong to it */
  private iterationIntendedAt = 0;
  /** this iteration's steps that got what they asked for, and those that failed */
  private stepsWorked = 0;
  private stepsFailed = 0;

  constructor(
    readonly id: number,
    private readonly flow: FlowDefinition<unknown>,
    private readonly ctx: VuContext,
  ) {}

  get params() {
    return this.ctx.params;
  }

  get shared() {
    return this.ctx.shared;
  }

  /** 'failed' when it threw, or when a step failed and none worked (a refused connect, say) */
  async runIteration(intendedAt: number): Promise<IterationEnd | undefined> {
    this.iteration += 1;
    this.intendedAt = intendedAt;
    this.iterationIntendedAt = intendedAt;
    this.stepsWorked = 0;
    this.stepsFailed = 0;
    let threw = false;
    try {
      if (!this.initialized) {
        this.initialized = true;
        await this.flow.init?.(this);
      }
      await this.flow.iteration(this);
    } catch (error: unknown) {
      if (isScalebenchError(error)) {
        this.ctx.fail(error);
        return undefined;
      }
      threw = true;
      this.ctx.metrics.count('flowErrors', 1, intendedAt);
      if (this.ctx.metrics.firstFlowError === undefined) {
        this.ctx.metrics.firstFlowError = error instanceof Error ? error.message : String(error);
      }
    }
    this.ctx.metrics.addIteration(intendedAt);
    return threw || (this.stepsFailed > 0 && this.stepsWorked === 0) ? 'failed' : 'worked';
  }

  private noteStep(worked: boolean): void {
    if (worked) this.stepsWorked += 1;
    else this.stepsFailed += 1;
  }

  async request(step: string, request: FlowRequest, options: StepOptions = {}): Promise<FlowResponse> {
    const intendedAt = this.intendedAt ?? this.ctx.clock.now();
    this.intendedAt = undefined;
    const result = await this.ctx.client.send(this.ctx.client.prepare(this.toHttp(request), true));
    if (result.status > 0) this.cookies.store(result.headers);
    let errorClass: ErrorClass | undefined = result.errorClass ?? classifyStatus(result.status);
    const response = toFlowResponse(result, errorClass);
    for (const [name, check] of Object.entries(options.checks ?? {})) {
      const passed = result.status > 0 && safeCheck(check, response);
      response.checks[name] = passed;
      this.ctx.metrics.addCheck(name, passed, intendedAt);
      if (!passed && errorClass === undefined) errorClass = 'check';
    }
    response.errorClass = errorClass;
    response.ok = errorClass === undefined;
    if (result.status > 0) {
      for (const [name, spec] of Object.entries(options.capture ?? {}))
        this.vars[name] = capture(spec, response);
    }
    const metrics = this.ctx.metrics;
    metrics.addRequest(
      metrics.stepIndex(step),
      intendedAt,
      result.sentAt,
      result.doneAt,
      errorClass,
      result.servedBy,
    );
    metrics.addPhases(intendedAt, result);
    this.noteStep(response.ok);
    return response;
  }

  async poll(step: string, request: FlowRequest, options: PollOptions): Promise<PollResult> {
    let attempts = 0;
    for (;;) {
      attempts += 1;
      const response = await this.request(step, request, options);
      const ok = response.status > 0 && safeCheck(options.until, response);
      if (ok || attempts >= options.maxAttempts) return { ok, attempts, response };
      await this.sleep(options.intervalMs);
    }
  }

  get measuring(): boolean {
    return this.ctx.metrics.measures(this.iterationIntendedAt);
  }

  /** what a stream opener (vu.ws, vu.sse) reads of this VU: where, how, and its cookies and vars */
  private streamContext() {
    const ctx = this.ctx;
    return {
      baseUrl: ctx.baseUrl,
      metrics: ctx.metrics,
      clock: ctx.clock,
      timeoutMs: ctx.timeoutMs,
      insecure: ctx.insecure,
      cookies: this.cookies,
      vars: this.vars,
    };
  }

  async ws(name: string, options: WsOpenOptions): Promise<FlowSocket> {
    const socket = await openFlowSocket(name, options, {
      ...this.streamContext(),
      takeIntendedAt: () => {
        const intendedAt = this.intendedAt;
        this.intendedAt = undefined;
        return intendedAt;
      },
    });
    // a socket closed with an error class as it opens never opened (refused, no upgrade, …)
    this.noteStep(!(socket.closed && socket.errorClass !== undefined));
    return socket;
  }

  async sse(
    name: string,
    options: { path: string; headers?: Record<string, string> },
    match: (event: FlowEvent) => boolean = () => true,
    timeoutMs = this.ctx.timeoutMs,
  ): Promise<SseWaitResult> {
    const ctx = this.ctx;
    const intendedAt = this.intendedAt ?? ctx.clock.now();
    this.intendedAt = undefined;
    const result = await waitForEvent(name, options, match, timeoutMs, {
      ...this.streamContext(),
      intendedAt,
    });
    this.noteStep(result.errorClass === undefined);
    return result;
  }

  async grpc(
    step: string,
    call: string,
    message: unknown,
    options: GrpcCallOptions = {},
  ): Promise<GrpcResponse> {
    const grpc = this.ctx.grpc;
    if (!grpc) {
      throw new ScalebenchError(
        'SB_ERR_INVALID_CONFIG',
        `flow ${this.flow.name} calls vu.grpc but has no grpc target`,
        {
          hint: "add grpc: { target: 'grpc://127.0.0.1:50051', proto: 'api.proto' } to its defineFlow",
        },
      );
    }
    const intendedAt = this.intendedAt ?? this.ctx.clock.now();
    this.intendedAt = undefined;
    const metrics = this.ctx.metrics;
    const response = await grpc.call(metrics.stepIndex(step), call, message, options, intendedAt, metrics);
    this.noteStep(response.ok);
    return response;
  }

  count(name: string, amount = 1): void {
    this.ctx.metrics.count(name, amount, this.iterationIntendedAt);
  }

  trend(name: string, ms: number): void {
    this.ctx.metrics.trend(name, ms, this.iterationIntendedAt);
  }

  now(): number {
    return this.ctx.clock.now();
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
  }

  data(file: string, mode: DataMode = 'sequential'): DataRow {
    return this.ctx.data.take(file, mode);
  }

  private toHttp(request: FlowRequest): HttpRequest {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers ?? {}))
      headers[name] = fillTemplate(value, this.vars, false);
    const cookie = this.cookies.header();
    if (cookie !== undefined && headers['cookie'] === undefined) headers['cookie'] = cookie;
    let body = request.body;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['content-type'] ??= 'application/json';
    }
    return {
      method: request.method ?? 'GET',
      path: fillTemplate(request.path, this.vars, true),
      headers,
      ...(body === undefined ? {} : { body }),
    };
  }
}

function safeCheck(check: (response: FlowResponse) => boolean, response: FlowResponse): boolean {
  try {
    return check(response) === true;
  } catch {
    return false;
  }
}
