/**
 * The live dashboard in a real browser through a real `run clones --quick --dashboard` (three variants, clone
 * 0 killed 2 s into the measured part of the 4-clone ones, capacity searched for stateless-1 and -4), as a
 * workshop audience would watch it: the header never shows another variant's figures, the kill banner
 * appears within 1 s of the terminal's announcement, the killed clone's share falls at the kill line and
 * not before it, each capacity panel ends with the capacity results.json holds, a page opened mid-run
 * catches up, no console error, no request leaves 127.0.0.1, and the final report is on the page at its
 * full height (no scroll inside the page's scroll). Ctrl-C during --dashboard-linger keeps the run's exit
 * code. UPDATE_GOLDEN=1 refreshes the README's screenshots (docs/images/dashboard-*.png).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../../results/live-events.ts';
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

/** what the page records for the test, from before its own scripts run */
interface Watched {
  headers: { current: string; rate: string }[];
  banners: { kind: string; text: string; at: number }[];
}

/** the bit of window the test reads (tsconfig has no DOM lib) */
interface PageWindow {
  sbWatched: Watched;
  Chart: {
    getChart(canvas: unknown): { data: { datasets: { label: string; data: { x: number; y: number }[] }[] } };
  };
  document: {
    body: { getAttribute(name: string): string | null };
    querySelector(selector: string): unknown;
    querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }>;
  };
}

