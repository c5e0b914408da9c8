/**
 * `--dashboard-linger 0` exits at once, but not before the pages open at the end of the run have fetched
 * the final report (a page left with a broken frame is what a room would see), and never longer than
 * the wait's bound when a page does not come for it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type DashboardServer, startDashboard } from '../../../reports/dashboard/dashboard-server.ts';

/** opens the stream as a page does; returns how to close it */
async function openPage(server: DashboardServer): Promise<() => void> {
  const controller = new AbortController();
  const response = await fetch(`${server.url}events`, { signal: controller.signal });
  const reader = response.body!.getReader();
  await reader.read();
  return () => controller.abort();
}

describe('the report at the end of a run', () => {
  let server: DashboardServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('waits for each page open at the end to fetch the report', async () => {
    server = await startDashboard({ port: 0 });
    const closePages = [await openPage(server), await openPage(server)];
    await expect.poll(() => server!.openPages()).toBe(2);
    server.showReport('<h1>the report</h1>');
    let delivered = false;
    const waiting = server.reportFetched(server.openPages(), 30_000).then(() => {
      delivered = true;
    });
    // the pages close their streams on run-done, then load the report
    for (const close of closePages) close();
    expect(await (await fetch(`${server.url}report`)).text()).toBe('<h1>the report</h1>');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(delivered).toBe(false);
    await fetch(`${server.url}report`);
    await waiting;
    expect(delivered).toBe(true);
  });

  it('does not wait when no page is open, and gives up after its bound', async () => {
    server = await startDashboard({ port: 0 });
    server.showReport('<h1>the report</h1>');
    await server.reportFetched(server.openPages(), 30_000);
    const close = await openPage(server);
    let given = false;
    await server.reportFetched(1, 50).then(() => {
      given = true;
    });
    expect(given).toBe(true);
    close();
  });
});
