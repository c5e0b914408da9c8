/**
 * The fast path of `bench <url>`: every iteration sends the same pre-built request. No VU state.
 * A closed-model VU runs its iterations through the send loop (send-loop.ts): in callbacks, with no
 * promise per request, on a client that has `sendWith`.
 */
import type { HttpClient, HttpResult, PreparedRequest } from '../http/types.ts';
import type { MetricsAccumulator } from './metrics.ts';
import { countRequest, type PreparedTarget, runSendLoop } from './send-loop.ts';
import type { IterationRunner } from './vu-pool.ts';

export const SINGLE_STEP = 'request';

export class SingleRequestUser implements IterationRunner {
  /** the request and its step's index, looked up once */
  private readonly target: PreparedTarget;

  constructor(
    private readonly client: HttpClient,
    prepared: PreparedRequest,
    private readonly metrics: MetricsAccumulator,
  ) {
    this.target = { request: prepared, step: metrics.stepIndex(SINGLE_STEP) };
  }

  async runIteration(intendedAt: number): Promise<void> {
    this.record(this.target.step, intendedAt, await this.client.send(this.target.request));
  }

  runLoop(more: () => boolean, now: () => number): Promise<void> {
    const target = this.target;
    return runSendLoop({ client: this.client, next: () => target, record: this.record, more, now });
  }

  private readonly record = (step: number, intendedAt: number, result: HttpResult): void => {
    countRequest(this.metrics, step, intendedAt, result);
    this.metrics.addPhases(intendedAt, result);
    this.metrics.addIteration(intendedAt);
  };
}
