/** One message received on a WebSocket, as flows and matchers see it: bytes, kind, lazy text and JSON. */
import type { WsMessage } from '../../load-model/flows/types.ts';

export function toWsMessage(data: Buffer, binary: boolean): WsMessage {
  let text: string | undefined;
  let parsed: { value: unknown } | undefined;
  const message: WsMessage = {
    data,
    binary,
    text() {
      text ??= data.toString('utf8');
      return text;
    },
    json<T>() {
      if (!parsed) {
        try {
          parsed = { value: JSON.parse(message.text()) };
        } catch {
          parsed = { value: undefined };
        }
      }
      return parsed.value as T | undefined;
    },
  };
  return message;
}

/** `ws` hands a message over as a Buffer, an ArrayBuffer or fragments (Buffer[]): one Buffer. */
export function toBuffer(data: Buffer | ArrayBuffer | Buffer[]): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}
