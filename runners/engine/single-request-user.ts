/**
 * The fast path of `bench <url>`: every iteration sends the same pre-built request. No VU state.
 * With a client that has `sendWith`, a closed-model VU runs its iterations back to back in callbacks:
 * the response's arrival sends the next request synchronously, with no promise per request.
 */
import { classifyStatus } from '../http/classify-error.ts';
import type { HttpClient, HttpResult, PreparedRequest } from '../http/types.ts';
import type { MetricsAccumulator } from './metrics.ts';
import type { IterationRunner } from './vu-pool.ts';

export const SINGLE_STEP = 'request';

export class SingleRequestUser implements IterationRunner {
  /** the step's index, looked up once */
  private readonly step: number;

  constructor(
    private readonly client: HttpClient,
    private readonly prepared: PreparedRequest,
    private readonly metrics: MetricsAccumulator,
  ) {
    this.step = metrics.stepIndex(SINGLE_STEP);
  }

  async runIteration(intendedAt: number): Promise<void> {
    this.record(intendedAt, await this.client.send(this.prepared));
  }

  runLoop(more: () => boolean, now: () => number): Promise<void> {
    if (!this.client.sendWith) return this.loopOnPromises(more, now);
    const client = this.client;
    const prepared = this.prepared;
    return new Promise((resolve) => {
      let intendedAt = 0;
      const onResult = (result: HttpResult) => {
        this.record(intendedAt, result);
        next();
      };
      const next = () => {
        if (!more()) {
          resolve();
          return;
        }
        intendedAt = now();
        client.sendWith!(prepared, onResult);
      };
      next();
    });
  }

  private async loopOnPromises(more: () => boolean, now: () => number): Promise<void> {
    while (more()) await this.runIteration(now());
  }

  private record(intendedAt: number, result: HttpResult): void {
    this.metrics.addRequest(
      this.step,
      intendedAt,
      result.sentAt,
      result.doneAt,
      result.errorClass ?? classifyStatus(result.status),
      result.servedBy,
    );
    this.metrics.addPhases(intendedAt, result);
    this.metrics.addIteration(intendedAt);
  }
}
