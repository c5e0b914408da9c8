/**
 * vu.ws(name, …): a WebSocket for flow code, on a WsSession. The handshake carries the VU's cookies
 * and stores what it sets; `request` is a step like vu.request's, its first use in an iteration timed
 * from the iteration's intended start.
 */
import type { CookieJar } from '../../load-model/flows/cookie-jar.ts';
import type {
  FlowSocket,
  WsMatch,
  WsMessage,
  WsOpenOptions,
  WsReplyResult,
} from '../../load-model/flows/types.ts';
import type { ErrorClass } from '../../results/schema.ts';
import type { Clock } from '../engine/clock.ts';
import type { MetricsAccumulator } from '../engine/metrics.ts';
import { DEFAULT_MAX_WS_MESSAGE } from '../ws/ws-bench-user.ts';
import { WsSession } from '../ws/ws-session.ts';
import { fillTemplate, openingHeaders } from './template.ts';

export interface FlowSocketContext {
  /** the run's baseUrl (http(s):// or ws(s)://) */
  baseUrl: string;
  metrics: MetricsAccumulator;
  clock: Clock;
  timeoutMs: number;
  insecure: boolean;
  cookies: CookieJar;
  vars: Record<string, unknown>;
  /** the intended time of the iteration's first step, taken once (undefined after) */
  takeIntendedAt: () => number | undefined;
}

const anyMessage: WsMatch = () => true;

/** ws:// or wss:// for a path on the run's origin (http → ws, https → wss), or the full URL given */
export function socketUrl(baseUrl: string, path: string): string {
  if (/^wss?:\/\//.test(path)) return path;
  const url = new URL(path, baseUrl);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  if (url.protocol === 'https:') url.protocol = 'wss:';
  return url.href;
}

export async function openFlowSocket(
  name: string,
  options: WsOpenOptions,
  ctx: FlowSocketContext,
): Promise<FlowSocket> {
  const headers = openingHeaders(options.headers, ctx.vars, ctx.cookies.header());
  const session = new WsSession({
    url: socketUrl(ctx.baseUrl, fillTemplate(options.path, ctx.vars, true)),
    headers,
    ...(options.subprotocols ? { subprotocols: options.subprotocols } : {}),
    timeoutMs: ctx.timeoutMs,
    maxMessageBytes: DEFAULT_MAX_WS_MESSAGE,
    step: ctx.metrics.stepIndex(name),
    tag: name,
    metrics: ctx.metrics,
    clock: ctx.clock,
    ...(ctx.insecure ? { rejectUnauthorized: false } : {}),
    onUpgrade: (response) => {
      const setCookie = response['set-cookie'];
      if (setCookie !== undefined) ctx.cookies.store({ 'set-cookie': setCookie });
    },
  });
  await session.open();
  return new FlowSocketHandle(session, ctx);
}

class FlowSocketHandle implements FlowSocket {
  constructor(
    private readonly session: WsSession,
    private readonly ctx: FlowSocketContext,
  ) {}

  get protocol(): string {
    return this.session.protocol;
  }

  get closed(): boolean {
    return this.session.closed;
  }

  get errorClass(): ErrorClass | undefined {
    return this.session.errorClass;
  }

  send(data: string | Uint8Array): void {
    this.session.send(data);
  }

  request(step: string, data: string | Uint8Array, match: WsMatch = anyMessage): Promise<WsReplyResult> {
    const intendedAt = this.ctx.takeIntendedAt() ?? this.ctx.clock.now();
    const index = this.ctx.metrics.stepIndex(step);
    return new Promise((resolve) => {
      this.session.exchange(
        () => this.session.send(data),
        match,
        intendedAt,
        index,
        (message, errorClass) =>
          resolve({
            message,
            errorClass,
            ok: errorClass === undefined,
            replyMs: this.ctx.clock.now() - intendedAt,
          }),
      );
    });
  }

  waitFor(match: WsMatch = anyMessage, timeoutMs = this.ctx.timeoutMs): Promise<WsMessage | undefined> {
    return new Promise((resolve) =>
      this.session.awaitMessage(match, timeoutMs, (message) => resolve(message)),
    );
  }

  async hold(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ms);
      }),
      this.session.ended,
    ]);
    clearTimeout(timer);
  }

  close(code = 1000, reason = ''): Promise<void> {
    return this.session.close(code, reason);
  }
}
