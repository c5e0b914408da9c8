import { describe, expect, it } from 'vitest';
import { notifyPart } from '../../../../reports/findings/notify.ts';
import type { ExperimentView, VariantView } from '../../../../reports/model/views.ts';

function variant(name: string, notifyP50: number, correctness: Record<string, number>): VariantView {
  const stats = { mean: notifyP50 };
  return { name, correctness, trends: { notifyMs: { p50: stats, p99: stats } } } as unknown as VariantView;
}

describe('the push-against-poll takeaway', () => {
  it('says how much sooner each push told users than polling, and the requests per job of each', () => {
    const experiment = {
      variants: [
        variant('queued-bullmq', 95, { jobsSubmitted: 100, statusRequests: 900 }),
        variant('queued-ws', 54, { jobsSubmitted: 100, statusRequests: 100, notificationsReceived: 100 }),
      ],
    } as unknown as ExperimentView;
    expect(notifyPart(experiment)).toBe(
      'queued-ws told users 41.0 ms sooner than polling (queued-bullmq, notify p50), with 1.0 requests per job instead of 9.0',
    );
  });

  it('says nothing without both a polling and a pushing variant', () => {
    const onlyPoll = {
      variants: [variant('queued-bullmq', 95, { jobsSubmitted: 100, statusRequests: 900 })],
    } as unknown as ExperimentView;
    expect(notifyPart(onlyPoll)).toBeNull();
  });
});
