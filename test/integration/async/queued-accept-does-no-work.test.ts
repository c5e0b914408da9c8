import { afterEach, expect, it } from 'vitest';
import { startWorkApp, testConfig, type WorkApp } from './work-app.ts';

let web: WorkApp | undefined;
afterEach(async () => {
  await web?.cleanup();
  web = undefined;
});

it.each(['bullmq', 'rabbitmq'])(
  '%s: POST /work answers 202 with a job id and never runs the work in the web process',
  async (queue) => {
    web = await startWorkApp(testConfig({ WORK: 'queued', QUEUE: queue }));
    const answers = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((input) => web!.post(input)));
    for (const answer of answers) {
      expect(answer.status).toBe(202);
      expect(answer.body.jobId).toEqual(expect.any(String));
    }
    expect(web.app.counters.get('jobsAcceptedTotal')).toBe(5);
    expect(web.app.counters.get('workExecutedTotal')).toBe(0);
    // no worker runs: every job is still pending and waiting in the queue
    const job = await web.get(`/jobs/${answers[0]!.body.jobId as string}`);
    expect(job.body).toMatchObject({ status: 'pending', attempts: 0, finishedAt: null, result: null });
    expect(job.body.acceptedAt).toEqual(expect.any(Number));
    const stats = await web.get('/work/stats');
    expect(stats.body).toMatchObject({ accepted: 5, completed: 0, pending: 5, queueDepth: 5 });
  },
);
