/**
 * The part of a HAR 1.2 file (http://www.softwareishard.com/blog/har-12-spec/) a flow is made from:
 * each entry's start time and duration, its request (method, URL, headers, body) and its response
 * (status, headers, body text). Anything else in the file is ignored. A file that is not JSON or has no
 * entries is an input error.
 */
import { ScalebenchError } from '../../core/errors.ts';

export interface HarHeader {
  name: string;
  value: string;
}

/** A WebSocket frame Chromium recorded (`_webSocketMessages`): binary data is base64 (opcode 2). */
export interface HarWebSocketMessage {
  type: 'send' | 'receive';
  /** seconds since the epoch */
  time: number;
  opcode: number;
  data: string;
}

export interface HarEntry {
  /** ms since the epoch */
  startedAt: number;
  /** total time of the exchange, ms */
  timeMs: number;
  request: { method: string; url: string; headers: HarHeader[]; body?: string; mimeType?: string };
  response: { status: number; headers: HarHeader[]; body?: string };
  /** the frames of a WebSocket entry, when Chromium recorded them */
  webSocketMessages?: HarWebSocketMessage[];
}

function webSocketMessagesOf(value: unknown): HarWebSocketMessage[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((message): HarWebSocketMessage[] =>
    isObject(message) &&
    (message['type'] === 'send' || message['type'] === 'receive') &&
    typeof message['data'] === 'string'
      ? [
          {
            type: message['type'],
            time: typeof message['time'] === 'number' ? message['time'] : 0,
            opcode: typeof message['opcode'] === 'number' ? message['opcode'] : 1,
            data: message['data'],
          },
        ]
      : [],
  );
}

const HINT = 'export the recording as HAR from the browser devtools (Network tab → Save all as HAR)';

type Obj = Record<string, unknown>;
const isObject = (value: unknown): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function headersOf(value: unknown): HarHeader[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((header) =>
    isObject(header) && typeof header['name'] === 'string' && typeof header['value'] === 'string'
      ? [{ name: header['name'], value: header['value'] }]
      : [],
  );
}

function entryOf(name: string, value: unknown, index: number): HarEntry {
  const request = isObject(value) ? value['request'] : undefined;
  if (!isObject(value) || !isObject(request) || typeof request['url'] !== 'string') {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `${name}: entry ${index + 1} has no request URL`, {
      hint: HINT,
    });
  }
  const response = isObject(value['response']) ? value['response'] : {};
  const postData = isObject(request['postData']) ? request['postData'] : {};
  const content = isObject(response['content']) ? response['content'] : {};
  const started = Date.parse(String(value['startedDateTime'] ?? ''));
  const webSocketMessages = webSocketMessagesOf(value['_webSocketMessages']);
  return {
    ...(webSocketMessages ? { webSocketMessages } : {}),
    startedAt: Number.isFinite(started) ? started : 0,
    timeMs: typeof value['time'] === 'number' && value['time'] > 0 ? value['time'] : 0,
    request: {
      method: typeof request['method'] === 'string' ? request['method'].toUpperCase() : 'GET',
      url: request['url'],
      headers: headersOf(request['headers']),
      ...(typeof postData['text'] === 'string' ? { body: postData['text'] } : {}),
      ...(typeof postData['mimeType'] === 'string' ? { mimeType: postData['mimeType'] } : {}),
    },
    response: {
      status: typeof response['status'] === 'number' ? response['status'] : 0,
      headers: headersOf(response['headers']),
      ...(typeof content['text'] === 'string' && content['encoding'] !== 'base64'
        ? { body: content['text'] }
        : {}),
    },
  };
}

/** The entries of a HAR file's text, in the order they started. */
export function parseHar(name: string, text: string): HarEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error: unknown) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      `${name} is not JSON (${(error as Error).message})`,
      { hint: HINT },
    );
  }
  const log = isObject(data) ? data['log'] : undefined;
  const entries = isObject(log) ? log['entries'] : undefined;
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      `${name} has no entries (log.entries is empty or missing)`,
      {
        hint: `record some requests first; ${HINT}`,
      },
    );
  }
  return entries
    .map((entry, index) => entryOf(name, entry, index))
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => a.entry.startedAt - b.entry.startedAt || a.index - b.index)
    .map(({ entry }) => entry);
}
