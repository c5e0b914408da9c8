import { describe, expect, it } from 'vitest';
import { ResponseParser } from '../../../../load/http/response-parser.ts';

function parse(text: string, wanted?: string) {
  const parser = new ResponseParser(wanted);
  parser.start(false, false);
  const chunk = Buffer.from(text, 'latin1');
  const response = parser.feed(chunk);
  chunk.fill(0); // the parser keeps copies: a reused read buffer must not change the response
  return response;
}

describe('ParsedResponse headers (built lazily from the raw head)', () => {
  it('lower-cases names, trims values, keeps Set-Cookie a list and joins other repeats', () => {
    const response = parse(
      'HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nX-Tag: one\r\nSET-COOKIE: b=2; Path=/\r\nx-tag:  two \r\nContent-Length: 2\r\n\r\nok',
    );
    expect(response?.headers).toEqual({
      'set-cookie': ['a=1', 'b=2; Path=/'],
      'x-tag': 'one, two',
      'content-length': '2',
    });
  });

  it('joins folded continuation lines to the previous header', () => {
    const response = parse('HTTP/1.1 200 OK\r\nX-Long: first\r\n\tsecond\r\nContent-Length: 0\r\n\r\n');
    expect(response?.headers['x-long']).toBe('first second');
  });

  it('reports the wanted header without building the map, and survives the chunk being overwritten', () => {
    const response = parse('HTTP/1.1 200 OK\r\nX-Served-By: s1\r\nContent-Length: 0\r\n\r\n', 'x-served-by');
    expect(response?.wanted).toBe('s1');
    expect(response?.headers['x-served-by']).toBe('s1');
  });
});
