/**
 * Seeded HTTP/1.1 responses for the differential fuzzer: valid ones (1xx before the final response,
 * mixed-case and repeated headers, Content-Length, chunked with extensions and trailers, bodies framed
 * by close, HTTP/1.0) and mutations of them (a byte flipped, inserted or deleted, CRLF as bare LF, a
 * second Content-Length, obsolete line folding, pipelined garbage).
 */

import type { Random } from '../../core/seeded-random.ts';

const int = (random: Random, below: number) => Math.floor(random() * below);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)]!;

const TOKEN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.';
const NAMES = [
  'Content-Type',
  'x-served-by',
  'Set-Cookie',
  'Cache-Control',
  'X-Trace',
  'Server',
  'ETag',
  'vary',
];
const STATUSES = [200, 200, 201, 204, 206, 301, 302, 304, 400, 404, 418, 500, 503, 599];

function mixCase(random: Random, name: string): string {
  return [...name]
    .map((c) => (random() < 0.3 ? c.toUpperCase() : random() < 0.3 ? c.toLowerCase() : c))
    .join('');
}

function token(random: Random, max: number, alphabet = `${TOKEN}=/`): string {
  return Array.from({ length: 1 + int(random, max) }, () => pick(random, [...alphabet])).join('');
}

function chunked(random: Random, body: string): string {
  let out = '';
  let at = 0;
  while (at < body.length) {
    const size = Math.min(body.length - at, 1 + int(random, 40));
    const ext = random() < 0.2 ? `;${token(random, 5, TOKEN)}=${token(random, 5, TOKEN)}` : '';
    const hex = size.toString(16);
    out += `${random() < 0.5 ? hex.toUpperCase() : hex}${ext}\r\n${body.slice(at, at + size)}\r\n`;
    at += size;
  }
  const trailers = random() < 0.3 ? `X-Checksum: ${token(random, 8)}\r\n` : '';
  return `${out}0\r\n${trailers}\r\n`;
}

/** A valid response; `close` when its body is framed by the end of the connection. */
export function validResponse(random: Random): { text: string; close: boolean } {
  const status = pick(random, STATUSES);
  const http10 = random() < 0.1;
  let text = '';
  if (!http10 && random() < 0.15)
    text +=
      random() < 0.5 ? 'HTTP/1.1 100 Continue\r\n\r\n' : 'HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\n';
  text += `HTTP/1.${http10 ? 0 : 1} ${status} ${random() < 0.9 ? token(random, 10) : ''}\r\n`;
  const headerCount = int(random, 6);
  for (let i = 0; i < headerCount; i += 1)
    text += `${mixCase(random, pick(random, NAMES))}:${random() < 0.8 ? ' ' : ''}${token(random, 20)}\r\n`;
  const body = status === 204 || status === 304 ? '' : token(random, 120);
  const framing = http10
    ? pick(random, ['length', 'close'])
    : pick(random, ['length', 'chunked', 'chunked', 'close']);
  if (framing === 'length' || body === '')
    return {
      text: `${text}${mixCase(random, 'Content-Length')}: ${body.length}\r\n\r\n${body}`,
      close: false,
    };
  if (framing === 'chunked')
    return {
      text: `${text}${mixCase(random, 'Transfer-Encoding')}: chunked\r\n\r\n${chunked(random, body)}`,
      close: false,
    };
  return { text: `${text}\r\n${body}`, close: true };
}

const MUTATIONS: ((random: Random, text: string) => string)[] = [
  (random, text) => {
    const at = int(random, text.length);
    return text.slice(0, at) + String.fromCharCode(int(random, 256)) + text.slice(at + 1);
  },
  (random, text) => {
    const at = int(random, text.length);
    return (
      text.slice(0, at) + pick(random, ['\r', '\n', ' ', ':', '\t', '0', 'a', '\x00', ';']) + text.slice(at)
    );
  },
  (random, text) => {
    const at = int(random, text.length);
    return text.slice(0, at) + text.slice(at + 1);
  },
  (_random, text) => text.replace(/\r\n/g, '\n'),
  (random, text) => text.replace('\r\n', `\r\nContent-Length: ${int(random, 200)}\r\n`),
  (random, text) => text.replace(/\r\n([A-Za-z-]+: [^\r]*)\r\n/, `\r\n$1\r\n ${token(random, 6)}\r\n`),
  (random, text) => `${text}${pick(random, ['HTTP/1.1 200 OK\r\n\r\n', 'garbage', '\r\n'])}`,
];

/** A valid response, or a mutation of one (half the time). */
export function fuzzResponse(random: Random): { text: string; close: boolean; mutated: boolean } {
  const valid = validResponse(random);
  if (random() < 0.5) return { ...valid, mutated: false };
  let text = valid.text;
  const rounds = 1 + int(random, 2);
  for (let i = 0; i < rounds; i += 1) text = pick(random, MUTATIONS)(random, text);
  return { text, close: valid.close, mutated: true };
}

/** Random cut points for feeding `length` bytes in pieces (every boundary is hit across many inputs). */
export function splitPoints(random: Random, length: number): number[] {
  const cuts = new Set<number>();
  const count = int(random, 4);
  for (let i = 0; i < count; i += 1) cuts.add(1 + int(random, Math.max(1, length - 1)));
  return [...cuts].sort((a, b) => a - b);
}
