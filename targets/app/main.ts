/**
 * Process entry of the reference app: `node dist/targets/app/main.js` when built, or
 * `node --import tsx targets/app/main.ts` from the sources (core/entry-points.ts), configured by the
 * environment (targets/app/config.ts). Prints `listening <url>` once it accepts connections and
 * shuts down gracefully on SIGTERM/SIGINT.
 */
import { startGovernor } from '../sizing/cpu-governor.ts';
import { readAppConfig } from './config.ts';
import { startApp } from './server.ts';

const config = readAppConfig(process.env);
const app = await startApp(config);
// sized once ready, as a cgroup quota is: loading the code is not the server's work
if (config.SERVER_CPUS !== undefined) startGovernor(config.SERVER_CPUS);
process.stdout.write(`listening ${app.url} instance=${config.INSTANCE_ID}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(1), 5_000);
  force.unref();
  void app.close().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
