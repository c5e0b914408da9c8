/**
 * The reference app's HTTP server: mounts the configured features, stamps every response with
 * `x-served-by`, answers /healthz with instance and build id, /metrics with the app's counters, and
 * shuts down gracefully (stop accepting, finish in-flight requests, close pools).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { computeBuildId } from './build-id.ts';
import type { AppConfig } from './config.ts';
import type { Feature } from './feature.ts';
import { featureFactories } from './features.ts';
import { Counters } from './metrics.ts';
import { HttpError, parseCookies, Router, readJsonBody, sendResponse } from './router.ts';
import { WorkerPool } from './worker-pool.ts';

export interface RunningApp {
  server: Server;
  url: string;
  port: number;
  counters: Counters;
  close(): Promise<void>;
}

/** Builds the features FEATURES names, in order, each registering its routes. */
async function mountFeatures(config: AppConfig, counters: Counters, router: Router): Promise<Feature[]> {
  const features: Feature[] = [];
  for (const name of config.FEATURES.split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const factory = featureFactories[name];
    if (!factory)
      throw new Error(`unknown feature '${name}' (known: ${Object.keys(featureFactories).join(', ')})`);
    const feature = await factory({ config, counters });
    feature.register(router);
    features.push(feature);
  }
  return features;
}

export async function startApp(config: AppConfig): Promise<RunningApp> {
  const counters = new Counters();
  const router = new Router();
  const features = await mountFeatures(config, counters, router);
  const build = computeBuildId();
  const baseHeaders = { 'x-served-by': config.INSTANCE_ID };
  // requests being handled (probes aside), also those whose client went away: the work goes on, so a
  // capacity search waits for it to reach 0 before its next step
  let inFlight = 0;
  router.get('/healthz', async () => {
    await Promise.all(features.map((feature) => feature.ready?.()));
    return { status: 200, json: { instance: config.INSTANCE_ID, build, status: 'ok', inFlight } };
  });
  router.get('/metrics', () => ({
    status: 200,
    text: counters.toPrometheus(config.INSTANCE_ID),
    headers: { 'content-type': 'text/plain; version=0.0.4' },
  }));

  // the worker-pool server model; probes (/healthz, /metrics) do not queue behind requests
  const pool = config.SERVER_WORKERS === undefined ? undefined : new WorkerPool(config.SERVER_WORKERS);
  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    counters.inc('requestsTotal');
    if (req.url === '/healthz' || req.url === '/metrics') {
      void handle(router, req, res, baseHeaders);
      return;
    }
    inFlight += 1;
    const handled = pool
      ? pool.run(() => handle(router, req, res, baseHeaders))
      : handle(router, req, res, baseHeaders);
    void handled.finally(() => {
      inFlight -= 1;
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (!features.some((feature) => feature.upgrade?.(req, socket, head) === true)) socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, resolve);
  });
  const port = (server.address() as AddressInfo).port;
  const close = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await Promise.all(features.map((feature) => feature.close()));
  };
  return { server, url: `http://${config.HOST}:${port}`, port, counters, close };
}

async function handle(
  router: Router,
  req: IncomingMessage,
  res: ServerResponse,
  base: Record<string, string>,
) {
  const url = new URL(req.url ?? '/', 'http://app');
  const method = req.method ?? 'GET';
  const matched = router.match(method, url.pathname);
  try {
    if (!matched) throw new HttpError(404, `no route for ${method} ${url.pathname}`);
    const body = method === 'GET' || method === 'HEAD' ? undefined : await readJsonBody(req);
    const response = await matched.handler({
      method,
      path: url.pathname,
      params: matched.params,
      query: url.searchParams,
      headers: req.headers,
      cookies: parseCookies(req.headers.cookie),
      body,
    });
    sendResponse(res, response, base);
  } catch (error: unknown) {
    const status = error instanceof HttpError ? error.status : 500;
    const message = error instanceof Error ? error.message : String(error);
    if (status === 500)
      process.stderr.write(`[${base['x-served-by']}] ${method} ${url.pathname}: ${message}\n`);
    if (!res.headersSent) sendResponse(res, { status, json: { error: message } }, base);
    else res.destroy();
  }
}
