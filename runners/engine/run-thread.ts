/**
 * One thread's whole run: build the client, the accumulator and the VUs, wait for the common start,
 * run the open or closed schedule, let in-flight iterations finish, and report plain data. Used
 * directly for workers = 1 and inside each worker thread otherwise.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ScalebenchError } from '../../core/errors.ts';
import { toMs } from '../../load-model/duration.ts';
import { DEFAULT_TIMEOUT_MS, type ExecutorConfig, type LoadRunOptions } from '../../load-model/types.ts';
import { DataFiles, type DataSlice } from '../flows/data-file.ts';
import { FlowGrpc } from '../flows/flow-grpc.ts';
import { FlowVirtualUser, type VuContext } from '../flows/virtual-user.ts';
import { openGrpcTransport } from '../grpc/grpc-user-factory.ts';
import { createHttpClient } from '../http/create-client.ts';
import { loadTlsSettings } from '../http/tls-settings.ts';
import { DEFAULT_MAX_STREAMS, type HttpClient } from '../http/types.ts';
import { createPacer } from '../load-models/pacer.ts';
import { buildProfile, type Profile } from '../load-models/rate-profile.ts';
import { type VuPoolSize, vuPoolSize } from '../load-models/vu-pool-size.ts';
import type { Clock } from './clock.ts';
import { runClosedSchedule } from './closed-scheduler.ts';
import { FAST_FAILED_ITERATIONS } from './fast-fail-backoff.ts';
import { socketBudget } from './feasibility.ts';
import { InFlight } from './in-flight.ts';
import { MetricsAccumulator } from './metrics.ts';
import { readOpenFileLimit } from './open-file-limit.ts';
import { runOpenSchedule } from './open-scheduler.ts';
import { resolveFlow } from './resolve-flow.ts';
import type { SecondPoint } from './second-buckets.ts';
import type { PreparedTarget } from './send-loop.ts';
import { SINGLE_STEP, SingleRequestUser } from './single-request-user.ts';
import { isStreamLoad, streamUserFactory } from './stream-users.ts';
import { TargetListUser } from './target-list-user.ts';
import { createTargetPicker } from './target-picker.ts';
import { type ThreadReport, toThreadReport } from './thread-report.ts';
import { type VuFactory, VuPool } from './vu-pool.ts';

export const DEFAULT_SERVED_BY_HEADER = 'x-served-by';

/** what the thread needs of its client, HTTP or gRPC: warm connections, the protocol, closing */
type Transport = Pick<HttpClient, 'protocol' | 'ready' | 'close'>;

export interface ThreadRun {
  options: LoadRunOptions;
  /** this thread's share of the load */
  executor: ExecutorConfig;
  clock: Clock;
  /** clock time of offset 0 (may lie a little in the future: the common start of all threads) */
  startAt: number;
  signal?: AbortSignal;
  onSecond?: (point: SecondPoint) => void;
  /** hears the clock time of offset 0 once it is fixed (faults and samples are timed from it) */
  onStart?: (startAt: number) => void;
  encodeSeconds?: boolean;
  /** the most sockets this thread may open (default: what the open-file limit allows) */
  sockets?: number;
  /** this thread's rows of a unique data file (default: the options' dataSlice, else all) */
  dataSlice?: DataSlice;
}

async function vuFactory(
  run: ThreadRun,
  client: HttpClient,
  metrics: MetricsAccumulator,
  fail: (error: ScalebenchError) => void,
  closers: (() => Promise<void>)[],
): Promise<VuFactory> {
  const { options } = run;
  const flow = await resolveFlow(options.flow);
  if (!flow && options.targets) return targetListFactory(options, client, metrics);
  if (!flow) {
    const request = options.request ?? {};
    const base = new URL(options.baseUrl);
    const path = request.path ?? `${base.pathname}${base.search}`;
    const prepared = client.prepare(
      { method: request.method ?? 'GET', path, headers: request.headers ?? {}, body: request.body },
      false,
    );
    return () => new SingleRequestUser(client, prepared, metrics);
  }
  const params = options.flowParams ?? {};
  const grpc = flow.grpc
    ? await FlowGrpc.open(flow.grpc, params, toMs(options.timeout, DEFAULT_TIMEOUT_MS))
    : undefined;
  if (grpc) closers.push(() => grpc.close());
  const ctx: VuContext = {
    ...(grpc ? { grpc } : {}),
    client,
    metrics,
    clock: run.clock,
    params,
    shared: flow.shared?.(params),
    data: new DataFiles(process.cwd(), run.dataSlice ?? options.dataSlice),
    baseUrl: options.baseUrl,
    timeoutMs: toMs(options.timeout, DEFAULT_TIMEOUT_MS),
    insecure: options.tls?.insecure === true,
    fail,
  };
  return (id) => new FlowVirtualUser(id, flow, ctx);
}

