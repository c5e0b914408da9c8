/**
 * A deliberately small router on node:http: exact segments and `:param` captures, JSON in and out.
 * The framework must not dominate the figures, so the hot path is a map lookup and a short loop.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface AppRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  cookies: Record<string, string>;
  /** the parsed JSON body, or undefined when there is none; throws HttpError(400) when it is malformed */
  body: unknown;
}

export interface AppResponse {
  status: number;
  json?: unknown;
  text?: string;
  headers?: Record<string, string | string[]>;
  /** a response written over time (an event stream): gets the response once the head is sent */
  stream?: (res: ServerResponse) => void;
}

export type Handler = (req: AppRequest) => Promise<AppResponse> | AppResponse;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

interface Route {
  segments: string[];
  handler: Handler;
}

export class Router {
  private readonly routes = new Map<string, Route[]>();

  add(method: string, pattern: string, handler: Handler): this {
    const list = this.routes.get(method) ?? [];
    list.push({ segments: pattern.split('/').filter(Boolean), handler });
    this.routes.set(method, list);
    return this;
  }

  get(pattern: string, handler: Handler): this {
    return this.add('GET', pattern, handler);
  }

  post(pattern: string, handler: Handler): this {
    return this.add('POST', pattern, handler);
  }

  match(method: string, path: string): { handler: Handler; params: Record<string, string> } | undefined {
    const parts = path.split('/').filter(Boolean);
    for (const route of this.routes.get(method) ?? []) {
      const params = matchSegments(route.segments, parts);
      if (params) return { handler: route.handler, params };
    }
    return undefined;
  }
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i += 1) {
    const segment = segments[i]!;
    const part = parts[i]!;
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(part);
    else if (segment !== part) return undefined;
  }
  return params;
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  if (!header) return cookies;
  for (const pair of header.split(';')) {
    const index = pair.indexOf('=');
    if (index > 0) cookies[pair.slice(0, index).trim()] = pair.slice(index + 1).trim();
  }
  return cookies;
}

export async function readJsonBody(req: IncomingMessage, limitBytes = 1_000_000): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limitBytes) throw new HttpError(413, 'body too large');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return undefined;
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'body is not valid JSON');
  }
}

export function sendResponse(
  res: ServerResponse,
  response: AppResponse,
  baseHeaders: Record<string, string>,
): void {
  const headers: Record<string, string | string[] | number> = { ...baseHeaders, ...response.headers };
  if (response.stream) {
    res.writeHead(response.status, headers);
    response.stream(res);
    return;
  }
  let payload: string | undefined;
  if (response.json !== undefined) {
    payload = JSON.stringify(response.json);
    headers['content-type'] = 'application/json';
  } else if (response.text !== undefined) {
    payload = response.text;
    headers['content-type'] ??= 'text/plain; charset=utf-8';
  }
  headers['content-length'] = payload === undefined ? 0 : Buffer.byteLength(payload);
  res.writeHead(response.status, headers);
  res.end(payload);
}
