/**
 * One thread's whole run: build the client, the accumulator and the VUs, wait for the common start,
 * run the open or closed schedule, let in-flight iterations finish, and report plain data. Used
 * directly for workers = 1 and inside each worker thread otherwise.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ScalebenchError } from '../../core/errors.ts';
import type { VuPoolSize } from '../../load-model/executors/executor-module.ts';
import { type ExecutorPlan, executorOf } from '../../load-model/executors/registry.ts';
import type { LoadPlan } from '../../load-model/plan/load-plan.ts';
import { buildProfile, type Profile } from '../../load-model/plan/profile.ts';
import { openGrpcTransport } from '../grpc/grpc-user-factory.ts';
import { createHttpClient } from '../http/create-client.ts';
import { loadTlsSettings } from '../http/tls-settings.ts';
import { DEFAULT_MAX_STREAMS, type HttpClient } from '../http/types.ts';
import { DataFiles, type DataSlice } from '../virtual-users/data-file.ts';
import { FlowGrpc } from '../virtual-users/flow-grpc.ts';
import { FlowVirtualUser, type VuContext } from '../virtual-users/virtual-user.ts';
import type { Clock } from './clock.ts';
import { runClosedSchedule } from './closed-scheduler.ts';
import { FAST_FAILED_ITERATIONS } from './fast-fail-backoff.ts';
import { socketBudget } from './feasibility.ts';
import { InFlight } from './in-flight.ts';
import { MetricsAccumulator } from './metrics.ts';
import { readOpenFileLimit } from './open-file-limit.ts';
import { runOpenSchedule } from './open-scheduler.ts';
import { createPacer } from './pacer.ts';
import { resolveFlow } from './resolve-flow.ts';
import type { SecondPoint } from './second-buckets.ts';
import type { PreparedTarget } from './send-loop.ts';
import { SINGLE_STEP, SingleRequestUser } from './single-request-user.ts';
import { isStreamLoad, streamUserFactory } from './stream-users.ts';
import { TargetListUser } from './target-list-user.ts';
import { createTargetPicker } from './target-picker.ts';
import { type ThreadReport, toThreadReport } from './thread-report.ts';
import { ThreadStop } from './thread-stop.ts';
import { type VuFactory, VuPool } from './vu-pool.ts';

/** what the thread needs of its client, HTTP or gRPC: warm connections, the protocol, closing */
type Transport = Pick<HttpClient, 'protocol' | 'ready' | 'close'>;

export interface ThreadRun {
  options: LoadPlan;
  /** this thread's share of the load */
  executor: ExecutorPlan;
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
  const params = options.flowParams;
  const grpc = flow.grpc ? await FlowGrpc.open(flow.grpc, params, options.timeoutMs) : undefined;
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
    timeoutMs: options.timeoutMs,
    insecure: options.tls?.insecure === true,
    fail,
  };
  return (id) => new FlowVirtualUser(id, flow, ctx);
}

/** `bench --targets`: every target prepared once, with its step index; one picker for the thread's VUs. */
function targetListFactory(options: LoadPlan, client: HttpClient, metrics: MetricsAccumulator): VuFactory {
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
    options.targetPick,
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

/** The thread's gRPC channels or HTTP client (none for streams), sized for its share of the load. */
async function openTransport(run: ThreadRun, profile: Profile, poolSize: VuPoolSize) {
  const { options } = run;
  const { timeoutMs } = options;
  const tls = await loadTlsSettings(options.tls);
  const grpc = options.grpc
    ? openGrpcTransport(options.baseUrl, options.grpc, { timeoutMs, tls, threads: options.workers })
    : undefined;
  const client: Transport | null = isStreamLoad(options)
    ? null
    : (grpc?.channels ??
      (await createHttpClient(options.http2 ? 'h2' : options.client, {
        origin: new URL(options.baseUrl).origin,
        tls,
        ...(options.maxStreams === undefined ? {} : { maxStreams: options.maxStreams }),
        // an open model's VUs beyond the open-file limit wait for a socket instead of failing with EMFILE
        connections: Math.min(
          poolSize.max,
          (run.sockets ?? socketBudget(readOpenFileLimit())) *
            (options.http2 ? (options.maxStreams ?? DEFAULT_MAX_STREAMS) : 1),
        ),
        servedByHeader: options.servedByHeader,
        preconnect: profile.kind === 'rate' ? warmSockets(poolSize) : 0,
        timeoutMs,
        ...(options.maxBody === undefined ? {} : { maxBody: options.maxBody }),
      })));
  return { grpc, client };
}

/** the thread's virtual users: gRPC callers, HTTP users (a flow's, a target list's, one request's) or streams */
async function usersOf(
  run: ThreadRun,
  { grpc, client }: Awaited<ReturnType<typeof openTransport>>,
  metrics: MetricsAccumulator,
  stop: ThreadStop,
  closers: (() => Promise<void>)[],
): Promise<VuFactory> {
  if (grpc) return grpc.factory(metrics);
  if (client) return vuFactory(run, client as HttpClient, metrics, stop.fail, closers);
  return streamUserFactory(run.options, metrics, run.clock)!;
}

export async function runThread(run: ThreadRun): Promise<ThreadReport> {
  const { options, clock, signal } = run;
  const { warmupMs, timeoutMs } = options;
  const profile = buildProfile(run.executor, warmupMs);
  const poolSize = executorOf(run.executor).vuPool(run.executor);
  const { grpc, client } = await openTransport(run, profile, poolSize);
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
  const stop = new ThreadStop(signal);
  // what a flow opened besides the client (its gRPC connections): closed with it
  const closers: (() => Promise<void>)[] = [];
  const factory = await usersOf(run, { grpc, client }, metrics, stop, closers);
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
      { ...run, startAt, signal: stop.stopSignal },
      { profile, poolSize, factory, metrics, inFlight },
    ));
    const graceMs = options.gracefulStopMs;
    await inFlight.drain(stop.stopSignal.aborted ? Math.min(graceMs, ABORT_GRACE_MS) : graceMs);
    unfinishedIterations = inFlight.size;
  } finally {
    stop.release();
    clearInterval(ticker);
    loopDelay.disable();
    metrics.seal();
    await client?.close();
    for (const close of closers) await close();
  }
  if (stop.fatal) throw stop.fatal;
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
