/**
 * WebSocket failures → the error classes of the results file. The `ws` library reports a broken frame
 * with a WS_ERR_* code (and closes 1002), a message over the cap with WS_ERR_UNSUPPORTED_*_LENGTH (1009),
 * a handshake that took too long or a subprotocol the server refused by message only; a lost TCP
 * connection surfaces as close code 1006 with no error at all.
 */
import type { ErrorClass } from '../../results/schema.ts';
import { classifyError } from '../http/classify-error.ts';

/** close codes that end a session normally: 1000 normal, 1001 going away, 1005 no status given */
const NORMAL_CLOSE = new Set([1000, 1001, 1005]);

const TOO_BIG = new Set(['WS_ERR_UNSUPPORTED_MESSAGE_LENGTH', 'WS_ERR_UNSUPPORTED_DATA_PAYLOAD_LENGTH']);

export function classifyWsError(error: unknown): ErrorClass {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && TOO_BIG.has(code)) return 'ws_message_too_big';
  if (typeof code === 'string' && code.startsWith('WS_ERR_')) return 'ws_protocol_error';
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes('handshake has timed out')) return 'ws_handshake_timeout';
  if (message.includes('subprotocol')) return 'ws_subprotocol';
  if (message.includes('Invalid Sec-WebSocket-Accept') || message.includes('Invalid Upgrade header'))
    return 'ws_no_upgrade';
  return classifyError(error);
}

/** A close the session did not ask for → its class; undefined for a normal close. */
export function classifyClose(code: number): ErrorClass | undefined {
  if (NORMAL_CLOSE.has(code)) return undefined;
  if (code === 1006) return 'ws_abnormal_close';
  if (code === 1002) return 'ws_protocol_error';
  if (code === 1009) return 'ws_message_too_big';
  return 'ws_close_error';
}
