/**
 * A server size as container limits: a variant's `--server-size 0.25` becomes `cpus: 0.25` (a CFS quota,
 * what `docker run --cpus` sets) and a memory limit of 1 GiB per CPU, at least 256 MiB, on each clone,
 * queue worker and database container. Redis, the balancer and one-shot steps run unlimited.
 */
import type { ServerSize, ServerSizeRequest } from '../../targets/sizing/server-size.ts';
import type { ContainerSize } from './api-stack.ts';

/** the compose services that are "servers" of the experiment: the ones sized */
export const SIZED_SERVICES = ['app', 'worker', 'postgres', 'postgres-replica'] as const;

const mebibyte = 1024 * 1024;

export function containerSize(cpus: number): ContainerSize {
  return { cpus, memoryBytes: Math.max(256, Math.round(1024 * cpus)) * mebibyte };
}

/** What a size request means for containers, as results record it. */
export function containerServerSize(request: ServerSizeRequest): ServerSize {
  if (request.kind !== 'cpus') {
    return { model: 'unlimited', size: null, label: 'containers without a CPU limit' };
  }
  const { memoryBytes } = containerSize(request.cpus);
  return {
    model: 'cpu-quota',
    size: request.cpus,
    label: `container --cpus ${request.cpus}, ${memoryBytes / mebibyte} MiB`,
  };
}

/**
 * The limits per sized service for a server size (none when unlimited). `databaseCpus`, when the
 * experiment declares one (caching: a 1-CPU PostgreSQL behind a 0.25-CPU app), sizes the database
 * containers as the local run sizes its PostgreSQL server.
 */
export function serviceSizes(
  server: ServerSize | undefined,
  databaseCpus?: number,
): Record<string, ContainerSize> {
  if (server?.model !== 'cpu-quota' || server.size === null) return {};
  const size = containerSize(server.size);
  const database = databaseCpus === undefined ? size : containerSize(databaseCpus);
  return Object.fromEntries(
    SIZED_SERVICES.map((service) => [service, service.startsWith('postgres') ? database : size]),
  );
}
