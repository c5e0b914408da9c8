/**
 * The Engine API frames a container's non-TTY output (8-byte headers: stream, 0, 0, 0, size); failure
 * messages quote it without the frames, and text that was never framed comes back as it is.
 */
import { describe, expect, it } from 'vitest';
import { demux } from '../../../../orchestration/stack/container-io.ts';
import { lastLines } from '../../../../orchestration/stack/image-build.ts';

function frame(stream: number, text: string): Buffer {
  const body = Buffer.from(text);
  const head = Buffer.alloc(8);
  head[0] = stream;
  head.writeUInt32BE(body.length, 4);
  return Buffer.concat([head, body]);
}

describe('engine output', () => {
  it('strips the stream frames of stdout and stderr', () => {
    const raw = Buffer.concat([frame(1, 'listening\n'), frame(2, 'error: redis down\n')]);
    expect(demux(raw)).toBe('listening\nerror: redis down\n');
  });

  it('leaves plain text alone', () => {
    expect(demux(Buffer.from('plain log line\n'))).toBe('plain log line\n');
  });

  it('keeps the last non-empty lines, in one line', () => {
    expect(lastLines('a\n\nb\nc\n  \nd\n', 3)).toBe('b | c | d');
  });
});
