/**
 * The compose stacks scale and stay private: only the balancer publishes a port, bound to 127.0.0.1;
 * no container_name or fixed host port anywhere, so `docker compose up --scale app=N` works.
 */
import { describe, expect, it } from 'vitest';
import { isMap, loadComposeFiles } from './docker-files.ts';

function publishedPorts(service: Record<string, unknown>): string[] {
  const ports = Array.isArray(service['ports']) ? service['ports'] : [];
  return ports.map((port: unknown) =>
    isMap(port)
      ? `${String(port['host_ip'] ?? '')}:${String(port['published'])}:${String(port['target'])}`
      : String(port),
  );
}

describe.each(loadComposeFiles().map((file) => [file.name, file] as const))('%s', (_, file) => {
  it('has a balancer publishing one port on 127.0.0.1 and no other published port', () => {
    const publishing = Object.entries(file.services).filter(
      ([, service]) => publishedPorts(service).length > 0,
    );
    expect(publishing.map(([name]) => name)).toEqual(['balancer']);
    const ports = publishedPorts(file.services['balancer'] ?? {});
    expect(ports).toHaveLength(1);
    expect(ports[0]).toMatch(/^127\.0\.0\.1:/);
  });

  it('can scale every service: no container_name, an app service without host ports', () => {
    const named = Object.entries(file.services).filter(([, service]) => 'container_name' in service);
    expect(named.map(([name]) => name)).toEqual([]);
    expect(file.services['app']).toBeDefined();
    expect(publishedPorts(file.services['app'] ?? {})).toEqual([]);
  });
});
