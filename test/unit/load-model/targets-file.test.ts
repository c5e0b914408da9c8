/** `bench --targets FILE`: vegeta-like text and JSON Lines; a malformed line is named by its number. */
import { describe, expect, it } from 'vitest';
import { parseTargets } from '../../../load-model/targets-file.ts';

const parse = (name: string, text: string, bodies: Record<string, string> = {}) =>
  parseTargets({
    name,
    text,
    readBody: (path) => {
      const body = bodies[path];
      if (body === undefined) throw new Error('ENOENT');
      return body;
    },
  });

describe('targets files', () => {
  it('reads the text format: request lines, options, headers, @body, comments and blank lines', () => {
    const parsed = parse(
      't.txt',
      [
        '# a comment',
        'GET http://127.0.0.1:8080/ weight=2',
        'GET http://127.0.0.1:8080/products/1?x=1',
        'Accept: application/json',
        '',
        'POST http://127.0.0.1:8080/cart name=add-to-cart',
        'content-type: application/json',
        '@body.json',
      ].join('\n'),
      { 'body.json': '{"productId":1}' },
    );
    expect(parsed.origin).toBe('http://127.0.0.1:8080');
    expect(parsed.targets).toEqual([
      { method: 'GET', headers: {}, weight: 2, path: '/' },
      { method: 'GET', headers: { Accept: 'application/json' }, path: '/products/1?x=1' },
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        name: 'add-to-cart',
        path: '/cart',
        body: '{"productId":1}',
      },
    ]);
  });

  it('reads JSON Lines', () => {
    const parsed = parse(
      't.jsonl',
      '{"url":"http://127.0.0.1:9/a"}\n{"method":"post","url":"http://127.0.0.1:9/b","body":"x","weight":3,"name":"b"}\n',
    );
    expect(parsed.targets).toEqual([
      { method: 'GET', headers: {}, path: '/a' },
      { method: 'POST', headers: {}, body: 'x', weight: 3, name: 'b', path: '/b' },
    ]);
  });

  it.each([
    [
      't.txt',
      'GET http://127.0.0.1:8080/\n\nfetch http://127.0.0.1:8080/',
      /^t\.txt:3: 'fetch http:.*' is not a request line/,
    ],
    ['t.txt', 'GET http://127.0.0.1:8080/ weight=0', /^t\.txt:1: weight 0 is not a number above 0/],
    ['t.txt', 'GET http://127.0.0.1:8080/ fast', /^t\.txt:1: 'fast' is not weight=N or name=STEP/],
    [
      't.txt',
      'GET http://127.0.0.1:8080/\nGET http://127.0.0.1:9090/',
      /^t\.txt:2: http:\/\/127\.0\.0\.1:9090 is not the origin/,
    ],
    [
      't.txt',
      'GET http://127.0.0.1:8080/\n@missing.json',
      /^t\.txt:2: cannot read the body file missing\.json/,
    ],
    ['t.txt', 'GET not-a-url', /^t\.txt:1: 'not-a-url' is not a URL/],
    ['t.jsonl', '{"url":"http://127.0.0.1:9/"}\n{"url": nope}', /^t\.jsonl:2: not JSON/],
    ['t.jsonl', '{"method":"GET"}', /^t\.jsonl:1: a target needs a "url" string/],
    ['t.txt', '# only a comment\n', /^t\.txt has no targets/],
  ])('%s %j fails on its line', (name, text, message) => {
    expect(() => parse(name, text)).toThrow(message);
    try {
      parse(name, text);
    } catch (error) {
      expect(error).toMatchObject({ exitCode: 2, hint: expect.any(String) });
    }
  });
});
