/**
 * Removes everything of a stack from the engine by label: its containers (killed, with their anonymous
 * volumes), then its networks and named volumes. What `down` runs, and what the reaper runs when
 * scalebench itself was killed (orchestration/stack/reap-entry.ts). Idempotent: what is gone already is fine.
 */
import type Docker from 'dockerode';
import { endExecMonitors } from './exec-monitors.ts';

export interface Removed {
  containers: number;
  networks: number;
  volumes: number;
}

function gone(error: unknown): boolean {
  const status = (error as { statusCode?: number }).statusCode;
  return status === 404 || status === 409;
}

/** `label` is `key=value`, e.g. io.scalebench.stack=sb-1a2b-clones-stateless-2 */
export async function removeLabelled(docker: Docker, label: string): Promise<Removed> {
  const filters = JSON.stringify({ label: [label] });
  const containers = await docker.listContainers({ all: true, filters });
  await Promise.all(
    containers.map((info) =>
      docker
        .getContainer(info.Id)
        .remove({ force: true, v: true })
        .catch((error: unknown) => {
          if (!gone(error)) throw error;
        }),
    ),
  );
  // a local podman leaves each health check's exec monitor waiting 5 minutes after its container went
  if (process.platform === 'linux')
    endExecMonitors(containers.flatMap((info) => info.Names.map((n) => n.replace(/^\//, ''))));
  const networks = await docker.listNetworks({ filters });
  for (const network of networks) {
    await docker
      .getNetwork(network.Id)
      .remove()
      .catch((error: unknown) => {
        if (!gone(error)) throw error;
      });
  }
  const { Volumes: volumes } = await docker.listVolumes({ filters });
  for (const volume of volumes ?? []) {
    await docker
      .getVolume(volume.Name)
      .remove()
      .catch((error: unknown) => {
        if (!gone(error)) throw error;
      });
  }
  return { containers: containers.length, networks: networks.length, volumes: volumes?.length ?? 0 };
}
