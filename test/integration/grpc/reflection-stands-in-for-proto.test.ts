/**
 * `bench grpc://… --call` without --proto: against a server with reflection (@grpc/reflection), the run
 * finds the method and its message types there and counts what a run with --proto counts, exactly as the
 * server received it; against a server without reflection it is exit 2 with one line that says so.
 */
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BenchResults } from '../../../results/schema.ts';
import { runCliInProcess } from '../../helpers/cli.ts';
import { type JsCounterServer, startJsCounterServer } from '../../helpers/grpc-js-counter-server.ts';
import { COUNTER_PROTO } from '../../helpers/grpc-python-server.ts';
import { makeTestCertificates } from '../../helpers/test-certificates.ts';

const QUIET = [
  '--duration',
  '1s',
  '--warmup',
  '0s',
  '--quiet',
  '--max-lag',
  '1000',
  '--max-loop-delay',
  '1000',
];
let server: JsCounterServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function bench(
  port: number,
  args: string[],
  url = `grpc://127.0.0.1:${port}`,
): Promise<{ code: number; stderr: string; results?: BenchResults }> {
  const json = join(tmpdir(), `sb-grpc-reflect-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const result = await runCliInProcess(['bench', url, ...QUIET, '--json', json, ...args]);
  const text = await readFile(json, 'utf8').catch(() => undefined);
  await rm(json, { force: true });
  await rm(join(tmpdir(), 'events.ndjson'), { force: true });
  return {
    code: result.code,
    stderr: result.stderr,
    ...(text ? { results: JSON.parse(text) as BenchResults } : {}),
  };
}

describe('server reflection stands in for --proto', () => {
  it('unary and server-streaming: the same counts with and without --proto, as the server counted', async () => {
    server = await startJsCounterServer({ reflection: 'both' });
    const unary = [
      '--call',
      'counter.Counter/Add',
      '--data',
      '{"name":"r","amount":3,"kind":"FAST"}',
      '--rate',
      '40',
    ];
    const withProto = await bench(server.port, ['--proto', COUNTER_PROTO, ...unary]);
    const afterProto = { calls: server.calls.Add ?? 0, bytes: server.bytesReceived.Add ?? 0 };
    const reflected = await bench(server.port, unary);
    expect(reflected.code, reflected.stderr).toBe(0);
    expect(withProto.code, withProto.stderr).toBe(0);
    const a = withProto.results!.grpc!;
    const b = reflected.results!.grpc!;
    expect(a.statuses).toEqual({ OK: afterProto.calls });
    expect(a.bytesSent).toBe(afterProto.bytes);
    expect(b.statuses).toEqual({ OK: (server.calls.Add ?? 0) - afterProto.calls });
    expect(b.bytesSent).toBe((server.bytesReceived.Add ?? 0) - afterProto.bytes);
    // the same request, encoded the same: the same bytes a call
    expect(b.bytesSent / b.statuses.OK!).toBe(a.bytesSent / a.statuses.OK!);
    expect(b.bytesReceived / b.statuses.OK!).toBeGreaterThan(0);
    // the results file names the source, not the descriptors
    expect(reflected.results!.options.grpc).toMatchObject({
      proto: 'server reflection',
      call: 'counter.Counter/Add',
    });
    expect(JSON.stringify(reflected.results!.options)).not.toContain('AddRequest');

    const stream = ['--call', 'counter.Counter/Watch', '--data', '{"count":4}', '--rate', '20'];
    const streamed = await bench(server.port, stream);
    expect(streamed.code, streamed.stderr).toBe(0);
    const s = streamed.results!.grpc!;
    expect(s.statuses).toEqual({ OK: server.calls.Watch });
    expect(s.streamMessages).toBe(server.messagesSent);
    expect(s.streamMessages).toBe(4 * (server.calls.Watch ?? 0));
  });

  it('a method reflection does not know, and a request that does not fit, are exit 2 with one line', async () => {
    server = await startJsCounterServer({ reflection: 'both' });
    const unknown = await bench(server.port, ['--call', 'counter.Counter/Subtract']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^error: --call: service counter.Counter has no method Subtract \(methods: Add, Watch\)/,
    );
    const misfit = await bench(server.port, ['--call', 'counter.Counter/Add', '--data', '{"amont":1}']);
    expect(misfit.code).toBe(2);
    expect(misfit.stderr).toMatch(/field 'amont' is not in message counter.AddRequest/);
    expect(server.calls).toEqual({});
  });

  it('a server with only the older v1alpha reflection: found there', async () => {
    server = await startJsCounterServer({ reflection: 'v1alpha' });
    const run = await bench(server.port, [
      '--call',
      'counter.Counter/Add',
      '--data',
      '{"amount":1}',
      '--rate',
      '20',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.results!.grpc!.statuses).toEqual({ OK: server.calls.Add });
    expect(run.results!.grpc!.bytesSent).toBe(server.bytesReceived.Add);
  });

  it('over grpcs:// with --ca, two worker threads: the descriptors reach both, the counts agree', async () => {
    const certs = await makeTestCertificates();
    try {
      server = await startJsCounterServer({ reflection: 'both', tls: certs.valid });
      const args = [
        '--call',
        'counter.Counter/Add',
        '--data',
        '{"name":"t"}',
        '--rate',
        '30',
        '--workers',
        '2',
      ];
      const run = await bench(
        server.port,
        [...args, '--ca', certs.caFile],
        `grpcs://localhost:${server.port}`,
      );
      expect(run.code, run.stderr).toBe(0);
      expect(run.results!.grpc!.statuses).toEqual({ OK: server.calls.Add });
      expect(run.results!.grpc!.bytesSent).toBe(server.bytesReceived.Add);
    } finally {
      await certs.remove();
    }
  });

  it('a server without reflection: exit 2, one line saying so and to pass --proto', async () => {
    server = await startJsCounterServer({ reflection: false });
    const result = await bench(server.port, ['--call', 'counter.Counter/Add', '--data', '{"amount":1}']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(
      /offers no server reflection \(grpc.reflection.v1 or v1alpha\): pass --proto FILE/,
    );
    expect(result.results).toBeUndefined();
    expect(server.calls).toEqual({});
  });
});
