/**
 * Before load: the connection a gRPC run will make — TCP, TLS for grpcs:// (ALPN h2, the same trust),
 * and HTTP/2 agreed (the server's SETTINGS). A server that is not gRPC at all (plain HTTP/1.1) or that
 * never answers the HTTP/2 preface is exit 2 here, with one line, instead of a run of failed calls.
 */
import { ScalebenchError } from '../../core/errors.ts';
import { probeTcp } from '../http/probe.ts';
import { assertHandshake } from '../http/probe-handshake.ts';
import type { TlsSettings } from '../http/types.ts';

/** grpc://host:port → http://host:port, grpcs:// → https:// (what the HTTP/2 probes take) */
export function httpOriginOf(target: URL): URL {
  return new URL(`${target.protocol === 'grpcs:' ? 'https' : 'http'}://${target.host}/`);
}

export async function assertGrpcReachable(target: URL, tls: TlsSettings, timeoutMs = 3000): Promise<void> {
  const origin = httpOriginOf(target);
  const code = await probeTcp(origin, timeoutMs);
  if (code !== null) {
    throw new ScalebenchError('SB_ERR_UNREACHABLE', `cannot connect to ${target.host} (${code})`, {
      hint: 'start the gRPC server first, or check the host and port in the URL',
    });
  }
  try {
    await assertHandshake(origin, { tls, http2: true, timeoutMs });
  } catch (error: unknown) {
    if (!(error instanceof ScalebenchError) || error.code !== 'SB_ERR_PROTOCOL') throw error;
    const reason = error.message.slice(error.message.indexOf(': ') + 2);
    throw new ScalebenchError(
      'SB_ERR_PROTOCOL',
      `${target.host} is not a gRPC server: no HTTP/2 (${reason})`,
      {
        hint:
          target.protocol === 'grpcs:'
            ? 'check the port; a gRPC server over TLS offers HTTP/2 by ALPN'
            : 'check the port, or use grpcs:// for a server that speaks TLS',
      },
    );
  }
}
