/**
 * `bench --out prometheus=URL` against a real Prometheus (Debian's `prometheus`, started here on a free
 * port with the remote-write receiver and a temp storage folder, stopped after): PromQL through its HTTP
 * API finds scalebench_http_reqs_total at exactly the results file's request count. An unreachable
 * endpoint costs one warning line and changes neither the run nor its exit code.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResults } from '../../../results/schema.ts';
import { freePort } from '../../../targets/lifecycle/free-port.ts';
import { locateTool } from '../../../targets/services/tools.ts';
import { runCliInProcess } from '../../helpers/cli.ts';
import { requireTool } from '../../helpers/requires-tool.ts';

interface PromVector {
  status: string;
  data: { result: { metric: Record<string, string>; value: [number, string] }[] };
}

async function waitReady(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`prometheus exited with ${child.exitCode}`);
    const ok = await fetch(`${url}/-/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('prometheus did not become ready in 30 s');
}

describe('Prometheus remote write', () => {
  let dir: string;
  let target: Server;
  let targetUrl: string;
  let prometheus: ChildProcess | undefined;
  let promUrl = '';
  let promLog = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sb-prometheus-'));
    target = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
    const binary = (await locateTool('prometheus')).path;
    if (!binary) return;
    const port = await freePort();
    await writeFile(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 15s\n');
    prometheus = spawn(
      binary,
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
        '--web.enable-remote-write-receiver',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    prometheus.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      promLog = (promLog + chunk).slice(-4000);
    });
    promUrl = `http://127.0.0.1:${port}`;
    await waitReady(promUrl, prometheus);
  }, 60_000);

  afterAll(async () => {
    if (prometheus && prometheus.exitCode === null) {
      const exited = new Promise((resolve) => prometheus!.once('exit', resolve));
      prometheus.kill('SIGTERM');
      await exited;
    }
    await new Promise((resolve) => target.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  it('a PromQL query returns the results file’s request count as the last scalebench_http_reqs_total', async (ctx) => {
    await requireTool(ctx, 'prometheus');
    const json = join(dir, 'bench.json');
    const result = await runCliInProcess([
      'bench',
      targetUrl,
      '--rate',
      '200',
      '--duration',
      '3s',
      '--warmup',
      '1s',
      '--quiet',
      // a busy shared machine must not turn this into a saturation verdict: that is not what it tests
      '--max-lag',
      '1000',
      '--max-loop-delay',
      '1000',
      '--json',
      json,
      '--out',
      `prometheus=${promUrl}/api/v1/write`,
    ]);
    expect(result.stderr, promLog).not.toMatch(/warning/);
    const results = JSON.parse(await readFile(json, 'utf8')) as BenchResults;
    // the run's own verdict: a generator starved by a busy machine is exit 1 here as anywhere
    expect(result.code, result.stderr).toBe(results.summary.valid ? 0 : 1);
    const query = encodeURIComponent('scalebench_http_reqs_total{experiment="bench"}');
    const response = (await (await fetch(`${promUrl}/api/v1/query?query=${query}`)).json()) as PromVector;
    expect(response.status).toBe('success');
    expect(response.data.result).toHaveLength(1);
    const [series] = response.data.result;
    expect(series!.metric).toMatchObject({
      experiment: 'bench',
      variant: targetUrl.replace('http://', ''),
      trial: '0',
      step: 'measured',
    });
    expect(Number(series!.value[1])).toBe(results.summary.requests);
    expect(results.summary.requests).toBeGreaterThan(500);
    // the other k6-compatible series are there too
    const names = (await (await fetch(`${promUrl}/api/v1/label/__name__/values`)).json()) as {
      data: string[];
    };
    expect(names.data).toEqual(
      expect.arrayContaining([
        'scalebench_http_req_duration_p50',
        'scalebench_http_req_duration_p90',
        'scalebench_http_req_duration_p99',
        'scalebench_http_req_failed_rate',
        'scalebench_iterations_total',
      ]),
    );
  });

  it('an unreachable endpoint: one warning line, the run completes, exit code unchanged', async () => {
    const closed = await freePort();
    const json = join(dir, 'unreachable.json');
    const result = await runCliInProcess([
      'bench',
      targetUrl,
      '--rate',
      '100',
      '--duration',
      '2s',
      '--warmup',
      '0s',
      '--quiet',
      // a busy shared machine must not turn this into a saturation verdict: that is not what it tests
      '--max-lag',
      '1000',
      '--max-loop-delay',
      '1000',
      '--json',
      json,
      '--out',
      `prometheus=http://127.0.0.1:${closed}/api/v1/write`,
    ]);
    const results = JSON.parse(await readFile(json, 'utf8')) as BenchResults;
    // unchanged: the code the run's own results call for (1 only when a starved generator saturated)
    expect(result.code, result.stderr).toBe(results.summary.valid ? 0 : 1);
    const warnings = result.stderr.split('\n').filter((line) => line.startsWith('warning:'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      `Prometheus remote write to http://127.0.0.1:${closed}/api/v1/write failed`,
    );
    expect(results.summary.requests).toBeGreaterThan(100);
  });
});