/** records every header text and every banner, with the page's clock, as they change */
function recordHeaderAndBanners(): void {
  const w = globalThis as unknown as {
    sbWatched: Watched;
    MutationObserver: new (
      callback: () => void,
    ) => { observe(node: unknown, options: Record<string, boolean>): void };
    document: {
      addEventListener(name: string, listener: () => void): void;
      getElementById(id: string): { textContent: string; hidden: boolean; className: string } | null;
      querySelector(selector: string): unknown;
    };
  };
  w.sbWatched = { headers: [], banners: [] };
  w.document.addEventListener('DOMContentLoaded', () => {
    const read = () => {
      const current = w.document.getElementById('current')!.textContent;
      const rate = w.document.getElementById('rate')!.textContent;
      const last = w.sbWatched.headers.at(-1);
      if (!last || last.current !== current || last.rate !== rate)
        w.sbWatched.headers.push({ current, rate });
      const banner = w.document.getElementById('banner')!;
      const seen = w.sbWatched.banners.at(-1);
      if (!banner.hidden && (!seen || seen.text !== banner.textContent)) {
        w.sbWatched.banners.push({ kind: banner.className, text: banner.textContent, at: Date.now() });
      }
    };
    // the init script runs in the report's frame too, which has no such header
    const header = w.document.querySelector('header');
    if (!header || !w.document.getElementById('banner')) return;
    new w.MutationObserver(read).observe(header, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
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

const watched = (page: Page) => page.evaluate(() => (globalThis as unknown as PageWindow).sbWatched);

/** every header that shows figures shows a second the run really had, of the variant it names */
function expectHeadersMatchTheirVariant(headers: Watched['headers'], events: LiveEvent[]): void {
  const seconds = events.flatMap((event) => (event.type === 'second' ? [event] : []));
  const withFigures = headers.filter((header) => / requests\/s/.test(header.rate));
  expect(withFigures.length).toBeGreaterThan(5);
  for (const header of withFigures) {
    const requests = Number(/^(\d+) requests\/s/.exec(header.rate)?.[1]);
    const mine = seconds.filter((event) => `${event.experiment}/${event.variant}` === header.current);
    expect(
      mine.some((event) => event.point.requests === requests),
      `"${header.current}: ${header.rate}" is no second of ${header.current}`,
    ).toBe(true);
  }
}

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
      await context.addInitScript(recordHeaderAndBanners);
    }
  });

  afterAll(async () => {
    await context?.close();
    await rm(dir, { recursive: true, force: true });
    await rm(profile, { recursive: true, force: true });
  });

  it('shows only the running variant, the kill at once, the capacity found, then the report', async (ctx) => {
    await requireTool(ctx, 'chromium');
    const cli = spawnCli([
      'run',
      'clones',
      '--quick',
      // the three variants this test follows: two searched, two killed (stateless-2's search would add
      // a minute, stateful-4 another kill the same as sticky-4's)
      '--variant',
      'stateless-1',
      '--variant',
      'stateless-4',
      '--variant',
      'sticky-4',
      '--dashboard',
      '--dashboard-linger',
      '120s',
      '--out',
      dir,
      '--format',
      'json,html',
    ]);
    // when the terminal announced each kill
    const announced: number[] = [];
    cli.child.stderr!.on('data', (chunk: string) => {
      for (const _ of chunk.matchAll(/clone 0 killed at/g)) announced.push(Date.now());
    });
    try {
      const url = /dashboard: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(
        await cli.waitForStdout(/dashboard: http:\/\/127\.0\.0\.1:\d+\//, 60_000),
      )![1]!;
      const problems: string[] = [];
      const outside: string[] = [];
      const page = await context!.newPage();
      watch(page, problems, outside);
      await page.goto(url);

      // the first kill: a banner within 1 s of the terminal's line, a marker on the charts
      await page.waitForSelector('body[data-banner="fault"]', { timeout: 150_000 });
      if (process.env.UPDATE_GOLDEN === '1') {
        await page.waitForTimeout(1500);
        await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-live.png') });
      }
      // a page opened mid-run gets the history first, then the stream
      const late = await context!.newPage();
      watch(late, problems, outside);
      await late.goto(url);

      await page.waitForSelector('body[data-state="done"]', { timeout: 240_000 });
      await page.waitForSelector('body[data-report="loaded"]', { timeout: 60_000 });
      await late.waitForSelector('body[data-report="loaded"]', { timeout: 60_000 });

      const events = (await readFile(join(dir, 'events.ndjson'), 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as LiveEvent);
      const seen = await watched(page);
      expectHeadersMatchTheirVariant(seen.headers, events);
      const faults = events.filter((event) => event.type === 'fault');
      expect(faults.length).toBe(2);
      const banners = seen.banners.filter((banner) => banner.kind === 'fault');
      expect(banners.map((banner) => banner.text)).toEqual(
        faults.map(
          (fault) =>
            `${fault.experiment}/${fault.variant}: clone 0 killed at ${fault.elapsedSeconds.toFixed(1)} s (${fault.atSeconds.toFixed(1)} s after the warm-up)`,
        ),
      );
      expect(announced).toHaveLength(2);
      const lags = banners.map((banner, index) => Math.abs(banner.at - announced[index]!));
      expect(
        lags.every((lag) => lag < 1000),
        `banner vs terminal: ${lags.join(', ')} ms`,
      ).toBe(true);

      // one time base: the killed clone's share holds until the kill line and falls after it
      const share = await page.evaluate(() => {
        const w = globalThis as unknown as PageWindow;
        const canvas = w.document.querySelector(
          'section[data-variant="clones/stateless-4"] canvas[data-chart="share"]',
        );
        return w.Chart.getChart(canvas).data.datasets.find((d) => d.label === 'clone-0')!.data;
      });
      const kill = faults.find((fault) => fault.type === 'fault' && fault.variant === 'stateless-4')!;
      const killAt = kill.type === 'fault' ? kill.elapsedSeconds : 0;
      for (const point of share.filter((p) => p.x <= killAt)) expect(point.y).toBeGreaterThan(10);
      expect(share.filter((p) => p.x >= killAt + 1).every((p) => p.y === 0)).toBe(true);

      // each capacity panel ends with what results.json holds
      const results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as SuiteResults;
      const searched = results.experiments[0]!.variants.filter((variant) => variant.capacitySteps);
      expect(searched.map((variant) => variant.name)).toEqual(['stateless-1', 'stateless-4']);
      const panels = await page.evaluate(() =>
        Array.from(
          (globalThis as unknown as PageWindow).document.querySelectorAll('section.capacity:not([hidden])'),
          (panel) => panel.getAttribute('data-capacity'),
        ),
      );
      expect(panels.sort()).toEqual(searched.map((variant) => String(variant.capacity)).sort());
      for (const variant of searched) {
        await expect
          .poll(() => page.textContent(`section[data-variant="clones/${variant.name}"] .capacity .result`))
          .toMatch(new RegExp(`^capacity ${variant.capacity}/s \\(p99 ≤ 200 ms and errors ≤ 1%\\)`));
      }

      // the final report at its full height: the page scrolls, the frame does not
      const frame = await page.evaluate(() => {
        const el = (globalThis as unknown as PageWindow).document.querySelector('#final iframe') as {
          clientHeight: number;
          contentDocument: { documentElement: { scrollHeight: number } };
        };
        return { shown: el.clientHeight, content: el.contentDocument.documentElement.scrollHeight };
      });
      expect(frame.content).toBeGreaterThan(1000);
      expect(frame.shown).toBeGreaterThanOrEqual(frame.content);
      const report = page.frameLocator('#final iframe');
      expect(await report.locator('h1').textContent()).toBe('scalebench report');
      expect(
        await page
          .locator('#bar')
          .evaluate((bar) => (bar as unknown as { style: { width: string } }).style.width),
      ).toBe('100%');
      if (process.env.UPDATE_GOLDEN === '1') {
        await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-final.png') });
      }
      const secondsSeen = (p: Page) =>
        p.evaluate(() =>
          Number((globalThis as unknown as PageWindow).document.body.getAttribute('data-seconds')),
        );
      const seconds = events.filter((event) => event.type === 'second').length;
      expect(await secondsSeen(page)).toBe(seconds);
      expect(await secondsSeen(late)).toBe(seconds);
      expect(problems).toEqual([]);
      expect(outside).toEqual([]);
    } finally {
      cli.child.kill('SIGINT');
    }
    // Ctrl-C while the page lingers ends the process with the run's own exit code
    const { code } = await cli.result;
    const results = JSON.parse(await readFile(join(dir, 'results.json'), 'utf8')) as SuiteResults;
    const failed = results.experiments[0]!.variants.some(
      (variant) => variant.thresholds.some((t) => !t.passed) || variant.trials.some((t) => !t.summary.valid),
    );
    expect(code).toBe(failed ? 1 : 0);
  }, 420_000);
});
