/**
 * A stack publishes its balancer on 127.0.0.1. The port must be free before anything starts: a port
 * already taken is bad input (exit 2) that names it, not an engine error half-way through.
 */
import { createServer } from 'node:net';
import { ScalebenchError } from '../../core/errors.ts';

export interface HostPort {
  hostIp: string;
  hostPort: number;
}

function taken(port: HostPort): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.listen({ host: port.hostIp, port: port.hostPort, exclusive: true }, () => {
      server.close(() => resolve(false));
    });
  });
}

export async function assertPortsFree(ports: readonly HostPort[]): Promise<void> {
  for (const port of ports) {
    if (await taken(port)) {
      throw new ScalebenchError(
        'SB_ERR_TARGET_START',
        `port ${port.hostIp}:${port.hostPort} is already taken: the stack's balancer cannot publish there`,
        {
          hint: 'stop what listens there, or leave SCALEBENCH_PORT unset so scalebench picks a free port',
        },
      );
    }
  }
}
