/**
 * `scalebench export k6 grpc://…` with bench's gRPC flags: a k6 script that loads the proto, connects
 * (plaintext for grpc://, TLS for grpcs://), calls the method with client.invoke (a grpc.Stream for a
 * server-streaming one) and checks grpc.StatusOK — type-checked against k6's own types (@types/k6).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/cli.ts';
import { COUNTER_PROTO, GRPC_FIXTURES } from '../../helpers/grpc-python-server.ts';
import { typeCheck } from './type-check-k6.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-k6-grpc-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function exportK6(file: string, args: string[]) {
  const result = await runCliInProcess(['export', 'k6', ...args, '--out', join(dir, file)], { cwd: dir });
  const script = await readFile(join(dir, file), 'utf8').catch(() => '');
  return { ...result, script };
}

describe('export k6 of a bench grpc:// invocation', () => {
  it('unary over grpc://: load, plaintext connect, invoke with metadata, timeout and name tag, a StatusOK check', async () => {
    const { code, stderr, script } = await exportK6('add.js', [
      'grpc://127.0.0.1:50051',
      '--proto',
      COUNTER_PROTO,
      '--call',
      'counter.Counter/Add',
      '--data',
      '{"name":"a","amount":2}',
      '--metadata',
      'x-tenant=t1',
      '--rate',
      '50',
      '--duration',
      '20s',
      '--timeout',
      '500ms',
    ]);
    expect(code, stderr).toBe(0);
    expect(stderr).toBe('');
    expect(script).toContain("import grpc from 'k6/net/grpc';");
    expect(script).toContain(
      `client.load([${JSON.stringify(GRPC_FIXTURES.replace(/\/$/, ''))}], "counter.proto");`,
    );
    expect(script).toContain('client.connect(GRPC_ADDR, { plaintext: true });');
    expect(script).toContain('const GRPC_ADDR = __ENV.GRPC_ADDR || "127.0.0.1:50051";');
    expect(script).toContain(
      'client.invoke("counter.Counter/Add", {"name":"a","amount":2}, { metadata: {"x-tenant":"t1"}, timeout: TIMEOUT, tags: { name: "Add" } });',
    );
    expect(script).toContain('const TIMEOUT = "500ms";');
    expect(script).toContain(
      'check(res, { \'status is OK\': (r) => r && r.status === grpc.StatusOK }, { name: "Add" });',
    );
    expect(script).toContain('"executor": "constant-arrival-rate"');
    expect(script).toContain('"rate": 50');
    const checked = await typeCheck(dir, ['add.js']);
    expect(checked.output).toBe('');
    expect(checked.code).toBe(0);
  });

  it('server streaming over grpcs:// with --ca, closed model: a grpc.Stream, TLS with the CA, and warnings', async () => {
    const ca = join(dir, 'ca.pem');
    await writeFile(ca, '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
    const { code, stderr, script } = await exportK6('watch.js', [
      'grpcs://localhost:50443',
      '--ca',
      ca,
      '--proto',
      COUNTER_PROTO,
      '--call',
      'counter.Counter/Watch',
      '--data',
      '{"count":3}',
      '--connections',
      '2',
      '--max-streams',
      '3',
    ]);
    expect(code, stderr).toBe(0);
    expect(stderr.trim().split('\n')).toEqual([
      'warning: counter.Counter/Watch streams its responses: the k6 script opens a grpc.Stream, which k6 counts in grpc_streams and grpc_streams_msgs_received, not grpc_req_duration{name:Watch}',
      'warning: k6 gives each VU its own connection: 6 connections where scalebench shares 2',
    ]);
    expect(script).toContain(
      'const stream = new grpc.Stream(client, "counter.Counter/Watch", { timeout: TIMEOUT, tags: { name: "Watch" } });',
    );
    expect(script).toContain('stream.write({"count":3});');
    expect(script).toContain('stream.end();');
    expect(script).toContain(`const CA_CERT = open(${JSON.stringify(ca)});`);
    expect(script).toContain('client.connect(GRPC_ADDR, { tls: ');
    expect(script).not.toContain('plaintext');
    expect(script).toContain('"executor": "constant-vus"');
    expect(script).toContain('"vus": 6');
    const checked = await typeCheck(dir, ['watch.js']);
    expect(checked.output).toBe('');
    expect(checked.code).toBe(0);
  });

  it('without --proto the k6 client asks the server by reflection; --insecure is insecureSkipTLSVerify', async () => {
    const { code, stderr, script } = await exportK6('reflect.js', [
      'grpcs://127.0.0.1:50443',
      '--insecure',
      '--call',
      'counter.Counter/Add',
    ]);
    expect(code, stderr).toBe(0);
    expect(script).not.toContain('client.load(');
    expect(script).toContain('client.connect(GRPC_ADDR, { reflect: true });');
    expect(script).toContain('"insecureSkipTLSVerify": true');
    expect(script).toContain('client.invoke("counter.Counter/Add", {}, ');
    const checked = await typeCheck(dir, ['reflect.js']);
    expect(checked.output).toBe('');
    expect(checked.code).toBe(0);
  });

  it('bad input is exit 2 with one line: a request that does not fit, gRPC flags with an experiment', async () => {
    const misfit = await exportK6('x.js', [
      'grpc://127.0.0.1:50051',
      '--proto',
      COUNTER_PROTO,
      '--call',
      'counter.Counter/Add',
      '--data',
      '{"amont":1}',
    ]);
    expect(misfit.code).toBe(2);
    expect(misfit.stderr.trim().split('\n')).toHaveLength(1);
    expect(misfit.stderr).toMatch(/field 'amont' is not in message counter.AddRequest/);
    const stray = await exportK6('y.js', ['clones', '--call', 'counter.Counter/Add']);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/^error: --call applies to a grpc:\/\/ URL only/);
  });
});