/** `bench --targets`: every target prepared once, with its step index; one picker for the thread's VUs. */
function targetListFactory(
  options: LoadRunOptions,
  client: HttpClient,
  metrics: MetricsAccumulator,
): VuFactory {
  const specs = options.targets ?? [];
  const targets: PreparedTarget[] = specs.map((target) => {
    const method = (target.method ?? 'GET').toUpperCase();
    const path = target.path ?? '/';
    return {
      request: client.prepare({ method, path, headers: target.headers ?? {}, body: target.body }, false),
      step: metrics.stepIndex(target.name ?? `${method} ${path}`),
    };
  });
  const pick = createTargetPicker(
    specs.map((target) => target.weight ?? 1),
    options.targetPick ?? 'round-robin',
  );
  return () => new TargetListUser(client, targets, pick, metrics);
}

interface ScheduleParts {
  profile: Profile;
  poolSize: VuPoolSize;
  factory: VuFactory;
  metrics: MetricsAccumulator;
  inFlight: InFlight;
}

/** The open (arrival rate, pooled VUs) or closed (VU count) schedule; how long it ran and the VUs it made. */
async function runSchedule(
  run: ThreadRun,
  { profile, poolSize, factory, metrics, inFlight }: ScheduleParts,
): Promise<{ ranMs: number; vusCreated: number }> {
  const { clock, startAt, signal } = run;
  if (profile.kind === 'rate') {
    const pool = new VuPool(factory, poolSize.preAllocated, poolSize.max);
    const ranMs = await runOpenSchedule({
      pacer: createPacer(profile),
      clock,
      startAt,
      acquire: () => pool.acquire(),
      release: (vu) => pool.release(vu),
      onDropped: (intendedAt) => metrics.addDropped(intendedAt),
      inFlight,
      signal,
    });
    return { ranMs, vusCreated: pool.size };
  }
  let vusCreated = 0;
  const ranMs = await runClosedSchedule({
    profile,
    clock,
    startAt,
    createVu: (id) => {
      vusCreated += 1;
      return factory(id);
    },
    inFlight,
    signal,
    onFastFail: (at) => metrics.count(FAST_FAILED_ITERATIONS, 1, at),
  });
  return { ranMs, vusCreated };
}

/** After an abort (Ctrl-C, SIGTERM), how long in-flight iterations may still finish: stop within 2 s. */
export const ABORT_GRACE_MS = 500;

/** The longest the start waits for the warm sockets to connect (or the request timeout, if shorter). */
export const READY_LIMIT_MS = 5000;

/** Sockets opened before the start beyond this count are opened on demand (an fd-friendly default). */
export const MAX_WARM_SOCKETS = 1000;

/**
 * The open model opens its sockets before the start, as wrk and autocannon open all of theirs: every
 * arrival the VU limit allows finds a warm socket, so a target that stalls is not also hit by a storm of
 * new connections (which it would have to accept before answering, inflating the tail).
 */
function warmSockets(poolSize: VuPoolSize): number {
  return Math.min(poolSize.max, Math.max(poolSize.preAllocated, MAX_WARM_SOCKETS));
}

