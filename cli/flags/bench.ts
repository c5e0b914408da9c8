/** `scalebench bench`: its flags only; the command's code (cli/bench.ts) is imported when it runs. */
import type { Command } from 'commander';
import type { BenchFlags } from '../bench-options.ts';
import type { CliContext } from '../context.ts';
import { collect } from '../parse.ts';
import { addDashboardOptions } from './dashboard.ts';
import { addRemoteWriteOptions } from './remote-write.ts';

/** the load flags `bench` and `ab` share (one load shape, sent to one URL per trial) */
export function addLoadOptions(command: Command, defaults: { duration: string; warmup: string }): Command {
  return command
    .option('--rate <n>', 'requests per second, open model (default 100)')
    .option('--connections <n>', 'closed model: N connections each sending its next request when answered')
    .option('--duration <time>', 'measured duration', defaults.duration)
    .option(
      '--warmup <time>',
      'warm-up before the measured part (kept in the series, not in the summary)',
      defaults.warmup,
    )
    .option('--workers <n>', 'worker threads splitting the load', '1')
    .option('--method <method>', 'HTTP method', 'GET')
    .option('--header <name:value>', 'request header, repeatable', collect)
    .option('--body <text>', 'request body')
    .option('--timeout <time>', 'per-request timeout', '10s')
    .option('--quiet', 'no plan and no progress, only the summary')
    .option('--max-lag <ms>', 'saturation guard: schedule lag p99 above this marks the run invalid', '10')
    .option(
      '--max-loop-delay <ms>',
      'saturation guard: event-loop delay p99 above this marks it invalid',
      '50',
    )
    .option('--client <kind>', 'HTTP client: raw (default, faster) or undici');
}

/** how bench speaks to its URL: TLS, HTTP/2 and gRPC */
function addProtocolOptions(command: Command): Command {
  return command
    .option('--insecure', 'https: accept any certificate (self-signed, expired, another name) — testing only')
    .option(
      '--ca <file>',
      'https: trust the certificate authorities in this PEM file instead of the system ones',
    )
    .option('--http2', 'speak HTTP/2: h2 by ALPN for https://, h2c with prior knowledge for http://')
    .option(
      '--proto <file>',
      'grpc:// URLs: the .proto file that defines the service (none: server reflection)',
    )
    .option('--call <pkg.Service/Method>', 'grpc:// URLs: the method to call (unary or server-streaming)')
    .option('--data <json>', 'grpc:// URLs: the request message as JSON (default {})')
    .option('--metadata <key=value>', 'grpc:// URLs: metadata sent with every call, repeatable', collect)
    .option('--max-streams <n>', 'HTTP/2: requests in flight on one connection (default 10)');
}

/** several requests from a file instead of one URL */
function addTargetsFileOptions(command: Command): Command {
  return command
    .option(
      '--targets <file>',
      'several requests instead of one URL: vegeta-like text (METHOD URL [weight=N] [name=STEP], headers, @body) or JSON Lines',
    )
    .option(
      '--pick <order>',
      'how --targets are chosen: round-robin (default; weights as turns) or weighted (random)',
    );
}

/** ws:// sockets and Server-Sent Events streams */
function addStreamOptions(command: Command): Command {
  return command
    .option('--ws-message <text>', `ws://: the text message sent on each socket (default 'scalebench')`)
    .option(
      '--ws-expect <regex>',
      'ws://: a reply matches this regular expression (default: equals the message, echo)',
    )
    .option('--ws-rate <n>', 'ws://: messages per second on each socket (default 1; 0 holds sockets idle)')
    .option(
      '--ws-hold <time>',
      'ws:// with --rate (socket arrivals per second): how long each socket is held (default 10s)',
    )
    .option('--ws-subprotocol <name>', 'ws://: offer this subprotocol, repeatable', collect)
    .option('--ws-max-message <bytes>', 'ws://: larger messages fail the session (default 4194304)')
    .option('--sse', 'the URL is a Server-Sent Events stream: hold --connections streams (default 10)')
    .option(
      '--sse-hold <time>',
      '--sse with --rate (stream arrivals per second): how long each is held (default 10s)',
    );
}

/** where the results go: a Prometheus endpoint, the results file */
function addOutputOptions(command: Command): Command {
  command.option(
    '--out <prometheus=URL>',
    'push metrics to a Prometheus remote-write endpoint, e.g. prometheus=http://127.0.0.1:9090/api/v1/write',
    collect,
  );
  return addRemoteWriteOptions(command).option(
    '--json <file>',
    'write the results file (schema: results/results.schema.json)',
  );
}

/** whole trials in a row, or one shard of a run split across machines */
function addTrialOptions(command: Command): Command {
  return command
    .option('--trials <n>', 'run N whole trials (each with its warm-up): one sample each for `compare`', '1')
    .option('--pause <time>', 'pause between trials', '0s')
    .option(
      '--shard <i/N>',
      'run shard i of N (0 ≤ i < N): 1/N of the load; combine with `scalebench merge`',
    );
}

const BENCH_EXAMPLES = [
  '',
  'Latency is measured from when each request was due (no coordinated omission):',
  '  response time = completion − intended start, service time = completion − send,',
  '  schedule lag = send − intended start. Lag p99 above --max-lag marks the run invalid (exit 1).',
  '',
  'Examples:',
  '  scalebench bench http://127.0.0.1:8080/ --rate 2000 --duration 30s --json out.json',
  '  scalebench bench http://127.0.0.1:8080/ --trials 5 --duration 10s --pause 2s --json base.json',
  "  scalebench bench http://127.0.0.1:8080/cart --method POST --header 'content-type: application/json' --body '{}'",
  '  scalebench bench https://127.0.0.1:8443/ --ca ca.pem --rate 500 --duration 20s',
  '  scalebench bench https://127.0.0.1:8443/ --insecure --http2 --connections 4 --max-streams 25',
  '  scalebench bench --targets targets.txt --rate 500 --duration 30s   # one row per target in the summary',
  '  scalebench bench ws://127.0.0.1:8080/echo --connections 100 --ws-rate 10   # replies timed from when due',
  '  scalebench bench --sse http://127.0.0.1:8080/events --connections 200',
  '  scalebench bench grpc://127.0.0.1:50051 --proto api.proto --call pkg.Users/GetUser --data \'{"id":1}\' --rate 500',
  '  scalebench bench grpcs://localhost:50443 --ca ca.pem --proto api.proto --call pkg.Feed/Watch --connections 4',
].join('\n');

export function registerBench(program: Command, ctx: CliContext): void {
  const command = program
    .command('bench')
    .description('load-test an HTTP service: open model at --rate (default) or closed with --connections')
    .argument(
      '[url]',
      'the URL to request, e.g. http://127.0.0.1:8080/ or grpc://127.0.0.1:50051 (or --targets FILE)',
    );
  addLoadOptions(command, { duration: '30s', warmup: '5s' });
  addProtocolOptions(command);
  addTargetsFileOptions(command);
  addStreamOptions(command);
  addDashboardOptions(command);
  addOutputOptions(command);
  addTrialOptions(command)
    .addHelpText('after', BENCH_EXAMPLES)
    .action(async (url: string | undefined, flags: BenchFlags) => {
      const { bench } = await import('../bench.ts');
      await bench(url, flags, ctx);
    });
}
