/** Serializes an HTTP/1.1 request once, so the hot path only writes bytes. */
import type { HttpRequest } from './types.ts';

const BODYLESS = new Set(['GET', 'HEAD', 'DELETE', 'OPTIONS']);

export function buildRequestBytes(request: HttpRequest, host: string): Buffer {
  const method = request.method.toUpperCase();
  const body =
    request.body === undefined
      ? undefined
      : typeof request.body === 'string'
        ? Buffer.from(request.body)
        : request.body;
  let head = `${method} ${request.path} HTTP/1.1\r\n`;
  const headers = request.headers ?? {};
  const names = new Set(Object.keys(headers).map((name) => name.toLowerCase()));
  if (!names.has('host')) head += `host: ${host}\r\n`;
  if (!names.has('user-agent')) head += 'user-agent: scalebench\r\n';
  for (const [name, value] of Object.entries(headers)) {
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) throw new Error(`header ${name} contains a line break`);
    head += `${name}: ${value}\r\n`;
  }
  if (body !== undefined && !names.has('content-length')) head += `content-length: ${body.length}\r\n`;
  else if (body === undefined && !BODYLESS.has(method)) head += 'content-length: 0\r\n';
  head += '\r\n';
  const headBytes = Buffer.from(head, 'latin1');
  return body === undefined ? headBytes : Buffer.concat([headBytes, body]);
}
