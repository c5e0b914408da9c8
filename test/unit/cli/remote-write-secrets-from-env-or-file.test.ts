/**
 * The remote-write endpoint's flags: basic auth and bearer tokens are read from an environment variable
 * or a file, never taken from the command line or a URL; headers such as X-Scope-OrgID are sent; every
 * form of the secret (password, token, base64 of user:password, the Authorization value) is listed for
 * redaction; and no error message repeats a secret.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRemoteWrite } from '../../../cli/remote-write-options.ts';
import { ScalebenchError } from '../../../core/errors.ts';
import { redact } from '../../../exporters/prometheus/remote-write-target.ts';

const URL_ = 'https://mimir.test/api/v1/push';
const SECRET = 's3cr3t-Pa55';

function failure(run: () => unknown): ScalebenchError {
  try {
    run();
  } catch (error: unknown) {
    if (error instanceof ScalebenchError) return error;
    throw error;
  }
  throw new Error('expected a ScalebenchError');
}

describe('remote write credentials', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sb-rw-'));
    await writeFile(join(dir, 'token'), `${SECRET}\n`);
    await writeFile(join(dir, 'empty'), '');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('basic auth: the password from an environment variable, every form of it redacted', () => {
    const target = parseRemoteWrite(
      URL_,
      {
        prometheusUser: 'tenant',
        prometheusPassword: 'env:RW_PASS',
        prometheusHeader: ['X-Scope-OrgID: t1'],
      },
      { RW_PASS: SECRET },
      dir,
    )!;
    const encoded = Buffer.from(`tenant:${SECRET}`).toString('base64');
    expect(target.headers).toEqual({ 'X-Scope-OrgID': 't1', Authorization: `Basic ${encoded}` });
    expect(target.url).toBe(URL_);
    expect(redact(`a ${SECRET} b ${encoded} c`, target.secrets)).toBe('a *** b *** c');
  });

  it('bearer token from a file, its trailing newline dropped', () => {
    const target = parseRemoteWrite(URL_, { prometheusToken: 'file:token' }, {}, dir)!;
    expect(target.headers['Authorization']).toBe(`Bearer ${SECRET}`);
    expect(target.secrets).toContain(SECRET);
  });

  it('refuses a secret given on the command line, without repeating it', () => {
    const error = failure(() => parseRemoteWrite(URL_, { prometheusToken: SECRET }, {}, dir));
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('env:VARIABLE or file:PATH');
    expect(`${error.message} ${error.hint}`).not.toContain(SECRET);
  });

  it('refuses credentials in the URL, without repeating them', () => {
    const error = failure(() => parseRemoteWrite(`https://u:${SECRET}@mimir.test/push`, {}, {}, dir));
    expect(error.message).toBe('--out prometheus=URL carries credentials in the URL');
    const bad = failure(() => parseRemoteWrite(`ftp://u:${SECRET}@x/`, {}, {}, dir));
    expect(`${bad.message} ${bad.hint}`).not.toContain(SECRET);
  });

  it('says which variable or file is missing or empty', () => {
    expect(failure(() => parseRemoteWrite(URL_, { prometheusToken: 'env:NOPE' }, {}, dir)).message).toBe(
      '--prometheus-token: environment variable NOPE is not set',
    );
    expect(
      failure(() => parseRemoteWrite(URL_, { prometheusToken: 'file:empty' }, {}, dir)).message,
    ).toContain('is empty');
  });

  it('half of basic auth, both kinds at once, TLS flags on http://, flags without an endpoint: exit 2', () => {
    const cases: [string | null, Parameters<typeof parseRemoteWrite>[1], string][] = [
      [URL_, { prometheusUser: 'u' }, '--prometheus-user needs --prometheus-password'],
      [URL_, { prometheusPassword: 'env:X' }, '--prometheus-password needs --prometheus-user'],
      [
        URL_,
        { prometheusUser: 'u', prometheusPassword: 'env:X', prometheusToken: 'env:X' },
        'exclude each other',
      ],
      ['http://127.0.0.1:9090/api/v1/write', { prometheusInsecure: true }, 'https:// endpoint only'],
      [null, { prometheusHeader: ['X-Scope-OrgID: t'] }, '--prometheus-header needs --out prometheus=URL'],
      [URL_, { prometheusHeader: ['no colon'] }, 'is not name:value'],
    ];
    for (const [url, flags, message] of cases) {
      const error = failure(() => parseRemoteWrite(url, flags, { X: 'x' }, dir));
      expect(error.message).toContain(message);
      expect(error.exitCode).toBe(2);
    }
  });
});
