/**
 * After a clone comes back, the balancer routes to it again only once its health check has passed
 * (twice, every 500 ms): until then the target is a clone short. This waits until a request through
 * the balancer is answered by that clone (its `x-served-by`), so what runs next measures every clone.
 */
import { setTimeout as sleep } from 'node:timers/promises';

const POLL_MS = 100;

/** resolves true once `instanceId` answered through `balancerUrl`, false when `timeoutMs` passed first */
export async function waitUntilRouted(
  balancerUrl: string,
  instanceId: string,
  timeoutMs = 5_000,
  healthPath = '/healthz',
): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const servedBy = await fetch(`${balancerUrl}${healthPath}`, { signal: AbortSignal.timeout(1_000) }).then(
      async (response) => {
        await response.arrayBuffer();
        return response.headers.get('x-served-by');
      },
      () => null,
    );
    if (servedBy === instanceId) return true;
    await sleep(POLL_MS);
  }
  return false;
}
