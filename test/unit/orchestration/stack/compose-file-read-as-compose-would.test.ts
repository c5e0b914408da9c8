/**
 * Where no Compose v2 runs, scalebench reads the compose files itself: variables interpolated as Compose
 * does (defaults, `$$`), merge keys, paths made absolute, health checks and dependency conditions read,
 * and the services ordered so each starts after what it depends on.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../../core/entry-points.ts';
import { interpolate, readComposeFile, startOrder } from '../../../../orchestration/stack/compose-file.ts';

const composeFile = (name: string) => join(packageRoot, 'docker/compose', `${name}.yaml`);

describe('a compose file read without Compose', () => {
  it('interpolates VAR, VAR:-default, VAR-default in braces and $$ as Compose does', () => {
    const vars = { SET: 'x', EMPTY: '' };
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Compose's syntax, not a JavaScript template
    const text = '${SET} ${UNSET:-d} ${EMPTY:-d} ${EMPTY-d} ${UNSET-d} $$HOME ${UNSET}!';
    expect(interpolate(text, vars)).toBe('x d d  d $HOME !');
  });

  it('reads the clones stack with the variant knobs and the published port', () => {
    const project = readComposeFile(composeFile('clones'), { SESSION: 'memory', SCALEBENCH_PORT: '4321' });
    const app = project.services.find((service) => service.name === 'app')!;
    expect(app.environment.SESSION).toBe('memory');
    expect(app.build).toEqual({
      context: packageRoot.replace(/\/$/, ''),
      dockerfile: 'docker/Dockerfile',
      args: { NODE_IMAGE: 'node:20.20-bookworm-slim' },
    });
    expect(app.healthcheck).toEqual({
      command: ['bash', '-c', expect.stringContaining('GET /healthz')],
      intervalMs: 2000,
      timeoutMs: 3000,
      retries: 15,
      startPeriodMs: 30_000,
    });
    const balancer = project.services.find((service) => service.name === 'balancer')!;
    expect(balancer.ports).toEqual([{ hostIp: '127.0.0.1', hostPort: 4321, containerPort: 8080 }]);
    expect(balancer.mounts[0]).toMatchObject({ type: 'bind', readOnly: true });
    expect(balancer.mounts[0]!.source).toBe(join(packageRoot, 'docker/haproxy/haproxy.cfg'));
    expect(project.volumes).toEqual(['postgres-data']);
  });

  it('takes the image bases from SCALEBENCH_BASE_IMAGE and SCALEBENCH_NODE_IMAGE', () => {
    const project = readComposeFile(composeFile('caching'), {
      SCALEBENCH_BASE_IMAGE: 'localhost/debian:bookworm',
      SCALEBENCH_NODE_IMAGE: 'localhost/scalebench-node:20',
    });
    const args = Object.fromEntries(project.services.map((service) => [service.name, service.build?.args]));
    expect(args.redis).toEqual({ BASE: 'localhost/debian:bookworm' });
    expect(args.postgres).toEqual({ BASE: 'localhost/debian:bookworm' });
    expect(args.app).toEqual({ NODE_IMAGE: 'localhost/scalebench-node:20' });
  });

  it('orders services after what they depend on, one-shot steps before their dependents', () => {
    const project = readComposeFile(composeFile('database'), {});
    const order = startOrder(project).map((service) => service.name);
    const startsBefore = (a: string, b: string) => expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    startsBefore('postgres', 'postgres-replica');
    startsBefore('postgres', 'prepare');
    startsBefore('prepare', 'app');
    startsBefore('postgres-replica', 'app');
    startsBefore('app', 'balancer');
    const app = project.services.find((service) => service.name === 'app')!;
    expect(app.dependsOn).toContainEqual({ service: 'prepare', condition: 'service_completed_successfully' });
    const prepare = project.services.find((service) => service.name === 'prepare')!;
    expect(prepare.healthcheck).toBeNull();
  });
});
