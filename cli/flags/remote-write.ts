/** The flags of `--out prometheus=URL`'s endpoint (credentials, headers, TLS), for `run` and `bench`. */
import type { Command } from 'commander';
import { collect } from '../parse.ts';

export function addRemoteWriteOptions(command: Command): Command {
  return command
    .option('--prometheus-user <name>', 'remote write: basic auth user (its password: --prometheus-password)')
    .option(
      '--prometheus-password <env:VAR|file:PATH>',
      'remote write: where the basic auth password is read, an environment variable or a file (never on the command line)',
    )
    .option(
      '--prometheus-token <env:VAR|file:PATH>',
      'remote write: where the bearer token is read, an environment variable or a file (never on the command line)',
    )
    .option(
      '--prometheus-header <name:value>',
      'remote write: a header on every push, repeatable (e.g. X-Scope-OrgID: tenant-1)',
      collect,
    )
    .option(
      '--prometheus-ca <file>',
      'remote write over https: trust the certificate authorities in this PEM file',
    )
    .option('--prometheus-insecure', 'remote write over https: accept any certificate — testing only');
}
