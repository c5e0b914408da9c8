import { describe, expect, it } from 'vitest';
import { scanHead } from '../../../../load/http/head-scanner.ts';

const WANTED = Buffer.from('x-served-by');

function scan(head: string, wanted: Buffer | null = WANTED) {
  const bytes = Buffer.from(`${head}\r\n\r\nbody`, 'latin1');
  return scanHead(bytes, 0, bytes.indexOf('\r\n\r\n'), wanted);
}

describe('scanHead', () => {
  it('finds the framing headers and the wanted header whatever their case', () => {
    const facts = scan(
      'HTTP/1.1 201 Created\r\nCONTENT-length: 42\r\nX-Served-BY:  clone-2 \r\nConnection: Keep-Alive\r\nDate: x',
    );
    expect(facts).toEqual({
      status: 201,
      http10: false,
      contentLength: 42,
      chunked: false,
      close: false,
      keepAlive: true,
      wanted: 'clone-2',
    });
  });

  it('reads chunked framing from any Transfer-Encoding list and close from any Connection list', () => {
    const facts = scan(
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\ntransfer-encoding: Chunked\r\nconnection: Upgrade, CLOSE',
    );
    expect(facts.chunked).toBe(true);
    expect(facts.close).toBe(true);
    expect(facts.contentLength).toBe(-1);
  });

  it('joins repeated wanted headers and folded continuation lines', () => {
    const facts = scan(
      'HTTP/1.1 200 OK\r\nx-served-by: a\r\nX-SERVED-BY: b\r\n  folded\r\nContent-Length: 0',
    );
    expect(facts.wanted).toBe('a, b folded');
    expect(facts.contentLength).toBe(0);
  });

  it('accepts repeated equal Content-Lengths and rejects different or non-numeric ones', () => {
    expect(scan('HTTP/1.1 200 OK\r\nContent-Length: 5\r\ncontent-length: 5').contentLength).toBe(5);
    expect(() => scan('HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6')).toThrow(/content-length/);
    expect(() => scan('HTTP/1.1 200 OK\r\nContent-Length: 5, 5')).toThrow(/content-length/);
  });

  it('does not mistake a longer or shorter name for a wanted one', () => {
    const facts = scan('HTTP/1.1 200 OK\r\nx-served-by-not: a\r\nx-served-b: b\r\ncontent-lengthy: 9');
    expect(facts.wanted).toBeUndefined();
    expect(facts.contentLength).toBe(-1);
  });

  it('flags HTTP/1.0 and reads a head with no headers and no reason phrase', () => {
    expect(scan('HTTP/1.0 204')).toMatchObject({ status: 204, http10: true, keepAlive: false });
  });

  it.each(['SMTP ready', 'HTTP/2 200 OK', 'HTTP/1.1 2x0 OK', 'HTTP/1.1 2000 OK'])(
    'rejects the status line %s',
    (line) => {
      expect(() => scan(line)).toThrow(/bad status line/);
    },
  );
});
