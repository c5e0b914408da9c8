/**
 * `--out prometheus=URL` and its endpoint flags → the remote-write target (exporters/prometheus/
 * remote-write-target.ts). Secrets are read here from an environment variable or a file, never taken from
 * the command line (where `ps` and shell history would show them), and no error names a secret's value.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ScalebenchError } from '../core/errors.ts';
import {
  basicAuthorization,
  bearerAuthorization,
  type RemoteWriteTarget,
} from '../exporters/prometheus/remote-write-target.ts';

export interface RemoteWriteFlags {
  prometheusUser?: string;
  prometheusPassword?: string;
  prometheusToken?: string;
  prometheusHeader?: string[];
  prometheusCa?: string;
  prometheusInsecure?: boolean;
}

function invalid(message: string, hint: string): ScalebenchError {
  return new ScalebenchError('SB_ERR_INVALID_ARGUMENT', message, { hint });
}

/** `env:VAR` or `file:PATH` → the secret, trimmed of its trailing newline */
export function readSecret(
  source: string,
  flag: string,
  env: Record<string, string | undefined>,
  cwd: string,
): string {
  const hint = `pass ${flag} env:VARIABLE or ${flag} file:PATH; a secret on the command line shows in ps and shell history`;
  let value: string | undefined;
  if (source.startsWith('env:')) {
    const name = source.slice(4);
    value = env[name];
    if (value === undefined || value === '')
      throw invalid(`${flag}: environment variable ${name} is not set`, hint);
  } else if (source.startsWith('file:')) {
    const path = resolve(cwd, source.slice(5));
    try {
      value = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
    } catch (error: unknown) {
      throw invalid(`${flag}: cannot read ${path} (${(error as { code?: string }).code ?? 'error'})`, hint);
    }
    if (value === '') throw invalid(`${flag}: ${path} is empty`, hint);
  } else {
    throw invalid(`${flag} takes env:VARIABLE or file:PATH, not the secret itself`, hint);
  }
  if (/[\r\n]/.test(value)) throw invalid(`${flag}: the secret holds a line break`, 'store it on one line');
  return value;
}

function parseUrl(url: string): URL {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    // the text is not echoed back: it may hold a password
    throw invalid(
      '--out prometheus=URL is not an http(s) URL',
      'e.g. --out prometheus=http://127.0.0.1:9090/api/v1/write (Prometheus started with --web.enable-remote-write-receiver)',
    );
  }
  if (parsed.username || parsed.password) {
    throw invalid(
      '--out prometheus=URL carries credentials in the URL',
      'drop user:password@ from the URL; pass --prometheus-user NAME --prometheus-password env:VAR (or file:PATH)',
    );
  }
  return parsed;
}

function parseHeader(pair: string): [string, string] {
  const colon = pair.indexOf(':');
  const name = pair.slice(0, colon).trim();
  if (colon <= 0 || !/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(name)) {
    throw invalid(
      `--prometheus-header '${pair.slice(0, 40)}' is not name:value`,
      "e.g. --prometheus-header 'X-Scope-OrgID: tenant-1'",
    );
  }
  return [name, pair.slice(colon + 1).trim()];
}

function authorization(
  flags: RemoteWriteFlags,
  env: Record<string, string | undefined>,
  cwd: string,
): { header: string; secrets: string[] } | undefined {
  const user = flags.prometheusUser;
  if (flags.prometheusToken !== undefined && (user !== undefined || flags.prometheusPassword !== undefined)) {
    throw invalid(
      '--prometheus-token and basic auth (--prometheus-user) exclude each other',
      'pass one of them',
    );
  }
  if (flags.prometheusToken !== undefined) {
    return bearerAuthorization(readSecret(flags.prometheusToken, '--prometheus-token', env, cwd));
  }
  if (user === undefined && flags.prometheusPassword === undefined) return undefined;
  if (user === undefined || flags.prometheusPassword === undefined) {
    throw invalid(
      user === undefined
        ? '--prometheus-password needs --prometheus-user'
        : '--prometheus-user needs --prometheus-password',
      'basic auth takes both: --prometheus-user NAME --prometheus-password env:VAR (or file:PATH)',
    );
  }
  if (user.includes(':'))
    throw invalid('--prometheus-user holds a colon', 'basic auth user names have no colon');
  return basicAuthorization(user, readSecret(flags.prometheusPassword, '--prometheus-password', env, cwd));
}

/** The target, or null without --out prometheus=URL (then no endpoint flag may be given). */
export function parseRemoteWrite(
  url: string | null,
  flags: RemoteWriteFlags,
  env: Record<string, string | undefined>,
  cwd: string,
): RemoteWriteTarget | null {
  if (url === null) {
    const given = Object.entries(flags).find(
      ([name, value]) => name.startsWith('prometheus') && value !== undefined,
    );
    if (given) {
      const flag = `--${given[0].replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      throw invalid(`${flag} needs --out prometheus=URL`, 'add --out prometheus=https://HOST/api/v1/write');
    }
    return null;
  }
  const parsed = parseUrl(url);
  if ((flags.prometheusCa !== undefined || flags.prometheusInsecure) && parsed.protocol !== 'https:') {
    throw invalid(
      '--prometheus-ca and --prometheus-insecure apply to an https:// endpoint only',
      'use an https:// URL in --out prometheus=URL',
    );
  }
  const headers: Record<string, string> = {};
  const secrets: string[] = [];
  for (const pair of flags.prometheusHeader ?? []) {
    const [name, value] = parseHeader(pair);
    headers[name] = value;
    if (name.toLowerCase() === 'authorization') secrets.push(value);
  }
  const auth = authorization(flags, env, cwd);
  if (auth) {
    headers['Authorization'] = auth.header;
    secrets.push(auth.header, ...auth.secrets);
  }
  return { url: parsed.href, headers, tls: readTls(flags, cwd), secrets };
}

function readTls(flags: RemoteWriteFlags, cwd: string): RemoteWriteTarget['tls'] {
  const tls: RemoteWriteTarget['tls'] = flags.prometheusInsecure ? { insecure: true } : {};
  if (flags.prometheusCa === undefined) return tls;
  const path = resolve(cwd, flags.prometheusCa);
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    throw invalid(
      `cannot read the CA file ${path} (${(error as { code?: string }).code ?? 'error'})`,
      'pass --prometheus-ca a PEM file',
    );
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw invalid(
      `${path} holds no PEM certificate`,
      'the CA file must contain "-----BEGIN CERTIFICATE-----" blocks',
    );
  }
  return { ...tls, ca: pem };
}
