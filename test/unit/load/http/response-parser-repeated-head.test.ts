/**
 * The parser skips scanning a head that repeats the previous one byte for byte, and reads only the
 * bytes a socket read delivered even when they sit in a larger, reused buffer holding stale bytes.
 */
import { describe, expect, it } from 'vitest';
import { ResponseParser } from '../../../../load/http/response-parser.ts';

const head = (length: number, servedBy: string) =>
  `HTTP/1.1 200 OK\r\nContent-Length: ${length}\r\nX-Served-By: ${servedBy}\r\n\r\n`;

function feedOne(parser: ResponseParser, text: string) {
  parser.start(true, false);
  return parser.feed(Buffer.from(text, 'latin1'));
}

describe('ResponseParser on a keep-alive connection', () => {
  it('reads each response right whether its head repeats the last one or not', () => {
    const parser = new ResponseParser('x-served-by');
    const first = feedOne(parser, `${head(5, 'a')}hello`);
    const repeated = feedOne(parser, `${head(5, 'a')}world`);
    const longer = feedOne(parser, `${head(6, 'a')}longer`);
    const otherServer = feedOne(parser, `${head(6, 'b')}second`);
    expect([first, repeated, longer, otherServer].map((r) => r?.body.toString())).toEqual([
      'hello',
      'world',
      'longer',
      'second',
    ]);
    expect([first, repeated, longer, otherServer].map((r) => r?.servedBy)).toEqual(['a', 'a', 'a', 'b']);
    expect(repeated?.headers['content-length']).toBe('5');
  });

  it('treats bytes past the read length as absent, even a stale blank line', () => {
    const parser = new ResponseParser();
    parser.start(true, false);
    const text = `${head(2, 'a')}ok`;
    const buffer = Buffer.alloc(4096, 0x20);
    const cut = 20; // inside the head
    buffer.write(text.slice(0, cut), 0, 'latin1');
    buffer.write('\r\n\r\nstale', cut, 'latin1');
    expect(parser.feed(buffer, cut)).toBeNull();
    buffer.fill(0x20);
    const rest = text.slice(cut);
    buffer.write(rest, 0, 'latin1');
    buffer.write('garbage after the response', rest.length, 'latin1');
    const response = parser.feed(buffer, rest.length);
    expect(response?.status).toBe(200);
    expect(response?.body.toString()).toBe('ok');
  });
});
