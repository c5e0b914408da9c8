/**
 * The multi-target path of `bench --targets FILE`: each iteration sends the target the thread's picker
 * chooses, each request prepared once and counted under its own step (index looked up once per target).
 * Like SingleRequestUser, a closed-model VU on a client with `sendWith` runs back to back in callbacks.
 */
import { classifyStatus } from '../http/classify-error.ts';
import type { HttpClient, HttpResult, PreparedRequest } from '../http/types.ts';
import type { MetricsAccumulator } from './metrics.ts';
import type { TargetPicker } from './target-picker.ts';
import type { IterationRunner } from './vu-pool.ts';

export interface PreparedTarget {
  request: PreparedRequest;
  /** MetricsAccumulator.stepIndex of the target's name */
  step: number;
}

export class TargetListUser implements IterationRunner {
  constructor(
    private readonly client: HttpClient,
    private readonly targets: readonly PreparedTarget[],
    private readonly pick: TargetPicker,
    private readonly metrics: MetricsAccumulator,
  ) {}

  async runIteration(intendedAt: number): Promise<void> {
    const target = this.targets[this.pick()]!;
    this.record(target.step, intendedAt, await this.client.send(target.request));
  }

  runLoop(more: () => boolean, now: () => number): Promise<void> {
    if (!this.client.sendWith) return this.loopOnPromises(more, now);
    const client = this.client;
    return new Promise((resolve) => {
      let intendedAt = 0;
      let step = 0;
      const onResult = (result: HttpResult) => {
        this.record(step, intendedAt, result);
        next();
      };
      const next = () => {
        if (!more()) {
          resolve();
          return;
        }
        intendedAt = now();
        const target = this.targets[this.pick()]!;
        step = target.step;
        client.sendWith!(target.request, onResult);
      };
      next();
    });
  }

  private async loopOnPromises(more: () => boolean, now: () => number): Promise<void> {
    while (more()) await this.runIteration(now());
  }

  private record(step: number, intendedAt: number, result: HttpResult): void {
    this.metrics.addRequest(
      step,
      intendedAt,
      result.sentAt,
      result.doneAt,
      result.errorClass ?? classifyStatus(result.status),
      result.servedBy,
    );
    this.metrics.addIteration(intendedAt);
  }
}
