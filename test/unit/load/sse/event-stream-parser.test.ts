import { describe, expect, it } from 'vitest';
import { SseParser, serverTimestamp } from '../../../../load/sse/sse-parser.ts';

describe('the event-stream parser', () => {
  it('dispatches on blank lines, joins data lines, keeps the last id, across chunk and CRLF splits', () => {
    const parser = new SseParser(1000);
    const text = ': hi\r\nid: 7\r\nevent: tick\r\ndata: a\r\ndata: b\r\n\r\nretry: 50\ndata: c\r\r';
    const events = [];
    for (const char of text) events.push(...(parser.push(char) ?? []));
    expect(events).toEqual([
      { type: 'tick', data: 'a\nb', lastEventId: '7' },
      { type: 'message', data: 'c', lastEventId: '7' },
    ]);
    expect(parser.retryMs).toBe(50);
    expect(parser.midLine).toBe(false);
  });

  it('refuses a line over the cap and reports a line cut off', () => {
    const parser = new SseParser(8);
    expect(parser.push('data: ab')).toEqual([]);
    expect(parser.midLine).toBe(true);
    expect(parser.push('cdef')).toBeNull();
  });

  it('reads a server timestamp in ms or seconds from JSON data', () => {
    expect(serverTimestamp('{"ts":1765100000000}')).toBe(1765100000000);
    expect(serverTimestamp('{"timestamp":1765100000.5}')).toBe(1765100000500);
    expect(serverTimestamp('plain')).toBeUndefined();
    expect(serverTimestamp('{"ts":"x"}')).toBeUndefined();
  });
});
