/**
 * The live dashboard in a real browser during a real run: `run clones --quick --dashboard` on the
 * stateless-2 variant (clone 0 is killed 2 s into the measured part). The page shows the progress move,
 * its charts gain a point every second, the kill marker appears, a page opened mid-run catches up with
 * everything, no console error and no request leaves 127.0.0.1; after the run the final report is on
 * the page, and Ctrl-C during --dashboard-linger keeps the run's exit code. UPDATE_GOLDEN=1 refreshes the
 * README's screenshots (docs/images/dashboard-*.png).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuiteResults } from '../../../results/schema.ts';
import { locateTool } from '../../../targets/services/tools.ts';
import { spawnCli } from '../../helpers/cli.ts';
import { requireTool } from '../../helpers/requires-tool.ts';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SCREENSHOTS = join(import.meta.dirname, '../../../docs/images');

/** the bit of window the test reads (tsconfig has no DOM lib) */
interface PageChart {
  data: { datasets: { label: string; data: unknown[] }[] };
  options: { plugins: { sbFaults: { faults: { label: string }[] } } };
}
interface PageWindow {
  Chart: { getChart(canvas: unknown): PageChart };
  document: {
    body: { getAttribute(name: string): string | null };
    querySelector(selector: string): unknown;
    getElementById(id: string): { textContent: string } | null;
  };
}

function watch(page: Page, problems: string[], outside: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    if (!request.url().startsWith('http://127.0.0.1:')) outside.push(request.url());
  });
}

/** points in the throughput chart of the variant's section */
function throughputPoints(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = globalThis as unknown as PageWindow;
    const canvas = w.document.querySelector('canvas[data-chart="throughput"]');
    return canvas ? (w.Chart.getChart(canvas).data.datasets[0]?.data.length ?? 0) : 0;
  });
}

const secondsSeen = (page: Page) =>
  page.evaluate(() =>
    Number((globalThis as unknown as PageWindow).document.body.getAttribute('data-seconds') ?? 0),
  );

describe('the live dashboard during a real run', () => {
  let dir: string;
  let profile: string;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sb-dashboard-'));
    profile = await mkdtemp(join(tmpdir(), 'sb-dashboard-profile-'));
    const executablePath = (await locateTool('chromium')).path;
    if (executablePath) {
      context = await chromium.launchPersistentContext(profile, {
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1400, height: 1000 },
      });
    }
  });

  afterAll(async () => {
    await context?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  });

  it('shows progress, a point a second, the kill marker, then the final report', async (ctx) => {
    await requireTool(ctx, 'chromium');
    const cli = spawnCli([
      'run',
      'clones',
      '--quick',
      '--variant',
      'stateless-2',
      '--dashboard',
      '--dashboard-linger',
      '120s',
      '--out',
      dir,
      '--format',
      'json,html',
    ]);
    try {
      const url = /dashboard: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(
        await cli.waitForStdout(/dashboard: http:\/\/127\.0\.0\.1:\d+\//, 60_000),
      )![1]!;
      const problems: string[] = [];
      const outside: string[] = [];
      const page = await context!.newPage();
      watch(page, problems, outside);
      await page.goto(url);

      // progress advances and the charts gain points second by second
      await page.waitForFunction(
        () => Number((globalThis as unknown as PageWindow).document.body.getAttribute('data-seconds')) >= 2,
        undefined,
        // the target (two clones behind a balancer) starts in seconds on a quiet machine, a minute or
        // more when the machine runs a whole test suite beside it
        { timeout: 150_000 },
      );
      const before = await throughputPoints(page);
      const progressBefore = await page.textContent('#rate');
      await page.waitForFunction(
        (count) => {
          const w = globalThis as unknown as PageWindow;
          const canvas = w.document.querySelector('canvas[data-chart="throughput"]');
          return (w.Chart.getChart(canvas).data.datasets[0]?.data.length ?? 0) >= count + 2;
        },
        before,
        { timeout: 30_000 },
      );
      // the status line names the second of the trial it shows
      expect(await page.textContent('#rate')).toMatch(/^\d+ s/);
      expect(await page.textContent('#rate')).not.toBe(progressBefore);
      expect(await page.textContent('#left')).toMatch(/left|finishing/);
      expect(await page.textContent('#current')).toContain('clones/stateless-2');

      // the kill marker: a fault line on every chart of the variant
      await page.waitForSelector('body[data-faults="1"]', { timeout: 60_000 });
      const markers = await page.evaluate(() => {
        const w = globalThis as unknown as PageWindow;
        const canvas = w.document.querySelector('canvas[data-chart="share"]');
        return w.Chart.getChart(canvas).options.plugins.sbFaults.faults.map((fault) => fault.label);
      });
      expect(markers).toEqual(['kill clone 0']);
      if (process.env.UPDATE_GOLDEN === '1') {
        await page.waitForTimeout(1500);
        await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-live.png') });
      }

      // a page opened mid-run gets the history first, then the stream
      const late = await context!.newPage();
      watch(late, problems, outside);
      await late.goto(url);

      await page.waitForSelector('body[data-state="done"]', { timeout: 120_000 });
      await page.waitForSelector('body[data-report="loaded"]', { timeout: 60_000 });
      await late.waitForSelector('body[data-report="loaded"]', { timeout: 60_000 });
      const report = page.frameLocator('#final iframe');
      await expect.poll(() => report.locator('h1').textContent()).toBe('scalebench report');
      expect(await report.locator('#experiment-clones').count()).toBe(1);

      const events = (await readFile(join(dir, 'events.ndjson'), 'utf8')).trim().split('\n');
      const seconds = events.filter((line) => line.includes('"type":"second"')).length;
      // the quick clones trial: 1 s of warm-up and 4 s measured, a point each
      expect(seconds).toBeGreaterThanOrEqual(5);
      expect(await secondsSeen(page)).toBe(seconds);
      expect(await secondsSeen(late)).toBe(seconds);
      if (process.env.UPDATE_GOLDEN === '1') {
        await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-final.png') });
      }
      expect(problems).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      cli.child.kill('SIGINT');
    }
    // Ctrl-C while the page lingers ends the process with the run's own exit code
    const { code } = await cli.result;
    const results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as SuiteResults;
    const variant = results.experiments[0]!.variants[0]!;
    const failed = variant.thresholds.some((t) => !t.passed) || variant.trials.some((t) => !t.summary.valid);
    expect(code).toBe(failed ? 1 : 0);
  }, 360_000);
});
