import { afterEach, expect, it } from 'vitest';
import { prerender, prerenderInputs } from '../../../targets/app/work/prerender.ts';
import { renderReport } from '../../../targets/app/work/render.ts';
import { JobStore } from '../../../targets/app/work/store.ts';
import { startWorkApp, testConfig, type WorkApp } from './work-app.ts';

let web: WorkApp | undefined;
afterEach(async () => {
  await web?.cleanup();
  web = undefined;
});

it('work=prerendered serves what the build step stored, without running the work at request time', async () => {
  const config = testConfig({ WORK: 'prerendered' });
  const store = new JobStore(config.REDIS_URL, config.REDIS_PREFIX);
  const built = await prerender(store, prerenderInputs(3), config.WORK_COST_MS);
  const again = await prerender(store, prerenderInputs(3), config.WORK_COST_MS);
  await store.close();
  expect(built).toMatchObject({ rendered: 3, skipped: 0 });
  expect(again).toMatchObject({ rendered: 0, skipped: 3 });

  web = await startWorkApp(config);
  const answer = await web.post('report-1');
  expect(answer.status).toBe(200);
  expect(answer.body).toEqual({ status: 'done', result: renderReport('report-1', 0) });
  expect(web.app.counters.get('workExecutedTotal')).toBe(0);
  expect(web.app.counters.get('prerenderedServedTotal')).toBe(1);

  const outside = await web.post('not-in-the-catalogue');
  expect(outside.status).toBe(404);
  expect(web.app.counters.get('workExecutedTotal')).toBe(0);
});
