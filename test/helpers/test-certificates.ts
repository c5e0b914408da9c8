/**
 * Certificates made for a test with openssl, in a temp folder: a CA and a server certificate it signed
 * for localhost and 127.0.0.1, a self-signed one, an expired one (signed by the same CA) and one for
 * another host name. Removed with `remove()`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CertificatePair {
  cert: string;
  key: string;
}

export interface TestCertificates {
  dir: string;
  /** the CA's certificate (PEM file path): pass as --ca */
  caFile: string;
  /** signed by the CA, for localhost and 127.0.0.1, valid now */
  valid: CertificatePair;
  /** self-signed, for localhost and 127.0.0.1 */
  selfSigned: CertificatePair;
  /** signed by the CA, for localhost and 127.0.0.1, expired in 2020 */
  expired: CertificatePair;
  /** signed by the CA for other.example only */
  otherHost: CertificatePair;
  remove(): Promise<void>;
}

const SAN = 'subjectAltName=DNS:localhost,IP:127.0.0.1';

async function openssl(dir: string, args: string[]): Promise<void> {
  await run('openssl', args, { cwd: dir });
}

async function signed(dir: string, name: string, san: string, dates: string[]): Promise<CertificatePair> {
  const key = join(dir, `${name}.key`);
  const csr = join(dir, `${name}.csr`);
  const cert = join(dir, `${name}.pem`);
  await openssl(
    dir,
    ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr].concat([
      '-subj',
      `/CN=${name}`,
      '-addext',
      san,
    ]),
  );
  await openssl(dir, [
    'ca',
    '-batch',
    '-notext',
    '-config',
    join(dir, 'ca.cnf'),
    '-in',
    csr,
    '-out',
    cert,
    ...dates,
  ]);
  return { cert, key };
}

export async function makeTestCertificates(): Promise<TestCertificates> {
  const dir = await mkdtemp(join(tmpdir(), 'sb-test-certs-'));
  await writeFile(join(dir, 'index.txt'), '');
  await writeFile(join(dir, 'serial'), '1000\n');
  await writeFile(
    join(dir, 'ca.cnf'),
    [
      '[ ca ]',
      'default_ca = local',
      '[ local ]',
      `database = ${join(dir, 'index.txt')}`,
      `new_certs_dir = ${dir}`,
      `serial = ${join(dir, 'serial')}`,
      `certificate = ${join(dir, 'ca.pem')}`,
      `private_key = ${join(dir, 'ca.key')}`,
      'default_md = sha256',
      'default_days = 2',
      'policy = anything',
      'copy_extensions = copy',
      'unique_subject = no',
      '[ anything ]',
      'commonName = supplied',
      '',
    ].join('\n'),
  );
  await openssl(
    dir,
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem'].concat([
      '-days',
      '2',
      '-subj',
      '/CN=scalebench test CA',
    ]),
  );
  const selfSigned = { cert: join(dir, 'self.pem'), key: join(dir, 'self.key') };
  await openssl(
    dir,
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', selfSigned.key].concat([
      '-out',
      selfSigned.cert,
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      SAN,
    ]),
  );
  const valid = await signed(dir, 'localhost', SAN, []);
  const expired = await signed(dir, 'expired', SAN, [
    '-startdate',
    '20200101000000Z',
    '-enddate',
    '20200102000000Z',
  ]);
  const otherHost = await signed(dir, 'other', 'subjectAltName=DNS:other.example', []);
  return {
    dir,
    caFile: join(dir, 'ca.pem'),
    valid,
    selfSigned,
    expired,
    otherHost,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
