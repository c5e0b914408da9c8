/**
 * `bench --out prometheus=URL` through a real nginx in front of a real Prometheus: one location asks for
 * basic auth, one for a bearer token and an X-Scope-OrgID tenant header, and an https server with the
 * test CA's certificate asks for basic auth too. With the right credentials (read from an environment
 * variable or a file) the last scalebench_http_reqs_total equals the results file's request count; with
 * wrong ones the run says "credentials refused" once and keeps its exit code. Every output — stdout and
 * stderr of a --verbose run, the results file, events.ndjson — is searched for the secrets: none there.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResults } from '../../../results/schema.ts';
import { freePort } from '../../../targets/lifecycle/free-port.ts';
import { locateTool } from '../../../targets/services/tools.ts';
import { runCliInProcess } from '../../helpers/cli.ts';
import { nginxHttpFiles, nginxMain } from '../../helpers/nginx-config.ts';
import { type PrometheusServer, startPrometheus } from '../../helpers/prometheus-server.ts';
import { requireTool } from '../../helpers/requires-tool.ts';
import { makeTestCertificates, type TestCertificates } from '../../helpers/test-certificates.ts';

const PASSWORD = 'pw-Zq81-never-shown';
const TOKEN = 'tok-Hx42-never-shown';
const TENANT = 'tenant-7';

function nginxConfig(
  dir: string,
  http: number,
  https: number,
  prom: number,
  certs: TestCertificates,
): string {
  const upstream = `proxy_pass http://127.0.0.1:${prom}/api/v1/write;`;
  const basic = `location = /basic/write { auth_basic "rw"; auth_basic_user_file ${dir}/htpasswd; ${upstream} }`;
  return `${nginxMain(dir, 256)}
http {
  access_log off;
${nginxHttpFiles(dir)}
  server {
    listen 127.0.0.1:${http};
    ${basic}
    location = /bearer/write {
      if ($http_authorization != "Bearer ${TOKEN}") { return 401; }
      if ($http_x_scope_orgid != "${TENANT}") { return 403; }
      ${upstream}
    }
  }
  server {
    listen 127.0.0.1:${https} ssl;
    ssl_certificate ${certs.valid.cert}; ssl_certificate_key ${certs.valid.key};
    ${basic}
  }
}
`;
}

async function waitForHttp(url: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const ok = await fetch(url).then(
      () => true,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nothing answered on ${url}`);
}

describe('remote write through an authenticating proxy', () => {
  let dir: string;
  let target: Server;
  let targetUrl: string;
  let prometheus: PrometheusServer | undefined;
  let nginx: ChildProcess | undefined;
  let certs: TestCertificates | undefined;
  let httpBase = '';
  let httpsBase = '';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sb-rw-auth-'));
    target = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/`;
    const promBinary = (await locateTool('prometheus')).path;
    const nginxBinary = (await locateTool('nginx')).path;
    if (!promBinary || !nginxBinary) return;
    prometheus = await startPrometheus(promBinary);
    certs = await makeTestCertificates();
    const [http, https] = [await freePort(), await freePort()];
    await writeFile(join(dir, 'htpasswd'), `rw:{PLAIN}${PASSWORD}\n`);
    await writeFile(join(dir, 'nginx.conf'), nginxConfig(dir, http, https, prometheus.port, certs));
    nginx = spawn(nginxBinary, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')], {
      stdio: 'ignore',
    });
    httpBase = `http://127.0.0.1:${http}`;
    httpsBase = `https://localhost:${https}`;
    await waitForHttp(`${httpBase}/`);
  }, 60_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((resolve) => nginx!.once('exit', resolve));
      nginx.kill('SIGTERM');
      await exited;
    }
    await prometheus?.stop();
    await certs?.remove();
    await new Promise((resolve) => target.close(resolve));
    await rm(dir, { recursive: true, force: true });
  });

  /** a short bench pushing to `endpoint` with `extra` flags; its outputs in a folder of their own */
  async function bench(name: string, endpoint: string, extra: string[], env: Record<string, string> = {}) {
    const out = join(dir, name);
    await rm(out, { recursive: true, force: true });
    const json = join(out, 'bench.json');
    const result = await runCliInProcess(
      [
        '--verbose',
        'bench',
        targetUrl,
        '--rate',
        '100',
        '--duration',
        '2s',
        '--warmup',
        '0s',
        // a busy shared machine must not turn this into a saturation verdict: that is not what it tests
        '--max-lag',
        '1000',
        '--max-loop-delay',
        '1000',
        '--json',
        json,
        '--out',
        `prometheus=${endpoint}`,
        ...extra,
      ],
      { extraEnv: env },
    );
    const results = JSON.parse(await readFile(json, 'utf8')) as BenchResults;
    const files = await Promise.all(
      (await readdir(out)).map(async (file) => `${file}\n${await readFile(join(out, file), 'utf8')}`),
    );
    return { result, results, everything: [result.stdout, result.stderr, ...files].join('\n'), files };
  }

  function secretsIn(text: string): string[] {
    const basic = Buffer.from(`rw:${PASSWORD}`).toString('base64');
    return [PASSWORD, TOKEN, basic].filter((secret) => text.includes(secret));
  }

  async function lastRequests(variant: string): Promise<number> {
    const samples = await prometheus!.query(
      `scalebench_http_reqs_total{experiment="bench",variant="${variant}"}`,
    );
    expect(samples, prometheus!.log()).toHaveLength(1);
    return Number(samples[0]!.value[1]);
  }

  it('basic auth with the password from an environment variable', async (ctx) => {
    await requireTool(ctx, 'prometheus');
    await requireTool(ctx, 'nginx');
    const run = await bench(
      'basic',
      `${httpBase}/basic/write`,
      ['--prometheus-user', 'rw', '--prometheus-password', 'env:RW_PASSWORD'],
      { RW_PASSWORD: PASSWORD },
    );
    expect(run.result.stderr).not.toMatch(/warning/);
    expect(run.result.code, run.result.stderr).toBe(run.results.summary.valid ? 0 : 1);
    expect(run.files.map((file) => file.split('\n')[0])).toEqual(['bench.json', 'events.ndjson']);
    expect(await lastRequests(targetUrl.replace('http://', ''))).toBe(run.results.summary.requests);
    expect(run.results.summary.requests).toBeGreaterThan(100);
    expect(secretsIn(run.everything)).toEqual([]);
  });

  it('a bearer token from a file and a tenant header', async (ctx) => {
    await requireTool(ctx, 'prometheus');
    await requireTool(ctx, 'nginx');
    await writeFile(join(dir, 'token'), `${TOKEN}\n`);
    const run = await bench('bearer', `${httpBase}/bearer/write`, [
      '--prometheus-token',
      `file:${join(dir, 'token')}`,
      '--prometheus-header',
      `X-Scope-OrgID: ${TENANT}`,
    ]);
    expect(run.result.stderr).not.toMatch(/warning/);
    expect(await lastRequests(targetUrl.replace('http://', ''))).toBe(run.results.summary.requests);
    expect(secretsIn(run.everything)).toEqual([]);
  });

  it('https with the test CA trusted by --prometheus-ca', async (ctx) => {
    await requireTool(ctx, 'prometheus');
    await requireTool(ctx, 'nginx');
    const run = await bench(
      'tls',
      `${httpsBase}/basic/write`,
      [
        '--prometheus-user',
        'rw',
        '--prometheus-password',
        'env:RW_PASSWORD',
        '--prometheus-ca',
        certs!.caFile,
      ],
      { RW_PASSWORD: PASSWORD },
    );
    expect(run.result.stderr).not.toMatch(/warning/);
    expect(await lastRequests(targetUrl.replace('http://', ''))).toBe(run.results.summary.requests);
    expect(secretsIn(run.everything)).toEqual([]);
  });

  it('wrong credentials: "credentials refused" once, exit code unchanged, no secret shown', async (ctx) => {
    await requireTool(ctx, 'prometheus');
    await requireTool(ctx, 'nginx');
    for (const [name, endpoint, flags, env] of [
      [
        'wrong-basic',
        'basic/write',
        ['--prometheus-user', 'rw', '--prometheus-password', 'env:RW_PASSWORD'],
        { RW_PASSWORD: TOKEN },
      ],
      ['wrong-token', 'bearer/write', ['--prometheus-token', 'env:RW_TOKEN'], { RW_TOKEN: PASSWORD }],
    ] as const) {
      const run = await bench(name, `${httpBase}/${endpoint}`, [...flags], env);
      const warnings = run.result.stderr.split('\n').filter((line) => line.startsWith('warning:'));
      expect(warnings, name).toHaveLength(1);
      expect(warnings[0]).toContain(
        `Prometheus remote write to ${httpBase}/${endpoint}: credentials refused (HTTP 401)`,
      );
      expect(run.result.code, run.result.stderr).toBe(run.results.summary.valid ? 0 : 1);
      expect(secretsIn(run.everything), name).toEqual([]);
    }
  });
});
