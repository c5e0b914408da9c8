import { errorsOutsideFaults } from '../error-threshold.ts';
import { constantArrivalProfiles, SHORT_CAPACITY_STEPS } from '../profiles.ts';
import { defineExperiment } from '../types.ts';

const killFirstWorker = [{ at: '2s', action: 'kill' as const, kind: 'worker' as const, index: 0 }];
const noJobLost = { jobsLost: ['count==0'] };

export const asyncExperiment = defineExperiment({
  name: 'async',
  title: 'Asynchronous processing: do it later, or do it in advance',
  description:
    'Heavy work done inside the request makes every user wait for it. Queued to workers, the request answers ' +
    'at once with a job id and the user polls; a worker that dies mid-job loses nothing because jobs are ' +
    'acknowledged only when done. Work done in advance (pre-rendered) is fastest of all.',
  target: 'async',
  variants: [
    {
      name: 'sync',
      description: 'the heavy work done inside the request',
      params: { work: 'sync' },
      // one CPU doing 100 ms a request holds about 10/s: starting at 6/s skips two slow steps
      capacityStartRate: 6,
    },
    {
      name: 'queued-bullmq',
      description: 'work queued in Redis (BullMQ) for 2 workers; worker 0 killed mid-trial',
      params: { work: 'queued', queue: 'bullmq' },
      workers: 2,
      faults: killFirstWorker,
      thresholds: noJobLost,
    },
    {
      name: 'queued-rabbitmq',
      description: 'work queued in RabbitMQ for 2 workers; worker 0 killed mid-trial',
      params: { work: 'queued', queue: 'rabbitmq' },
      workers: 2,
      faults: killFirstWorker,
      thresholds: noJobLost,
    },
    // the same queue, the user told the job is done by a push instead of polling every 50 ms
    {
      name: 'queued-sse',
      description:
        'work queued in Redis (BullMQ); the user told "done" by a Server-Sent Event instead of polling',
      params: { work: 'queued', queue: 'bullmq' },
      workers: 2,
      faults: killFirstWorker,
      thresholds: noJobLost,
      flowParams: { notify: 'sse' },
      // the quick suite keeps its 3 minutes: name them with --variant to see them there
      quick: false,
    },
    {
      name: 'queued-ws',
      description: 'work queued in Redis (BullMQ); the user told "done" over a WebSocket instead of polling',
      params: { work: 'queued', queue: 'bullmq' },
      workers: 2,
      faults: killFirstWorker,
      thresholds: noJobLost,
      flowParams: { notify: 'ws' },
      quick: false,
    },
    // the build step renders the catalogue the flow draws from (flowParams.inputs)
    {
      name: 'prerendered',
      description: 'the results computed in advance and served ready-made',
      params: { work: 'prerendered' },
      env: { PRERENDER_COUNT: '24' },
    },
  ],
  // quick searches no capacity here, so its declared rate sits below the sync tier's ~10/s; the default and
  // full profiles compare at 70% of the sync tier's measured capacity (comparison-rate.ts)
  profiles: constantArrivalProfiles({ quick: 7, full: 12 }),

  flow: { module: 'scenarios/flows/job-flow.ts', exportName: 'jobFlow' },
  counters: ['jobsSubmitted', 'jobsNotSeenDone', 'statusRequests', 'notificationsReceived'],
  thresholds: errorsOutsideFaults,
  flowParams: { inputs: 24, pollMs: 50, maxPolls: 600 },
  sample: ['queueDepth'],
  timeout: '30s',
  // one web server of one CPU, and workers of one CPU each
  serverSize: '1',
  capacity: {
    ...SHORT_CAPACITY_STEPS,
    startRate: 2,
    step: 1,
    // ≥ 1000/s against a sync tier of about 10/s says it all; searching higher only costs time
    maxRate: 1000,
    growth: 3,
    // the web tier's capacity: how fast it answers, not how long the job takes
    slo: { p99Ms: 500, errorRate: 0.01 },
    flowParams: { poll: false },
    // the sync tier's ~10/s takes 50 s to make 500 requests: 60 requests or 2 s decide a step here, since
    // 20% past its capacity the sync tier's queue grows by 2 jobs a second and breaks the SLO within them
    minStep: { requests: 60, ms: 2000 },
    // the default profile searches the sync tier, the smallest capacity, which sets the comparison rate;
    // no search in --quick (its minutes go to the clones): --find-capacity or the full profile search all
    headline: ['sync'],
    quick: false,
  },
});
