/**
 * gRPC in a k6 script, as k6/net/grpc does it: one grpc.Client per VU (init context) that loads the proto
 * (or asks the server's reflection), connects on the VU's first iteration (plaintext for grpc://, TLS for
 * grpcs://), and per call either `client.invoke` (unary) with a check on grpc.StatusOK, or a grpc.Stream
 * (server streaming: k6 times streams as grpc_streams*, not grpc_req_duration).
 */
import { basename, dirname } from 'node:path';

export interface K6GrpcCall {
  /** the step name: the call's `name` tag, as scalebench names the step */
  step: string;
  /** pkg.Service/Method */
  call: string;
  /** JavaScript of the request message */
  message: string;
  /** JavaScript of the metadata object, if any */
  metadata?: string;
  /** the call's timeout as a k6 duration (JavaScript expression) */
  timeout: string;
  streaming: boolean;
}

export interface K6GrpcTarget {
  /** grpc://host:port or grpcs://host:port */
  target: string;
  /** absolute path of the .proto file; absent: k6 asks the server's reflection (`reflect: true`) */
  protoFile?: string;
  /** PEM file of the CA to trust for grpcs:// */
  caFile?: string;
}

export const GRPC_IMPORT = "import grpc from 'k6/net/grpc';";

/** init-context code: the address (GRPC_ADDR overrides it) and the client, its proto loaded */
export function grpcInit(target: K6GrpcTarget): string {
  const url = new URL(target.target);
  return [
    `const GRPC_ADDR = __ENV.GRPC_ADDR || ${JSON.stringify(url.host)};`,
    'const client = new grpc.Client();',
    ...(target.protoFile === undefined
      ? ['// no .proto file: connect() asks the server for it (server reflection)']
      : [
          '// k6 resolves these paths against the script: keep the proto there, or run k6 from this machine',
          `client.load([${JSON.stringify(dirname(target.protoFile))}], ${JSON.stringify(basename(target.protoFile))});`,
        ]),
    ...(target.caFile === undefined ? [] : [`const CA_CERT = open(${JSON.stringify(target.caFile)});`]),
  ].join('\n');
}

/** the statement that connects the VU's client on its first iteration */
export function grpcConnect(target: K6GrpcTarget, indent = '  '): string {
  const secure = new URL(target.target).protocol === 'grpcs:';
  const params = [
    ...(secure ? [] : ['plaintext: true']),
    ...(target.protoFile === undefined ? ['reflect: true'] : []),
    // k6 types a client certificate as required; a CA alone is valid for k6 (no client certificate sent)
    ...(secure && target.caFile !== undefined
      ? ["tls: /** @type {import('k6/net/grpc').TLSParams} */ ({ cacerts: [CA_CERT] })"]
      : []),
  ];
  const args = params.length > 0 ? `GRPC_ADDR, { ${params.join(', ')} }` : 'GRPC_ADDR';
  return `${indent}if (__ITER === 0) client.connect(${args});`;
}

function paramsOf(call: K6GrpcCall): string {
  const metadata = call.metadata === undefined ? '' : `metadata: ${call.metadata}, `;
  return `{ ${metadata}timeout: ${call.timeout}, tags: { name: ${JSON.stringify(call.step)} } }`;
}

/** the statements of one call, `indent` deep */
export function grpcCallCode(call: K6GrpcCall, indent = '  '): string {
  const name = JSON.stringify(call.call);
  const tags = `{ name: ${JSON.stringify(call.step)} }`;
  if (!call.streaming) {
    return [
      `${indent}{`,
      `${indent}  const res = client.invoke(${name}, ${call.message}, ${paramsOf(call)});`,
      `${indent}  check(res, { 'status is OK': (r) => r && r.status === grpc.StatusOK }, ${tags});`,
      `${indent}}`,
    ].join('\n');
  }
  return [
    `${indent}{`,
    `${indent}  // server streaming: k6 counts it in grpc_streams and grpc_streams_msgs_received (no grpc_req_duration)`,
    `${indent}  const stream = new grpc.Stream(client, ${name}, ${paramsOf(call)});`,
    `${indent}  let failed = false;`,
    `${indent}  stream.on('error', () => {`,
    `${indent}    failed = true;`,
    `${indent}    check(failed, { 'status is OK': () => false }, ${tags});`,
    `${indent}  });`,
    `${indent}  stream.on('end', () => {`,
    `${indent}    if (!failed) check(failed, { 'status is OK': () => true }, ${tags});`,
    `${indent}  });`,
    `${indent}  stream.write(${call.message});`,
    `${indent}  stream.end();`,
    `${indent}}`,
  ].join('\n');
}

/** the warning of a streaming call: what k6 measures of it differs */
export function streamingWarning(call: K6GrpcCall): string {
  return `${call.call} streams its responses: the k6 script opens a grpc.Stream, which k6 counts in grpc_streams and grpc_streams_msgs_received, not grpc_req_duration{name:${call.step}}`;
}

const STEP_METRIC = /^(http_req_failed|http_req_duration|http_reqs|grpc_req_duration)\{name:([^}]+)\}$/;

/** `rate<0.01` of failures → `rate>0.99` of passed checks; undefined when the expression is another shape */
function passRate(expression: string): string | undefined {
  const match = /^rate\s*(<=?)\s*(\d*\.?\d+)$/.exec(expression.trim());
  if (!match) return undefined;
  return `rate${match[1] === '<=' ? '>=' : '>'}${Number((1 - Number(match[2])).toFixed(10))}`;
}

/**
 * Thresholds that select a gRPC step (scalebench counts its calls as requests of the step) in k6's
 * names: `http_req_duration{name:X}` → `grpc_req_duration{name:X}`, `http_req_failed{name:X}` with a
 * rate → `checks{name:X}` with the passing rate (each call's check carries the step's name). The rest stay
 * as they are, with a warning where k6 records nothing for them.
 */
export function grpcThresholds(
  thresholds: Record<string, string[]>,
  steps: ReadonlyMap<string, { streaming: boolean }>,
): { thresholds: Record<string, string[]>; warnings: string[] } {
  const mapped: Record<string, string[]> = {};
  const warnings: string[] = [];
  const add = (metric: string, expressions: string[]) => {
    mapped[metric] = [...(mapped[metric] ?? []), ...expressions];
  };
  for (const [metric, expressions] of Object.entries(thresholds)) {
    const match = STEP_METRIC.exec(metric);
    const step = match ? steps.get(match[2]!) : undefined;
    if (!match || !step) {
      add(metric, expressions);
      continue;
    }
    const [, name, stepName] = match;
    if (name === 'http_req_failed' && expressions.every((expression) => passRate(expression))) {
      add(
        `checks{name:${stepName}}`,
        expressions.map((expression) => passRate(expression)!),
      );
    } else if ((name === 'http_req_duration' || name === 'grpc_req_duration') && !step.streaming) {
      add(`grpc_req_duration{name:${stepName}}`, expressions);
    } else {
      add(metric, expressions);
      warnings.push(
        `threshold '${metric}' selects the gRPC step ${stepName}, for which k6 records no ${name}: it will see no data in k6`,
      );
    }
  }
  return { thresholds: mapped, warnings };
}
