/**
 * `bench ws://…` and `bench --sse URL`: the flags of a WebSocket or event-stream load, checked apart
 * from the HTTP ones. An HTTP-only flag with a ws:// URL, or a --ws-… or --sse-… flag without one, is bad
 * input (exit 2).
 */
import { ScalebenchError } from '../core/errors.ts';
import type { SseBenchSpec, WebSocketBenchSpec } from '../load-model/types.ts';
import { parseDuration, parseNumber } from './parse.ts';

export interface StreamFlags {
  method: string;
  body?: string;
  http2?: boolean;
  maxStreams?: string;
  targets?: string;
  pick?: string;
  client?: string;
  ca?: string;
  wsMessage?: string;
  wsExpect?: string;
  wsRate?: string;
  wsHold?: string;
  wsSubprotocol?: string[];
  wsMaxMessage?: string;
  sse?: boolean;
  sseHold?: string;
}

/** the message `bench ws://` sends when --ws-message is not given */
export const DEFAULT_WS_MESSAGE = 'scalebench';

function invalid(message: string, hint: string): ScalebenchError {
  return new ScalebenchError('SB_ERR_INVALID_ARGUMENT', message, { hint });
}

/** flags that only mean something to a request/response HTTP load */
function httpOnlyFlag(flags: StreamFlags): string | undefined {
  if (flags.method.toUpperCase() !== 'GET') return '--method';
  if (flags.body !== undefined) return '--body';
  if (flags.http2) return '--http2';
  if (flags.maxStreams !== undefined) return '--max-streams';
  if (flags.targets !== undefined) return '--targets';
  if (flags.pick !== undefined) return '--pick';
  if (flags.client !== undefined) return '--client';
  if (flags.ca !== undefined) return '--ca';
  return undefined;
}

function wsFlag(flags: StreamFlags): string | undefined {
  if (flags.wsMessage !== undefined) return '--ws-message';
  if (flags.wsExpect !== undefined) return '--ws-expect';
  if (flags.wsRate !== undefined) return '--ws-rate';
  if (flags.wsHold !== undefined) return '--ws-hold';
  if (flags.wsSubprotocol !== undefined) return '--ws-subprotocol';
  if (flags.wsMaxMessage !== undefined) return '--ws-max-message';
  return undefined;
}

export type StreamKind = 'websocket' | 'sse' | 'http';

/** Which load the URL and flags ask for; throws on flags that do not fit it. */
export function streamKind(url: URL | undefined, flags: StreamFlags): StreamKind {
  const websocket = url?.protocol === 'ws:' || url?.protocol === 'wss:';
  const kind: StreamKind = websocket ? 'websocket' : flags.sse ? 'sse' : 'http';
  if (websocket && flags.sse) throw invalid('--sse takes an http:// or https:// URL', 'drop --sse for ws://');
  const ws = wsFlag(flags);
  if (ws !== undefined && kind !== 'websocket')
    throw invalid(`${ws} applies to ws:// and wss:// URLs only`, `give a ws:// URL, or drop ${ws}`);
  if (flags.sseHold !== undefined && kind !== 'sse')
    throw invalid('--sse-hold applies to --sse only', 'add --sse, or drop --sse-hold');
  const httpOnly = kind === 'http' ? undefined : httpOnlyFlag(flags);
  if (httpOnly !== undefined) {
    const what = kind === 'websocket' ? 'a ws:// URL' : '--sse';
    throw invalid(
      `${httpOnly} is an HTTP request option and cannot be used with ${what}`,
      `drop ${httpOnly}`,
    );
  }
  return kind;
}

export function parseWebSocketSpec(flags: StreamFlags, headers: Record<string, string>): WebSocketBenchSpec {
  if (flags.wsExpect !== undefined) {
    try {
      new RegExp(flags.wsExpect);
    } catch {
      throw invalid(
        `--ws-expect '${flags.wsExpect}' is not a regular expression`,
        'e.g. --ws-expect \'"ok":true\'',
      );
    }
  }
  return {
    message: flags.wsMessage ?? DEFAULT_WS_MESSAGE,
    ...(flags.wsExpect === undefined ? {} : { expect: flags.wsExpect }),
    ratePerSocket: parseNumber(flags.wsRate ?? '1', '--ws-rate', { min: 0 }),
    holdMs: parseDuration(flags.wsHold ?? '10s', '--ws-hold'),
    ...(flags.wsSubprotocol === undefined ? {} : { subprotocols: flags.wsSubprotocol }),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    ...(flags.wsMaxMessage === undefined
      ? {}
      : { maxMessageBytes: parseNumber(flags.wsMaxMessage, '--ws-max-message', { min: 1, integer: true }) }),
  };
}

export function parseSseSpec(flags: StreamFlags, headers: Record<string, string>): SseBenchSpec {
  return {
    holdMs: parseDuration(flags.sseHold ?? '10s', '--sse-hold'),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
  };
}
