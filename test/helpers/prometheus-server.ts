/**
 * A real Prometheus (Debian's `prometheus`) for tests: on a free port of 127.0.0.1 with the remote-write
 * receiver on and its storage in a temp folder; `query` runs an instant PromQL query; `stop` ends it and
 * removes the folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../targets/lifecycle/free-port.ts';

export interface PromSample {
  metric: Record<string, string>;
  value: [number, string];
}

export interface PrometheusServer {
  /** http://127.0.0.1:port */
  url: string;
  port: number;
  query(promql: string): Promise<PromSample[]>;
  /** the end of its log, for a failing assertion's message */
  log(): string;
  stop(): Promise<void>;
}

export async function startPrometheus(binary: string): Promise<PrometheusServer> {
  const dir = await mkdtemp(join(tmpdir(), 'sb-prometheus-'));
  const port = await freePort();
  await writeFile(join(dir, 'prometheus.yml'), 'global:\n  scrape_interval: 15s\n');
  const child: ChildProcess = spawn(
    binary,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--web.enable-remote-write-receiver',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    log = (log + chunk).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null || attempt >= 150) {
      await stop();
      throw new Error(`prometheus did not become ready: ${log.slice(-500)}`);
    }
    const ok = await fetch(`${url}/-/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    port,
    async query(promql) {
      const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(promql)}`);
      const body = (await response.json()) as { data: { result: PromSample[] } };
      return body.data.result;
    },
    log: () => log,
    stop,
  };
}
