import { describe, expect, it } from 'vitest';
import { ResponseParser } from '../../../../load/http/response-parser.ts';

/** Feeds `text` cut into pieces of `size` bytes; returns the response and how many were complete. */
function parse(text: string, size: number, options: { head?: boolean; endAfter?: boolean } = {}) {
  const parser = new ResponseParser();
  parser.start(true, options.head ?? false);
  const bytes = Buffer.from(text, 'latin1');
  let response = null;
  for (let i = 0; i < bytes.length; i += size) {
    const done = parser.feed(bytes.subarray(i, i + size));
    if (done) response = done;
  }
  if (options.endAfter && !response) response = parser.end();
  return response;
}

const sizes = [1, 3, 7, 1000];

describe('ResponseParser', () => {
  it.each(sizes)('reads a Content-Length body split every %i bytes', (size) => {
    const response = parse('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nX-Served-By: a1\r\n\r\nhello', size);
    expect(response?.status).toBe(200);
    expect(response?.body.toString()).toBe('hello');
    expect(response?.headers['x-served-by']).toBe('a1');
    expect(response?.close).toBe(false);
  });

  it.each(sizes)('reads a chunked body with extensions and trailers split every %i bytes', (size) => {
    const text =
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n';
    const response = parse(text, size);
    expect(response?.body.toString()).toBe('hello world');
  });

  it('skips 1xx interim responses', () => {
    const response = parse(
      'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok',
      4,
    );
    expect(response?.status).toBe(201);
    expect(response?.body.toString()).toBe('ok');
  });

  it.each([204, 304])('expects no body after %i even with a Content-Length', (status) => {
    const response = parse(`HTTP/1.1 ${status} X\r\nContent-Length: 10\r\n\r\n`, 5);
    expect(response?.status).toBe(status);
    expect(response?.body.length).toBe(0);
  });

  it('expects no body for HEAD', () => {
    expect(parse('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n', 100, { head: true })?.status).toBe(200);
  });

  it('reads until close when there is no framing, and flags the connection to close', () => {
    const response = parse('HTTP/1.0 200 OK\r\n\r\nall of it', 3, { endAfter: true });
    expect(response?.body.toString()).toBe('all of it');
    expect(response?.close).toBe(true);
  });

  it('honours Connection: close and keeps repeated Set-Cookie headers apart', () => {
    const response = parse(
      'HTTP/1.1 200 OK\r\nConnection: close\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2; Path=/\r\nContent-Length: 0\r\n\r\n',
      9,
    );
    expect(response?.close).toBe(true);
    expect(response?.headers['set-cookie']).toEqual(['a=1', 'b=2; Path=/']);
  });

  it('parses consecutive responses on one connection after start()', () => {
    const parser = new ResponseParser();
    for (const body of ['one', 'three']) {
      parser.start(true, false);
      const response = parser.feed(
        Buffer.from(`HTTP/1.1 200 OK\r\nContent-Length: ${body.length}\r\n\r\n${body}`),
      );
      expect(response?.body.toString()).toBe(body);
    }
  });

  it('rejects a malformed status line', () => {
    const parser = new ResponseParser();
    parser.start(false, false);
    expect(() => parser.feed(Buffer.from('SMTP ready\r\n\r\n'))).toThrow(/bad status line/);
  });
});
