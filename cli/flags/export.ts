/** `scalebench export`: its flags only; the command's code (cli/export.ts) is imported when it runs. */
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import type { ExportK6Flags } from '../export.ts';
import { collect } from '../parse.ts';

export function registerExport(program: Command, ctx: CliContext): void {
  const exportCommand = program
    .command('export')
    .description('write an experiment in another tool’s format (k6)');
  exportCommand
    .command('k6')
    .description('write an experiment as a k6 script: executor options, thresholds and flow')
    .argument(
      '<experiment>',
      "experiment name (clones, caching, async, database, or one of scalebench.config.ts), or a grpc:// URL with bench's gRPC flags",
    )
    .option('-o, --out <file>', 'write the script here (default: print it)')
    .option('--profile <name>', 'load profile: quick or full', 'full')
    .option('--base-url <url>', 'default target when BASE_URL is not set (k6 run -e BASE_URL=...)')
    .option('--proto <file>', 'grpc:// URL: the .proto file (none: k6 asks the server by reflection)')
    .option('--call <pkg.Service/Method>', 'grpc:// URL: the method each iteration calls')
    .option('--data <json>', 'grpc:// URL: the request message as JSON (default {})')
    .option('--metadata <key=value>', 'grpc:// URL: metadata sent with every call, repeatable', collect)
    .option('--rate <n>', 'grpc:// URL: calls per second, open model (default 100)')
    .option('--connections <n>', 'grpc:// URL: closed model, with --max-streams calls in flight on each')
    .option('--max-streams <n>', 'grpc:// URL: calls in flight on one connection (default 1)')
    .option('--duration <time>', 'grpc:// URL: how long the scenario runs (default 30s)')
    .option('--timeout <time>', "grpc:// URL: each call's deadline (default 10s)")
    .option('--ca <file>', 'grpcs:// URL: trust the certificate authorities in this PEM file')
    .option('--insecure', 'grpcs:// URL: accept any certificate (k6 insecureSkipTLSVerify)')
    .option(
      '--config <file>',
      'scalebench.config.ts with your own experiments (default: ./scalebench.config.ts)',
    )
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  scalebench export k6 clones --out clones.k6.js --base-url http://balancer:8080',
        '  k6 run -e BASE_URL=http://127.0.0.1:8080 clones.k6.js',
        '  scalebench export k6 grpc://127.0.0.1:50051 --proto api.proto --call users.Users/GetUser --data \'{"id":42}\' --rate 200 --out users.k6.js',
      ].join('\n'),
    )
    .action(async (experiment: string, flags: ExportK6Flags) => {
      const { parseExportK6Options, runExportK6 } = await import('../export.ts');
      await runExportK6(parseExportK6Options(experiment, flags, ctx.cwd), ctx);
    });
}
