/**
 * Load options validate themselves and return every error at once (k6 executor configs do the same),
 * so a user fixes a scenario in one pass.
 */
import { Check, isObject, type Obj } from './check.ts';
import { executorNames, executors, isExecutorName } from './executors/registry.ts';
import type { LoadRunOptions } from './types.ts';

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** the executor's own checks (its module's), after its name */
function checkExecutor(c: Check, ex: unknown) {
  const where = 'executor';
  if (!isObject(ex))
    return void c.errors.push('executor is required: { executor: "constant-arrival-rate", ... }');
  const name = ex['executor'];
  if (isExecutorName(name)) return executors[name].validate(ex, c, where);
  const names = executorNames.slice(0, -1).join(', ') + ` or ${executorNames[executorNames.length - 1]}`;
  c.errors.push(`executor.executor ${JSON.stringify(name)} is unknown (use ${names})`);
}

function checkBaseUrl(c: Check, value: unknown, kind: 'http' | 'websocket' | 'grpc') {
  if (typeof value !== 'string') return void c.errors.push('baseUrl is required, e.g. http://127.0.0.1:8080');
  try {
    const url = new URL(value);
    const schemes =
      kind === 'websocket' ? ['ws:', 'wss:'] : kind === 'grpc' ? ['grpc:', 'grpcs:'] : ['http:', 'https:'];
    if (!schemes.includes(url.protocol))
      c.errors.push(`baseUrl ${value} must use ${schemes.map((scheme) => `${scheme}//`).join(' or ')}`);
  } catch {
    c.errors.push(`baseUrl ${JSON.stringify(value)} is not a URL`);
  }
}

function checkFlow(c: Check, data: Obj) {
  const flow = data['flow'];
  if (flow === undefined) return;
  const isRef =
    isObject(flow) && typeof flow['module'] === 'string' && typeof flow['exportName'] === 'string';
  const isDef = isObject(flow) && typeof flow['iteration'] === 'function';
  if (!isRef && !isDef) c.errors.push('flow must be defineFlow(...) or { module, exportName }');
  const workers = data['workers'];
  if (isDef && typeof workers === 'number' && workers > 1) {
    c.errors.push('flow must be a { module, exportName } reference when workers > 1 (workers import it)');
  }
  if (data['request'] !== undefined) c.errors.push('give either flow or request, not both');
}

function checkProtocolOptions(c: Check, data: Obj) {
  const http2 = data['http2'];
  if (http2 !== undefined && typeof http2 !== 'boolean') c.errors.push('http2 must be true or false');
  if (http2 === true && data['client'] === 'undici') {
    c.errors.push("http2 runs on its own client (node:http2): leave client unset, or 'raw'");
  }
  c.number(data, 'maxStreams', 'options', { min: 1, integer: true, optional: true });
  const tls = data['tls'];
  if (tls === undefined) return;
  if (!isObject(tls)) return void c.errors.push('tls must be { insecure, caFile }');
  if (tls['insecure'] !== undefined && typeof tls['insecure'] !== 'boolean')
    c.errors.push('tls.insecure must be true or false');
  if (tls['caFile'] !== undefined && typeof tls['caFile'] !== 'string')
    c.errors.push('tls.caFile must be a path to a PEM file');
}

function checkTargets(c: Check, data: Obj) {
  const targets = data['targets'];
  if (targets === undefined) return;
  if (!Array.isArray(targets) || targets.length === 0) {
    return void c.errors.push('targets must be a non-empty list of { method, path, headers, body, weight }');
  }
  if (data['flow'] !== undefined || data['request'] !== undefined) {
    c.errors.push('give targets, request or flow, only one of them');
  }
  targets.forEach((target: unknown, i) => {
    const at = `targets[${i}]`;
    if (!isObject(target)) {
      c.errors.push(`${at} must be an object`);
      return;
    }
    if (typeof target['path'] !== 'string' || !target['path'].startsWith('/'))
      c.errors.push(`${at}.path must start with /`);
    if (target['weight'] !== undefined) c.positive(target, 'weight', at);
  });
  const pick = data['targetPick'];
  if (pick !== undefined && pick !== 'round-robin' && pick !== 'weighted') {
    c.errors.push(`targetPick ${JSON.stringify(pick)} must be 'round-robin' or 'weighted'`);
  }
}

/** websocket and sse loads: their spec, and no flow, request or targets beside them */
function checkStreams(c: Check, data: Obj) {
  const websocket = data['websocket'];
  const sse = data['sse'];
  if (websocket === undefined && sse === undefined) return;
  if (websocket !== undefined && sse !== undefined)
    c.errors.push('websocket and sse cannot be used together');
  for (const other of ['flow', 'targets', 'http2'] as const) {
    if (data[other] !== undefined) c.errors.push(`${other} cannot be used with a websocket or sse load`);
  }
  if (isObject(websocket)) {
    if (typeof websocket['message'] !== 'string') c.errors.push('websocket.message must be a string');
    c.number(websocket, 'ratePerSocket', 'websocket', { min: 0 });
    c.number(websocket, 'holdMs', 'websocket', { min: 0 });
    if (typeof websocket['expect'] === 'string') {
      try {
        new RegExp(websocket['expect']);
      } catch {
        c.errors.push(`websocket.expect ${JSON.stringify(websocket['expect'])} is not a regular expression`);
      }
    }
  } else if (websocket !== undefined) c.errors.push('websocket must be { message, ratePerSocket, holdMs }');
  if (isObject(sse)) c.number(sse, 'holdMs', 'sse', { min: 0 });
  else if (sse !== undefined) c.errors.push('sse must be { holdMs }');
}

export function validateLoadOptions(data: unknown): Validation<LoadRunOptions> {
  const c = new Check();
  if (!isObject(data)) return { ok: false, errors: ['load options must be an object'] };
  checkBaseUrl(
    c,
    data['baseUrl'],
    data['websocket'] !== undefined ? 'websocket' : data['grpc'] !== undefined ? 'grpc' : 'http',
  );
  checkStreams(c, data);
  checkExecutor(c, data['executor']);
  c.duration(data, 'warmup', 'options', { optional: true });
  c.duration(data, 'timeout', 'options', { optional: true, positive: true });
  c.duration(data, 'gracefulStop', 'options', { optional: true });
  c.number(data, 'workers', 'options', { min: 1, integer: true, optional: true });
  c.number(data, 'maxBody', 'options', { min: 1, integer: true, optional: true });
  checkFlow(c, data);
  const request = data['request'];
  if (request !== undefined && !isObject(request))
    c.errors.push('request must be { method, path, headers, body }');
  if (isObject(request) && request['path'] !== undefined && !String(request['path']).startsWith('/')) {
    c.errors.push(`request.path ${JSON.stringify(request['path'])} must start with /`);
  }
  checkTargets(c, data);
  const client = data['client'];
  if (client !== undefined && client !== 'raw' && client !== 'undici') {
    c.errors.push(`client ${JSON.stringify(client)} must be 'raw' or 'undici'`);
  }
  checkProtocolOptions(c, data);
  const saturation = data['saturation'];
  if (isObject(saturation)) {
    c.number(saturation, 'maxScheduleLagP99Ms', 'saturation', { min: 0, optional: true });
    c.number(saturation, 'maxEventLoopDelayP99Ms', 'saturation', { min: 0, optional: true });
  }
  return c.errors.length > 0
    ? { ok: false, errors: c.errors }
    : { ok: true, value: data as unknown as LoadRunOptions };
}
