/**
 * Every service of every compose stack has a health check, and every dependency waits for health
 * (`condition: service_healthy`), so `docker compose up --wait` returns only once the stack can serve.
 */
import { describe, expect, it } from 'vitest';
import { isMap, loadComposeFiles } from './docker-files.ts';

describe.each(loadComposeFiles().map((file) => [file.name, file] as const))('%s', (_, file) => {
  it('gives every service an enabled health check', () => {
    const without = Object.entries(file.services).filter(([, service]) => {
      const healthcheck = service['healthcheck'];
      return !isMap(healthcheck) || healthcheck['disable'] === true || !Array.isArray(healthcheck['test']);
    });
    expect(without.map(([name]) => name)).toEqual([]);
  });

  it('makes every dependency wait until the service it needs is healthy', () => {
    const loose: string[] = [];
    for (const [name, service] of Object.entries(file.services)) {
      const dependsOn = service['depends_on'];
      if (dependsOn === undefined) continue;
      if (!isMap(dependsOn)) {
        loose.push(`${name}: short depends_on form`);
        continue;
      }
      for (const [needed, rule] of Object.entries(dependsOn)) {
        if (!(needed in file.services)) loose.push(`${name} → ${needed}: no such service`);
        if (!isMap(rule) || rule['condition'] !== 'service_healthy')
          loose.push(`${name} → ${needed}: not health-gated`);
      }
    }
    expect(loose).toEqual([]);
  });
});
