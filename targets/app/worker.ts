/**
 * Process entry of a queue worker: `node dist/targets/app/worker.js` (or its source through tsx,
 * core/entry-points.ts), configured by the same environment as the app (WORK_COST_MS, QUEUE,
 * QUEUE_NAME, REDIS_URL, REDIS_PREFIX, AMQP_URL, INSTANCE_ID). Prints `worker ready <id>` once it takes jobs; on SIGTERM/SIGINT it stops taking jobs,
 * finishes the one in progress and exits. SB_WORKER_BOOT is an optional token stored with its
 * registration so a starter can tell this start from an earlier one.
 */
import { startGovernor } from '../sizing/cpu-governor.ts';
import { readAppConfig } from './config.ts';
import { startWorker } from './work/worker-runtime.ts';

const config = readAppConfig(process.env);
const boot = process.env.SB_WORKER_BOOT ?? String(process.pid);
const worker = await startWorker(config, { boot });
if (config.SERVER_CPUS !== undefined) startGovernor(config.SERVER_CPUS);
process.stdout.write(`worker ready ${worker.id} queue=${config.QUEUE} boot=${boot}\n`);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  const force = setTimeout(() => process.exit(1), Math.max(5_000, config.WORK_COST_MS * 10));
  force.unref();
  void worker.close().then(() => {
    process.stdout.write(
      `worker stopped ${worker.id} done=${worker.tally.done} duplicate=${worker.tally.duplicate}\n`,
    );
    process.exit(0);
  });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
