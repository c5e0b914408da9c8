import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCharts } from '../../../reports/charts/chart-set.ts';
import { renderHtml } from '../../../reports/html/html.ts';
import { locateTool } from '../../../targets/services/tools.ts';
import { requireTool } from '../../helpers/requires-tool.ts';
import { buildSuiteFixture } from '../../helpers/results-fixtures.ts';

/** the bit of the DOM canvas the test reads (tsconfig has no DOM lib) */
interface PageCanvas {
  id: string;
  width: number;
  height: number;
  getContext(
    kind: '2d',
  ): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

describe('report.html in headless Chromium', () => {
  let dir: string;
  let browser: Browser | undefined;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sb-reports-html-'));
    const executablePath = (await locateTool('chromium')).path;
    // without Chromium the test skips itself (or fails in strict mode) through requireTool
    if (executablePath) browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('loads offline with no console errors and every chart canvas has drawn pixels', async (ctx) => {
    await requireTool(ctx, 'chromium');
    const results = buildSuiteFixture({ trials: 2, seconds: 10 });
    const html = await renderHtml(results);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/cdn/i);
    const file = join(dir, 'report.html');
    await writeFile(file, html);
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('body[data-charts-ready]');
    const canvases = await page.$$eval('canvas', (elements) =>
      elements.map((element) => {
        const canvas = element as unknown as PageCanvas;
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
        let drawn = 0;
        for (let i = 3; i < data.length; i += 4) if (data[i]! > 0 && data[i - 1]! < 250) drawn += 1;
        return { id: canvas.id, drawn };
      }),
    );
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    // one canvas per chart of the results
    expect(canvases).toHaveLength(buildCharts(results).length);
    expect(canvases.length).toBeGreaterThanOrEqual(17);
    for (const canvas of canvases) expect(canvas.drawn, `${canvas.id} is blank`).toBeGreaterThan(1000);
    const screenshot = join(dir, 'report.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    expect((await stat(screenshot)).size).toBeGreaterThan(50_000);
    await page.close();
  });
});
