/**
 * A HAR recording → a flow module (load-model/flows/define-flow.ts) that replays its requests in order,
 * with the recorded think times between them. Requests go to the run's target, so only the recording's
 * main origin (its first request's) is kept; others (CDNs, analytics) are listed as skipped. Cookies the
 * responses set are left to the VU's cookie jar; a Cookie header with values no response set is kept as
 * recorded. Values that look dynamic get a comment, naming the earlier response to capture them from.
 */
import { groupDynamicName } from '../../results/step-names.ts';
import { type DynamicValue, dynamicValuesOf, SeenValues } from './dynamic-values.ts';
import type { HarEntry } from './har-file.ts';
import { httpOrigin, isWebSocketEntry, webSocketLines } from './har-websocket.ts';

export interface HarFlowOptions {
  /** shown in the module's comment, e.g. recording.har */
  source: string;
  exportName: string;
  /** the import specifier of defineFlow, relative to the written module */
  defineFlowImport: string;
}

export interface HarFlow {
  code: string;
  origin: string;
  requests: number;
  skipped: string[];
  /** values marked with a capture comment */
  dynamic: number;
}

/** headers a replay must not repeat: the client sets them, or they describe the recorded connection */
const DROPPED_HEADERS = new Set([
  'host',
  'content-length',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'te',
  'accept-encoding', // the load client does not decompress
  'cookie', // the VU's cookie jar sends what responses set
]);

function setCookieNames(response: HarEntry['response']): string[] {
  return response.headers
    .filter((header) => header.name.toLowerCase() === 'set-cookie')
    .flatMap((header) => header.value.split('\n'))
    .map((cookie) => cookie.split('=')[0]!.trim());
}

function cookieNames(value: string): string[] {
  return value
    .split(';')
    .map((pair) => pair.split('=')[0]!.trim())
    .filter(Boolean);
}

/** one line of text safe inside a // comment */
function commentText(text: string): string {
  const line = text.replace(/[\r\n\u2028\u2029]+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}

function captureComment(dynamic: DynamicValue, indent: string): string {
  const value = JSON.stringify(commentText(dynamic.value));
  if (!dynamic.from) {
    return `${indent}// looks dynamic: ${value} in ${dynamic.where}; if it changes per user or run, capture it from the response that returns it`;
  }
  const { step, stepName, capture } = dynamic.from;
  return `${indent}// capture needed: ${value} in ${dynamic.where} came from the response of request ${step} (${commentText(stepName)}), ${capture}: add { capture: { name: '${capture}' } } there and write {{name}} here`;
}

interface Built {
  lines: string[];
  dynamic: number;
}

function requestLines(
  entry: HarEntry,
  url: URL,
  step: number,
  seen: SeenValues,
  cookiesSet: Set<string>,
): Built {
  const indent = '    ';
  const path = `${url.pathname}${url.search}`;
  const name = `${entry.request.method} ${groupDynamicName(url.pathname)}`;
  const headers: [string, string][] = [];
  const lines: string[] = [];
  for (const header of entry.request.headers) {
    const lower = header.name.toLowerCase();
    if (lower.startsWith(':')) continue; // HTTP/2 pseudo-headers
    if (lower === 'cookie') {
      const unknown = cookieNames(header.value).filter((cookie) => !cookiesSet.has(cookie));
      if (unknown.length === 0) continue;
      lines.push(
        `${indent}// cookie ${commentText(unknown.join(', '))} was not set by an earlier response (a script set it?): sent as recorded, instead of the cookie jar's`,
      );
      headers.push(['cookie', header.value]);
      continue;
    }
    if (!DROPPED_HEADERS.has(lower)) headers.push([lower, header.value]);
  }
  const body = entry.request.body;
  if (
    body !== undefined &&
    !headers.some(([header]) => header === 'content-type') &&
    entry.request.mimeType
  ) {
    headers.push(['content-type', entry.request.mimeType]);
  }
  const dynamic = dynamicValuesOf({ path, headers, ...(body === undefined ? {} : { body }) }, seen);
  lines.push(...dynamic.map((value) => captureComment(value, indent)));
  const fields = [`method: ${JSON.stringify(entry.request.method)}`, `path: ${JSON.stringify(path)}`];
  if (headers.length > 0) {
    const pairs = headers.map(([header, value]) => `${JSON.stringify(header)}: ${JSON.stringify(value)}`);
    fields.push(`headers: { ${pairs.join(', ')} }`);
  }
  if (body !== undefined && body !== '') fields.push(`body: ${JSON.stringify(body)}`);
  const status = entry.response.status > 0 ? ` (recorded: ${entry.response.status})` : '';
  lines.unshift(`${indent}// ${step}. ${commentText(`${entry.request.method} ${path}`)}${status}`);
  lines.push(`${indent}await vu.request(${JSON.stringify(name)}, { ${fields.join(', ')} });`);
  return { lines, dynamic: dynamic.length };
}

export function harToFlow(entries: readonly HarEntry[], options: HarFlowOptions): HarFlow {
  const origin = httpOrigin(new URL(entries[0]!.request.url));
  const seen = new SeenValues();
  const cookiesSet = new Set<string>();
  const body: string[] = [];
  const skipped: string[] = [];
  let step = 0;
  let dynamic = 0;
  let previousEnd: number | undefined;
  for (const entry of entries) {
    const url = new URL(entry.request.url);
    if (httpOrigin(url) !== origin) {
      skipped.push(`${entry.request.method} ${entry.request.url}`);
      continue;
    }
    step += 1;
    const thinkMs = previousEnd === undefined ? 0 : Math.round(entry.startedAt - previousEnd);
    if (thinkMs > 0) body.push(`    await vu.sleep(${thinkMs}); // think time, as recorded`);
    if (isWebSocketEntry(entry, url)) {
      body.push(...webSocketLines(entry, url, step, `WS ${groupDynamicName(url.pathname)}`));
      previousEnd = entry.startedAt + entry.timeMs;
      continue;
    }
    const built = requestLines(entry, url, step, seen, cookiesSet);
    body.push(...built.lines);
    dynamic += built.dynamic;
    seen.remember(step, `${entry.request.method} ${groupDynamicName(url.pathname)}`, entry.response);
    for (const cookie of setCookieNames(entry.response)) cookiesSet.add(cookie);
    previousEnd = entry.startedAt + entry.timeMs;
  }
  const skippedLines = skipped.map(
    (request) => ` *   skipped (another origin): ${commentText(request).replace(/\*\//g, '* /')}`,
  );
  const code = [
    '/**',
    ` * Replays ${commentText(options.source).replace(/\*\//g, '* /')}: ${step} requests recorded against ${origin}, in order, with`,
    " * their think times. Generated by `scalebench import har`; edit it freely. The run's target replaces",
    " * the recorded origin. Cookies set by responses are kept by each virtual user's cookie jar.",
    ...(dynamic > 0
      ? [` * ${dynamic} value(s) look dynamic: see the "capture needed" and "looks dynamic" comments.`]
      : []),
    ...skippedLines,
    ' */',
    `import { defineFlow } from ${JSON.stringify(options.defineFlowImport)};`,
    '',
    `export const ${options.exportName} = defineFlow({`,
    `  name: ${JSON.stringify(options.exportName)},`,
    '  async iteration(vu) {',
    ...body,
    '  },',
    '});',
    '',
  ].join('\n');
  return { code, origin, requests: step, skipped, dynamic };
}
