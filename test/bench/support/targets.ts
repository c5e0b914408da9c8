/** The two local targets of the efficiency benchmark: the minimal Node server (child) and nginx. */
import { fileURLToPath } from 'node:url';
import { startChild, tsNodeArgs } from './child.ts';
import { startNginx } from './nginx.ts';

export interface BenchTarget {
  name: string;
  url: string;
  stop(): Promise<void>;
}

const MINIMAL_SERVER = fileURLToPath(new URL('./minimal-server.ts', import.meta.url));

export async function startNodeTarget(): Promise<BenchTarget> {
  const running = await startChild('minimal node server', process.execPath, tsNodeArgs(MINIMAL_SERVER));
  return { name: 'node:http', url: `http://127.0.0.1:${running.ready['port']}/`, stop: running.stop };
}

export async function startNginxTarget(): Promise<BenchTarget> {
  const nginx = await startNginx();
  return { name: 'nginx', url: nginx.url, stop: nginx.stop };
}
