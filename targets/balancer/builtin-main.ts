/**
 * Process entry of the built-in balancer: `node dist/targets/balancer/builtin-main.js` (or its source
 * through tsx, core/entry-points.ts) with its config as JSON in SB_BALANCER_CONFIG. Runs as its own process so it does not share an event loop
 * with the load generator. Stops on SIGTERM/SIGINT.
 */
import { BuiltinProxy, type BuiltinProxyConfig } from './builtin-proxy.ts';

const config = JSON.parse(process.env.SB_BALANCER_CONFIG ?? '{}') as BuiltinProxyConfig;
const proxy = new BuiltinProxy(config);
const port = await proxy.listen();
process.stdout.write(`listening http://127.0.0.1:${port} balancer=builtin\n`);

const stop = () => {
  const force = setTimeout(() => process.exit(1), 3000);
  force.unref();
  void proxy.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
