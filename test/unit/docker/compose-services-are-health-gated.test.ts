/**
 * Every long-running service of every compose stack has a health check, every dependency waits for it
 * (`condition: service_healthy`), and every one-shot step (restart "no", no health check) is waited for
 * by a dependent with `service_completed_successfully`, so `docker compose up --wait` returns 0 only
 * once the whole stack can serve.
 */
import { describe, expect, it } from 'vitest';
import { type ComposeFile, isMap, loadComposeFiles } from './docker-files.ts';

function isOneShot(service: Record<string, unknown>): boolean {
  return service['restart'] === 'no';
}

/** [dependent, needed, condition] for every depends_on entry ('short form' when not a mapping). */
function dependencies(file: ComposeFile): [string, string, string][] {
  return Object.entries(file.services).flatMap(([name, service]) => {
    const dependsOn = service['depends_on'];
    if (dependsOn === undefined) return [];
    if (!isMap(dependsOn)) return [[name, '*', 'short form'] as [string, string, string]];
    return Object.entries(dependsOn).map(
      ([needed, rule]) =>
        [name, needed, String(isMap(rule) ? rule['condition'] : 'none')] as [string, string, string],
    );
  });
}

describe.each(loadComposeFiles().map((file) => [file.name, file] as const))('%s', (_, file) => {
  it('gives every long-running service an enabled health check', () => {
    const without = Object.entries(file.services).filter(([, service]) => {
      const healthcheck = service['healthcheck'];
      const enabled =
        isMap(healthcheck) && healthcheck['disable'] !== true && Array.isArray(healthcheck['test']);
      return !enabled && !isOneShot(service);
    });
    expect(without.map(([name]) => name)).toEqual([]);
  });

  it('makes every dependency wait for health, or for a one-shot step to complete', () => {
    const loose = dependencies(file)
      .filter(([, needed, condition]) => {
        const service = file.services[needed];
        if (!service) return true;
        return condition !== (isOneShot(service) ? 'service_completed_successfully' : 'service_healthy');
      })
      .map(([name, needed, condition]) => `${name} → ${needed}: ${condition}`);
    expect(loose).toEqual([]);
  });

  it('has a dependent waiting for every one-shot step', () => {
    const waitedFor = new Set(
      dependencies(file)
        .filter(([, , condition]) => condition === 'service_completed_successfully')
        .map(([, needed]) => needed),
    );
    const oneShots = Object.entries(file.services).filter(([, service]) => isOneShot(service));
    expect(oneShots.map(([name]) => name).filter((name) => !waitedFor.has(name))).toEqual([]);
  });
});
