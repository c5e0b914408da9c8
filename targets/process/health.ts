/** Probes a reference app's `/healthz`: `{ instance, build }` when it answers 200, undefined otherwise. */
import { request } from 'undici';

export interface Health {
  instance: string;
  build: string;
}

export async function fetchHealth(baseUrl: string, timeoutMs = 1000): Promise<Health | undefined> {
  try {
    const response = await request(new URL('/healthz', baseUrl), {
      method: 'GET',
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      reset: true,
    });
    const text = await response.body.text();
    if (response.statusCode !== 200) return undefined;
    const body = JSON.parse(text) as Partial<Health>;
    if (typeof body.instance !== 'string' || typeof body.build !== 'string') return undefined;
    return { instance: body.instance, build: body.build };
  } catch {
    return undefined;
  }
}
