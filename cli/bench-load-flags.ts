/**
 * `bench`'s load-shape and protocol flags → the load options: --rate or --connections (a gRPC URL takes
 * both: connections carrying the arrivals), --header, and --insecure / --ca / --http2 / --max-streams.
 */
import { resolve } from 'node:path';
import { ScalebenchError } from '../core/errors.ts';
import { DEFAULT_MAX_STREAMS } from '../load/http/types.ts';
import type { ExecutorConfig, LoadRunOptions } from '../load-model/types.ts';
import { parseNumber } from './parse.ts';

/** the part of bench's flags read here */
export interface LoadShapeFlags {
  rate?: string;
  connections?: string;
  client?: string;
  insecure?: boolean;
  ca?: string;
  http2?: boolean;
  maxStreams?: string;
}

export function parseHeaders(pairs: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const pair of pairs) {
    const colon = pair.indexOf(':');
    if (colon <= 0) {
      throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--header '${pair}' is not name:value`, {
        hint: "write it as --header 'content-type: application/json'",
      });
    }
    headers[pair.slice(0, colon).trim()] = pair.slice(colon + 1).trim();
  }
  return headers;
}

/** --insecure, --ca, --http2, --max-streams → the load options' protocol part. */
export function parseProtocol(url: URL, flags: LoadShapeFlags, cwd: string): Partial<LoadRunOptions> {
  const secure = url.protocol === 'https:' || url.protocol === 'grpcs:' || url.protocol === 'wss:';
  if ((flags.insecure || flags.ca !== undefined) && !secure) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      '--insecure and --ca apply to https:// URLs only (and grpcs://)',
      {
        hint: `use an https:// (grpcs://) URL, or drop ${flags.insecure ? '--insecure' : '--ca'}`,
      },
    );
  }
  if (flags.http2 && flags.client !== undefined) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', '--http2 runs on its own client (node:http2)', {
      hint: 'drop --client: --http2 speaks h2 (https://) or h2c (http://) without it',
    });
  }
  if (flags.maxStreams !== undefined && !flags.http2 && !url.protocol.startsWith('grpc')) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', '--max-streams applies to --http2 only', {
      hint: 'add --http2, or drop --max-streams',
    });
  }
  const tls = {
    ...(flags.insecure ? { insecure: true } : {}),
    ...(flags.ca === undefined ? {} : { caFile: resolve(cwd, flags.ca) }),
  };
  return {
    ...(Object.keys(tls).length > 0 ? { tls } : {}),
    ...(flags.http2 ? { http2: true } : {}),
    ...(flags.maxStreams === undefined || url.protocol.startsWith('grpc')
      ? {}
      : { maxStreams: parseNumber(flags.maxStreams, '--max-streams', { min: 1, integer: true }) }),
  };
}

export function parseExecutor(
  flags: LoadShapeFlags,
  durationMs: number,
  grpc: boolean,
  streams = false,
): ExecutorConfig {
  // a WebSocket or event-stream load holds 10 sockets unless told otherwise
  if (streams && flags.rate === undefined && flags.connections === undefined)
    return { executor: 'constant-vus', vus: 10, duration: durationMs };
  if (grpc && flags.connections !== undefined && flags.rate === undefined) {
    // gRPC: --connections HTTP/2 connections, each carrying --max-streams calls at once (default 1)
    const connections = parseNumber(flags.connections, '--connections', { min: 1, integer: true });
    const streams = parseNumber(flags.maxStreams ?? '1', '--max-streams', { min: 1, integer: true });
    return { executor: 'constant-vus', vus: connections * streams, duration: durationMs };
  }
  if (flags.rate !== undefined && flags.connections !== undefined && !grpc) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', '--rate and --connections cannot be used together', {
      hint: '--rate N drives an open model (requests per second), --connections N a closed one; pick one',
    });
  }
  if (flags.connections !== undefined) {
    const connections = parseNumber(flags.connections, '--connections', { min: 1, integer: true });
    // HTTP/2: --connections stays connections, each carrying --max-streams requests at once
    const streams = flags.http2
      ? parseNumber(flags.maxStreams ?? String(DEFAULT_MAX_STREAMS), '--max-streams', {
          min: 1,
          integer: true,
        })
      : 1;
    return { executor: 'constant-vus', vus: connections * streams, duration: durationMs };
  }
  const rate = parseNumber(flags.rate ?? '100', '--rate');
  if (rate <= 0) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--rate must be greater than 0, got ${flags.rate}`, {
      hint: 'pass --rate the requests per second to send, e.g. --rate 1000',
    });
  }
  return { executor: 'constant-arrival-rate', rate, duration: durationMs };
}
