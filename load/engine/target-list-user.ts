/**
 * The multi-target path of `bench --targets FILE`: each iteration sends the target the thread's picker
 * chooses, each request prepared once and counted under its own step (index looked up once per target).
 * Like SingleRequestUser, a closed-model VU runs through the send loop (send-loop.ts).
 */
import type { HttpClient, HttpResult } from '../http/types.ts';
import type { MetricsAccumulator } from './metrics.ts';
import { countRequest, type PreparedTarget, runSendLoop } from './send-loop.ts';
import type { TargetPicker } from './target-picker.ts';
import type { IterationRunner } from './vu-pool.ts';

export class TargetListUser implements IterationRunner {
  constructor(
    private readonly client: HttpClient,
    private readonly targets: readonly PreparedTarget[],
    private readonly pick: TargetPicker,
    private readonly metrics: MetricsAccumulator,
  ) {}

  async runIteration(intendedAt: number): Promise<void> {
    const target = this.next();
    this.record(target.step, intendedAt, await this.client.send(target.request));
  }

  runLoop(more: () => boolean, now: () => number): Promise<void> {
    return runSendLoop({ client: this.client, next: this.next, record: this.record, more, now });
  }

  private readonly next = (): PreparedTarget => this.targets[this.pick()]!;

  private readonly record = (step: number, intendedAt: number, result: HttpResult): void => {
    countRequest(this.metrics, step, intendedAt, result);
    this.metrics.addIteration(intendedAt);
  };
}
