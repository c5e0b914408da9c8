/** Before `bench` or `ab` loads a URL: the first connection, made as the run will make it. */
import { ScalebenchError } from '../../core/errors.ts';
import { probeTcp } from '../../load/http/probe.ts';
import type { LoadPlan } from '../../load-model/plan/load-plan.ts';

/** The first connection, made as the run will make it: TCP, then the TLS handshake and HTTP/2 agreement. */
export async function assertReachable(
  url: URL,
  load: Pick<LoadPlan, 'grpc' | 'tls' | 'http2'>,
): Promise<void> {
  if (load.grpc) {
    const [{ assertGrpcReachable }, { loadTlsSettings }] = await Promise.all([
      import('../../load/grpc/grpc-probe.ts'),
      import('../../load/http/tls-settings.ts'),
    ]);
    return assertGrpcReachable(url, await loadTlsSettings(load.tls));
  }
  const code = await probeTcp(url, 3000);
  if (code !== null) {
    throw new ScalebenchError('SB_ERR_UNREACHABLE', `cannot connect to ${url.host} (${code})`, {
      hint: 'start the service first, or check the host and port in the URL',
    });
  }
  if (url.protocol !== 'https:' && !load.http2) return;
  const [{ assertHandshake }, { loadTlsSettings }] = await Promise.all([
    import('../../load/http/probe-handshake.ts'),
    import('../../load/http/tls-settings.ts'),
  ]);
  await assertHandshake(url, {
    tls: await loadTlsSettings(load.tls),
    http2: load.http2 === true,
    timeoutMs: 3000,
  });
}
