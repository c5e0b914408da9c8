/**
 * `bench`'s requests: the URL argument (HTTP, gRPC, WebSocket or event stream) or a --targets file, one
 * of the two, as the request part of the load options.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ScalebenchError } from '../core/errors.ts';
import { type ParsedTargets, parseTargets } from '../load-model/targets-file.ts';
import type { LoadRunOptions, TargetPick } from '../load-model/types.ts';
import { parseHeaders } from './bench-load-flags.ts';
import { parseSseSpec, parseWebSocketSpec, type StreamFlags, streamKind } from './bench-stream.ts';
import { isGrpcUrl, parseGrpcTarget } from './grpc-bench-options.ts';

/** the part of bench's flags read here */
export interface RequestFlags extends StreamFlags {
  method: string;
  header?: string[];
  body?: string;
  targets?: string;
  pick?: string;
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `'${text}' is not a URL`, {
      hint: 'pass a full URL such as http://127.0.0.1:8080/',
    });
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `${url.protocol} URLs are not supported: ${text}`, {
      hint: 'use an http:// or https:// URL',
    });
  }
  return url;
}

function readTargetsFile(path: string): ParsedTargets {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error: unknown) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `cannot read --targets ${path} (${reason})`, {
      hint: 'pass a file of targets: `GET http://127.0.0.1:8080/` lines, or JSON Lines',
    });
  }
  return parseTargets({
    name: path,
    text,
    readBody: (body) => readFileSync(resolve(dirname(path), body), 'utf8'),
  });
}

function parsePick(text: string | undefined): TargetPick {
  if (text === undefined || text === 'round-robin' || text === 'weighted') return text ?? 'round-robin';
  throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--pick '${text}' is unknown`, {
    hint: 'use --pick round-robin (targets in turn, weights as turns) or --pick weighted (random by weight)',
  });
}

/** The URL argument, or the targets file: one of the two */
export function requestsOf(
  urlText: string | undefined,
  flags: RequestFlags,
  cwd: string,
): {
  url: URL;
  request?: LoadRunOptions['request'];
  targets?: Pick<LoadRunOptions, 'targets' | 'targetPick'>;
  streams?: Pick<LoadRunOptions, 'websocket' | 'sse'>;
} {
  if (flags.targets !== undefined) {
    if (urlText !== undefined) {
      throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', 'give a URL or --targets FILE, not both', {
        hint: 'the targets file names every URL to request',
      });
    }
    streamKind(undefined, flags);
    const parsed = readTargetsFile(resolve(cwd, flags.targets));
    return {
      url: new URL(`${parsed.origin}/`),
      targets: { targets: parsed.targets, targetPick: parsePick(flags.pick) },
    };
  }
  if (urlText === undefined) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', 'no URL to load-test', {
      hint: 'pass a URL (scalebench bench http://127.0.0.1:8080/) or --targets FILE',
    });
  }
  if (isGrpcUrl(urlText)) return { url: parseGrpcTarget(urlText) };
  const url = parseUrl(urlText);
  const headers = parseHeaders(flags.header ?? []);
  const kind = streamKind(url, flags);
  if (kind === 'websocket') return { url, streams: { websocket: parseWebSocketSpec(flags, headers) } };
  if (kind === 'sse') return { url, streams: { sse: parseSseSpec(flags, headers) } };
  return {
    url,
    request: {
      method: flags.method.toUpperCase(),
      path: `${url.pathname}${url.search}`,
      headers,
      ...(flags.body === undefined ? {} : { body: flags.body }),
    },
  };
}
