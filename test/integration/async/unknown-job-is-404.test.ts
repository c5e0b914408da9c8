import { afterEach, expect, it } from 'vitest';
import { startWorkApp, testConfig, type WorkApp } from './work-app.ts';

let web: WorkApp | undefined;
afterEach(async () => {
  await web?.cleanup();
  web = undefined;
});

it('GET /jobs/:id answers 404 for an id that was never accepted', async () => {
  web = await startWorkApp(testConfig({ WORK: 'queued', QUEUE: 'bullmq' }));
  const accepted = await web.post('known');
  expect((await web.get(`/jobs/${accepted.body.jobId as string}`)).status).toBe(200);
  const unknown = await web.get('/jobs/unknown');
  expect(unknown.status).toBe(404);
  expect(unknown.body.error).toContain('unknown');
});
