import { describe, expect, it } from 'vitest';
import { MAX_HEAD, ResponseParser } from '../../../../load/http/response-parser.ts';

const bytes = (text: string) => Buffer.from(text, 'latin1');

function failure(run: () => unknown): { code?: string; message: string } {
  try {
    run();
  } catch (error: unknown) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected the parser to refuse the input');
}

describe('response parser caps', () => {
  it('refuses a head longer than the header cap as a parse error', () => {
    const parser = new ResponseParser();
    parser.start(false, false);
    const head = `HTTP/1.1 200 OK\r\n${'x-a: b\r\n'.repeat(MAX_HEAD / 8 + 1)}`;
    expect(failure(() => parser.feed(bytes(head)))).toMatchObject({ code: 'SB_PARSE' });
  });

  it('refuses a chunk-size line that never ends', () => {
    const parser = new ResponseParser();
    parser.start(false, false);
    parser.feed(bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'));
    expect(failure(() => parser.feed(bytes('1'.repeat(MAX_HEAD + 1))))).toMatchObject({ code: 'SB_PARSE' });
  });

  it('refuses chunk data longer than its announced size (no CRLF where the size says)', () => {
    const parser = new ResponseParser();
    parser.start(true, false);
    const lying = bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n');
    expect(failure(() => parser.feed(lying))).toMatchObject({ code: 'SB_PARSE' });
    parser.start(true, false);
    const bareLf = bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\n0\r\n\r\n');
    expect(parser.feed(bareLf)?.body.toString()).toBe('abc');
  });

  it('fails a kept body beyond maxBody, and skips any size of body it does not keep', () => {
    const keeping = new ResponseParser(undefined, 10);
    keeping.start(true, false);
    const head = bytes('HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n');
    expect(failure(() => keeping.feed(Buffer.concat([head, bytes('hello world')])))).toMatchObject({
      code: 'SB_BODY_TOO_LARGE',
    });
    const skipping = new ResponseParser(undefined, 10);
    skipping.start(false, false);
    expect(skipping.feed(Buffer.concat([head, bytes('hello world')]))?.status).toBe(200);
  });

  it('keeps a response followed by bytes nobody asked for, and asks for the socket to be dropped', () => {
    const parser = new ResponseParser();
    parser.start(true, false);
    const response = parser.feed(bytes('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 500 X\r\n'));
    expect(response?.status).toBe(200);
    expect(response?.body.toString()).toBe('ok');
    expect(response?.close).toBe(true);
  });
});