export async function runThread(run: ThreadRun): Promise<ThreadReport> {
  const { options, clock, signal } = run;
  const warmupMs = toMs(options.warmup, 0);
  const timeoutMs = toMs(options.timeout, DEFAULT_TIMEOUT_MS);
  const profile = buildProfile(run.executor, warmupMs);
  const poolSize = vuPoolSize(run.executor);
  const tls = await loadTlsSettings(options.tls);
  const grpc = options.grpc
    ? openGrpcTransport(options.baseUrl, options.grpc, { timeoutMs, tls, threads: options.workers ?? 1 })
    : undefined;
  const client: Transport | null = isStreamLoad(options)
    ? null
    : (grpc?.channels ??
      (await createHttpClient(options.http2 ? 'h2' : (options.client ?? 'raw'), {
        origin: new URL(options.baseUrl).origin,
        tls,
        ...(options.maxStreams === undefined ? {} : { maxStreams: options.maxStreams }),
        // an open model's VUs beyond the open-file limit wait for a socket instead of failing with EMFILE
        connections: Math.min(
          poolSize.max,
          (run.sockets ?? socketBudget(readOpenFileLimit())) *
            (options.http2 ? (options.maxStreams ?? DEFAULT_MAX_STREAMS) : 1),
        ),
        servedByHeader: (options.servedByHeader ?? DEFAULT_SERVED_BY_HEADER).toLowerCase(),
        preconnect: profile.kind === 'rate' ? warmSockets(poolSize) : 0,
        timeoutMs,
        ...(options.maxBody === undefined ? {} : { maxBody: options.maxBody }),
      })));
  // the warm sockets connect (and finish their TLS handshakes) before the schedule starts: a burst of
  // handshakes must not eat the first arrivals' time; a thread that is late starts late, not behind
  await client?.ready?.(Math.min(timeoutMs, READY_LIMIT_MS));
  const startAt = Math.max(run.startAt, clock.now());
  run.onStart?.(startAt);
  const metrics = new MetricsAccumulator({
    startAt,
    warmupMs,
    encodeSeconds: run.encodeSeconds ?? false,
    onSecond: run.onSecond,
  });
  // a data file that cannot be used stops the run: the schedule ends, then the error is thrown
  const stop = new AbortController();
  let fatal: ScalebenchError | undefined;
  const fail = (error: ScalebenchError) => {
    fatal ??= error;
    stop.abort();
  };
  // the caller's signal outlives this thread (a suite runs many): its listener goes when the thread ends
  const forwardAbort = () => stop.abort();
  if (signal) {
    if (signal.aborted) stop.abort();
    else signal.addEventListener('abort', forwardAbort, { once: true });
  }
  // what a flow opened besides the client (its gRPC connections): closed with it
  const closers: (() => Promise<void>)[] = [];
  const factory = grpc
    ? grpc.factory(metrics)
    : client
      ? await vuFactory(run, client as HttpClient, metrics, fail, closers)
      : streamUserFactory(options, metrics, clock)!;
  const inFlight = new InFlight();
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  const ticker = setInterval(() => metrics.tick(clock.now()), 200);
  let ranMs = 0;
  let vusCreated = 0;
  let unfinishedIterations = 0;
  try {
    // the clock wakes early by design: wait until startAt has come, or the first VU's due lies before it
    while (clock.now() < startAt) await clock.wait(startAt - clock.now());
    loopDelay.enable();
    ({ ranMs, vusCreated } = await runSchedule(
      { ...run, startAt, signal: stop.signal },
      { profile, poolSize, factory, metrics, inFlight },
    ));
    const graceMs = toMs(options.gracefulStop, timeoutMs + 1000);
    await inFlight.drain(stop.signal.aborted ? Math.min(graceMs, ABORT_GRACE_MS) : graceMs);
    unfinishedIterations = inFlight.size;
  } finally {
    signal?.removeEventListener('abort', forwardAbort);
    clearInterval(ticker);
    loopDelay.disable();
    metrics.seal();
    await client?.close();
    for (const close of closers) await close();
  }
  if (fatal) throw fatal;
  const data = metrics.close();
  const eventLoopDelayP99Ms = loopDelay.count > 0 ? loopDelay.percentile(99) / 1e6 : 0;
  return toThreadReport(data, {
    // a schedule that ran to its end covers the whole profile, though its last arrival came earlier
    ranMs: signal?.aborted ? Math.min(ranMs, profile.totalMs) : profile.totalMs,
    eventLoopDelayP99Ms,
    vusCreated,
    unfinishedIterations,
    firstFlowError: metrics.firstFlowError,
    ...(client ? { protocol: client.protocol } : {}),
  });
}

export { SINGLE_STEP };
