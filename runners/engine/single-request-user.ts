/** The fast path of `bench <url>`: every iteration sends the same pre-built request. No VU state. */
import { classifyStatus } from '../http/classify-error.ts';
import type { HttpClient, PreparedRequest } from '../http/types.ts';
import type { MetricsAccumulator } from './metrics.ts';
import type { IterationRunner } from './vu-pool.ts';

export const SINGLE_STEP = 'request';

export class SingleRequestUser implements IterationRunner {
  constructor(
    private readonly client: HttpClient,
    private readonly prepared: PreparedRequest,
    private readonly metrics: MetricsAccumulator,
    private readonly servedByHeader: string,
  ) {}

  async runIteration(intendedAt: number): Promise<void> {
    const result = await this.client.send(this.prepared);
    const servedBy = result.headers[this.servedByHeader];
    this.metrics.addRequest(
      SINGLE_STEP,
      intendedAt,
      result.sentAt,
      result.doneAt,
      result.errorClass ?? classifyStatus(result.status),
      typeof servedBy === 'string' ? servedBy : undefined,
    );
    this.metrics.addIteration(intendedAt);
  }
}
