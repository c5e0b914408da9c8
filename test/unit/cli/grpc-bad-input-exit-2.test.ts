/**
 * `bench grpc://…` with bad input stops before any load (no server is running here): a proto that does
 * not parse (file:line), an unknown service or method (the known ones listed), a request JSON that does
 * not fit the message (the field named), HTTP-only flags — each exit 2 with one line, no stack trace.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../../helpers/cli.ts';
import { COUNTER_PROTO, GRPC_FIXTURES } from '../../helpers/grpc-python-server.ts';

async function grpcBench(args: string[]) {
  return runCliInProcess(['bench', 'grpc://127.0.0.1:1', '--duration', '1s', ...args]);
}

const cases: [string, string[], string][] = [
  [
    'a proto that does not parse',
    ['--proto', join(GRPC_FIXTURES, 'broken.proto'), '--call', 'broken.S/M'],
    "--proto does not parse: broken.proto:6: illegal token 'int32', ';' expected (SB_ERR",
  ],
  [
    'an unknown service',
    ['--proto', COUNTER_PROTO, '--call', 'counter.Nope/Add'],
    '--call: no service counter.Nope in the proto (services: counter.Counter)',
  ],
  [
    'an unknown method',
    ['--proto', COUNTER_PROTO, '--call', 'counter.Counter/Subtract'],
    '--call: service counter.Counter has no method Subtract (methods: Add, Watch)',
  ],
  [
    'a field the message does not have',
    ['--proto', COUNTER_PROTO, '--call', 'counter.Counter/Add', '--data', '{"name":"x","amont":3}'],
    "--data does not fit counter.Counter/Add's request: field 'amont' is not in message counter.AddRequest",
  ],
  [
    'a nested field of the wrong type',
    ['--proto', COUNTER_PROTO, '--call', 'counter.Counter/Add', '--data', '{"inner":{"flag":"yes"}}'],
    'field \'inner.flag\' is bool, not "yes"',
  ],
  [
    'an enum value the enum does not have',
    ['--proto', COUNTER_PROTO, '--call', 'counter.Counter/Add', '--data', '{"kind":"SLOW"}'],
    'field \'kind\' is counter.Kind, not "SLOW"',
  ],
  [
    'a request that is not JSON',
    ['--proto', COUNTER_PROTO, '--call', 'counter.Counter/Add', '--data', '{name:1}'],
    '--data is not JSON',
  ],
  ['no --call', ['--proto', COUNTER_PROTO], 'a gRPC URL needs --call pkg.Service/Method'],
  [
    'an HTTP-only flag',
    ['--proto', COUNTER_PROTO, '--call', 'counter.Counter/Add', '--header', 'a: b'],
    '--header does not apply to a gRPC URL',
  ],
  [
    'metadata that is not key=value',
    ['--proto', COUNTER_PROTO, '--call', 'counter.Counter/Add', '--metadata', 'token'],
    "--metadata 'token' is not key=value",
  ],
];

describe('bench grpc:// bad input', () => {
  it.each(cases)('%s: exit 2, one line', async (_name, args, message) => {
    const result = await grpcBench(args);
    expect(result.code).toBe(2);
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('error:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toBe('');
  });
});
