/**
 * A user's flow that calls gRPC (it has a `grpc` section) as k6 code: its `vu.grpc(step, call, message,
 * {metadata, deadline})` calls, read from its source in order, become k6/net/grpc calls with the same step
 * names; whatever else the iteration does (HTTP steps, branches, checks) is left as a TODO and warned of.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type protobuf from 'protobufjs';
import { resolveFlow } from '../../load/engine/resolve-flow.ts';
import { loadProtoRoot, resolveMethod } from '../../load/grpc/grpc-method.ts';
import { formatDuration } from '../../load-model/duration.ts';
import type { FlowRef } from '../../load-model/types.ts';
import type { K6FlowTemplate } from './flow-templates/k6-flow-template.ts';
import { type CallSite, grpcCallSites, literalValue, splitList } from './js-literal.ts';
import {
  GRPC_IMPORT,
  grpcCallCode,
  grpcConnect,
  grpcInit,
  type K6GrpcCall,
  streamingWarning,
} from './k6-grpc.ts';

export interface K6GrpcFlow {
  template: K6FlowTemplate;
  warnings: string[];
}

interface CallOptions {
  metadata?: string;
  timeout?: string;
  skipped: string[];
}

/** metadata and deadline of a call's options object, where they are literals */
function callOptions(text: string | undefined): CallOptions {
  if (text === undefined) return { skipped: [] };
  const list = text.startsWith('{') ? splitList(text, 0) : undefined;
  if (!list) return { skipped: [text] };
  const options: CallOptions = { skipped: [] };
  for (const entry of list.items) {
    const colon = entry.indexOf(':');
    const key = entry.slice(0, colon).trim();
    const value = colon > 0 ? literalValue(entry.slice(colon + 1)) : undefined;
    if (key === 'metadata' && value) options.metadata = JSON.stringify(value.value);
    else if (key === 'deadline' && typeof value?.value === 'number')
      options.timeout = JSON.stringify(formatDuration(value.value));
    else options.skipped.push(colon > 0 ? key : entry);
  }
  return options;
}

interface Translation {
  lines: string[];
  warnings: string[];
  steps: Map<string, { streaming: boolean }>;
}

/** One vu.grpc call site as a k6 call, with a TODO line and a warning for each part that is not a literal. */
function translateCallSite(site: CallSite, where: string, root: protobuf.Root, into: Translation): void {
  const { lines, warnings, steps } = into;
  const [stepText, callText, messageText, optionsText] = site.args;
  const step = literalValue(stepText ?? '')?.value;
  const call = literalValue(callText ?? '')?.value;
  if (typeof step !== 'string' || typeof call !== 'string') {
    lines.push(
      `  // TODO: vu.grpc(${site.args.join(', ')}) at ${where}: its step or method is not a literal`,
    );
    warnings.push(`vu.grpc at ${where}: its step or method is not a literal; the k6 script has a TODO there`);
    return;
  }
  const message = messageText === undefined ? { value: {} } : literalValue(messageText);
  const options = callOptions(optionsText);
  const k6Call: K6GrpcCall = {
    step,
    call,
    message: message ? JSON.stringify(message.value) : '{}',
    ...(options.metadata ? { metadata: options.metadata } : {}),
    timeout: options.timeout ?? 'TIMEOUT',
    streaming: resolveMethod(root, call).responseStream,
  };
  if (!message) {
    lines.push(`  // TODO: the message was ${messageText?.replace(/\s+/g, ' ')} (${where})`);
    warnings.push(
      `vu.grpc('${step}') at ${where}: its message is not a literal; the k6 script sends {} with a TODO`,
    );
  }
  if (options.skipped.length > 0) {
    lines.push(`  // TODO: options not translated: ${options.skipped.join(', ')} (${where})`);
    warnings.push(`vu.grpc('${step}') at ${where}: ${options.skipped.join(', ')} not translated to k6`);
  }
  if (k6Call.streaming) warnings.push(streamingWarning(k6Call));
  steps.set(step, { streaming: k6Call.streaming });
  lines.push(grpcCallCode(k6Call));
}

/** The k6 code of a gRPC flow, or undefined when the flow has no `grpc` section. */
export async function grpcK6Flow(
  flow: FlowRef,
  baseDir: string,
  params: Record<string, unknown>,
): Promise<K6GrpcFlow | undefined> {
  const path = flow.module.startsWith('file:') ? fileURLToPath(flow.module) : resolve(baseDir, flow.module);
  // only a flow whose source calls gRPC is imported (for its grpc section); any other gets the stub
  const source = await readFile(path, 'utf8').catch(() => undefined);
  if (source === undefined || grpcCallSites(source).length === 0) return undefined;
  const definition = await resolveFlow({ module: path, exportName: flow.exportName });
  const grpc = definition?.grpc;
  if (!grpc) return undefined;
  const target = typeof grpc.target === 'function' ? grpc.target(params) : grpc.target;
  const protoFile = resolve(grpc.proto);
  const root = loadProtoRoot(protoFile);
  const warnings: string[] = [];
  const lines: string[] = [];
  const steps = new Map<string, { streaming: boolean }>();
  for (const site of grpcCallSites(source)) {
    translateCallSite(site, `${flow.module}:${site.line}`, root, { lines, warnings, steps });
  }
  warnings.unshift(
    `flow '${flow.exportName}' is not built in: the k6 script makes its ${grpcCallSites(source).length} vu.grpc calls in source order; the rest of its iteration is a TODO`,
  );
  const grpcTarget = { target, protoFile, ...(grpc.ca ? { caFile: resolve(grpc.ca) } : {}) };
  return {
    warnings,
    template: {
      counters: [],
      trends: [],
      imports: [GRPC_IMPORT],
      grpcSteps: steps,
      code: `${grpcInit(grpcTarget)}

// The vu.grpc calls of the flow '${flow.exportName}' (${flow.module}), in source order.
// TODO: its other steps, branches and checks: write them here (get and postJson below help).
export default function () {
${grpcConnect(grpcTarget)}
${lines.join('\n')}
}
`,
    },
  };
}
