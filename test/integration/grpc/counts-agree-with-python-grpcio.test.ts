/**
 * Acceptance: against a gRPC server nobody here wrote (Python grpcio, C core) that counts its calls, the
 * calls, status codes and message bytes `bench grpc://…` reports agree exactly with the server's count —
 * unary and server-streaming, plaintext and TLS (grpcs:// with the test CA as --ca), one worker and two.
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchResults } from '../../../results/schema.ts';
import { runCliInProcess } from '../../helpers/cli.ts';
import {
  COUNTER_PROTO,
  findGrpcPython,
  GRPC_PYTHON_NEED,
  startCountingServer,
} from '../../helpers/grpc-python-server.ts';
import { requireSetup } from '../../helpers/requires-tool.ts';
import { makeTestCertificates, type TestCertificates } from '../../helpers/test-certificates.ts';

const QUIET_GUARDS = ['--max-lag', '1000', '--max-loop-delay', '1000'];

describe('gRPC counts agree with a Python grpcio server', () => {
  let python: string | undefined;
  let certs: TestCertificates;

  beforeAll(async () => {
    python = await findGrpcPython();
    certs = await makeTestCertificates();
  });
  afterAll(() => certs.remove());

  async function bench(url: string, args: string[]): Promise<BenchResults> {
    const json = join(tmpdir(), `sb-grpc-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
    const result = await runCliInProcess([
      'bench',
      url,
      '--proto',
      COUNTER_PROTO,
      '--duration',
      '2s',
      '--warmup',
      '0s',
      '--quiet',
      ...QUIET_GUARDS,
      '--json',
      json,
      ...args,
    ]);
    const results = JSON.parse(await readFile(json, 'utf8')) as BenchResults;
    await rm(json, { force: true });
    await rm(join(tmpdir(), 'events.ndjson'), { force: true });
    expect(result.code, result.stderr).toBe(results.summary.valid ? 0 : 1);
    return results;
  }

  for (const tls of [false, true]) {
    const scheme = tls ? 'grpcs' : 'grpc';

    it(`unary over ${scheme}://, two workers: calls, statuses and bytes as the server counted`, async (ctx) => {
      requireSetup(ctx, python !== undefined, GRPC_PYTHON_NEED);
      const server = await startCountingServer(python!, tls ? certs.valid : undefined);
      const host = tls ? 'localhost' : '127.0.0.1';
      const results = await bench(`${scheme}://${host}:${server.port}`, [
        '--call',
        'counter.Counter/Add',
        '--data',
        '{"name":"acceptance","amount":3,"tags":["a","b"],"inner":{"flag":true},"kind":"FAST"}',
        '--rate',
        '150',
        '--workers',
        '2',
        ...(tls ? ['--ca', certs.caFile] : []),
      ]);
      const counts = await server.stop();
      expect(results.protocol).toBe(tls ? 'h2' : 'h2c');
      expect(results.summary.requests).toBeGreaterThan(200);
      expect(counts.calls['Add']).toBe(results.summary.requests);
      expect(results.grpc!.statuses).toEqual({ OK: counts.statuses['OK'] });
      expect(results.grpc!.bytesSent).toBe(counts.bytes_received['Add']);
      expect(results.grpc!.bytesReceived).toBe(counts.bytes_sent['Add']);
    });

    it(`server streaming over ${scheme}://, closed model: calls, messages and bytes as the server counted`, async (ctx) => {
      requireSetup(ctx, python !== undefined, GRPC_PYTHON_NEED);
      const server = await startCountingServer(python!, tls ? certs.valid : undefined);
      const host = tls ? 'localhost' : '127.0.0.1';
      const results = await bench(`${scheme}://${host}:${server.port}`, [
        '--call',
        'counter.Counter/Watch',
        '--data',
        '{"count":4,"size":64}',
        '--connections',
        '2',
        ...(tls ? ['--ca', certs.caFile] : []),
      ]);
      const counts = await server.stop();
      expect(results.summary.requests).toBeGreaterThan(50);
      expect(counts.calls['Watch']).toBe(results.summary.requests);
      expect(results.grpc!.streamMessages).toBe(counts.messages_sent);
      expect(results.grpc!.streamMessages).toBe(4 * results.summary.requests);
      expect(results.grpc!.bytesReceived).toBe(counts.bytes_sent['Watch']);
      expect(results.grpc!.bytesSent).toBe(counts.bytes_received['Watch']);
      expect(results.grpc!.firstMessage!.count).toBe(results.summary.requests);
    });
  }

  it('status codes: every call the server failed is counted under its status name', async (ctx) => {
    requireSetup(ctx, python !== undefined, GRPC_PYTHON_NEED);
    const server = await startCountingServer(python!);
    const results = await bench(`grpc://127.0.0.1:${server.port}`, [
      '--call',
      'counter.Counter/Add',
      '--data',
      '{"name":"fail-RESOURCE_EXHAUSTED"}',
      '--rate',
      '100',
    ]);
    const counts = await server.stop();
    expect(counts.statuses['RESOURCE_EXHAUSTED']).toBe(results.summary.requests);
    expect(results.summary.errorsByClass).toEqual({ RESOURCE_EXHAUSTED: results.summary.requests });
    expect(results.grpc!.statuses).toEqual({ OK: 0, RESOURCE_EXHAUSTED: results.summary.requests });
  });
});
