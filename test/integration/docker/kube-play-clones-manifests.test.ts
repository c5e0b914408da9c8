/**
 * A smoke test of the Kubernetes manifests beside their static checks: docker/k8s/clones.yaml runs under
 * `podman kube play`, where that applies. Its Deployments become pods (one per replica) of the images
 * the compose stacks build, with the manifests' security context, read-only root, emptyDir /tmp and the
 * HAProxy ConfigMap mounted; every container runs and each app clone answers /healthz (which needs its
 * Redis). What does not apply is changed in the copy played: Services are left out (podman has no
 * cluster DNS or virtual IPs; a single-pod Deployment's pod name, `redis-pod-0`, is what resolves, so the
 * URLs name it), and so are container ports (podman 4.3 would publish each on the host's 0.0.0.0).
 * Everything is removed afterwards.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { packageRoot } from '../../../core/entry-points.ts';
import { readComposeFile } from '../../../orchestration/stack/compose-file.ts';
import { buildImage } from '../../../orchestration/stack/image-build.ts';
import { findOnPath } from '../../../targets/lifecycle/find-executable.ts';
import { requireEngine } from '../../helpers/container-engine.ts';
import { requireSetup } from '../../helpers/requires-tool.ts';

const run = promisify(execFile);
interface Probe {
  httpGet?: { port: string | number };
  tcpSocket?: { port: string | number };
}
interface Container {
  name: string;
  image: string;
  imagePullPolicy?: string;
  ports?: { containerPort: number }[];
  env?: { name: string; value?: string }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
}
interface Doc {
  kind: string;
  metadata: { name: string };
  spec: { replicas: number; template: { spec: { containers: Container[] } } };
}

/** the manifests as podman can play them: compose-built images, no Services, no container ports */
function playable(images: Record<string, string>): { docs: Doc[]; deployments: Doc[] } {
  const text = readFileSync(join(packageRoot, 'docker/k8s/clones.yaml'), 'utf8');
  const docs = parseAllDocuments(text).map((doc) => doc.toJS({ maxAliasCount: -1 }) as Doc);
  // the ConfigMap is played as it is: podman mounts it as a volume named after it (haproxy)
  const kept = docs.filter((doc) => doc.kind === 'Deployment' || doc.kind === 'ConfigMap');
  const deployments = kept.filter((doc) => doc.kind === 'Deployment');
  const singles = deployments.filter((doc) => doc.spec.replicas === 1).map((doc) => doc.metadata.name);
  for (const deployment of deployments) {
    for (const container of deployment.spec.template.spec.containers) {
      container.image = images[container.image] ?? container.image;
      container.imagePullPolicy = 'Never';
      const port = container.ports?.[0]?.containerPort ?? 8080;
      delete container.ports;
      for (const probe of [container.readinessProbe, container.livenessProbe]) {
        const check = probe?.httpGet ?? probe?.tcpSocket;
        if (check && typeof check.port === 'string') check.port = port;
      }
      for (const variable of container.env ?? []) {
        for (const name of singles) {
          variable.value = variable.value?.replace(new RegExp(`([/@])${name}:`), `$1${name}-pod-0:`);
        }
      }
    }
  }
  return { docs: kept, deployments };
}

describe('podman kube play docker/k8s/clones.yaml', () => {
  const cleanups: (() => Promise<unknown>)[] = [];

  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  });

  it('runs every Deployment as pods of the stack images; each app clone answers /healthz', async (ctx) => {
    const engine = await requireEngine(ctx);
    const podman = await findOnPath('podman');
    requireSetup(ctx, podman !== undefined && engine.name.startsWith('podman'), {
      name: 'podman',
      install: 'apt-get install podman (docker/local-engine.sh does)',
    });
    const compose = readComposeFile(join(packageRoot, 'docker/compose/clones.yaml'), process.env);
    const images: Record<string, string> = {};
    const official: Record<string, string> = {
      balancer: 'haproxy:3.0-bookworm',
      redis: 'redis:7.4-bookworm',
      postgres: 'postgres:17-bookworm',
      app: 'scalebench-target:local',
    };
    for (const service of compose.services) {
      if (service.build) await buildImage(engine, service.image, service.build);
      if (official[service.name]) images[official[service.name]!] = service.image;
    }
    const { docs, deployments } = playable(images);
    const dir = mkdtempSync(join(tmpdir(), 'sb-kube-play-'));
    const file = join(dir, 'clones.yaml');
    writeFileSync(file, docs.map((doc) => stringify(doc)).join('---\n'));
    const network = `scalebench-kube-${process.pid}`;
    await run(podman!, ['network', 'create', network]);
    cleanups.push(async () => run(podman!, ['network', 'rm', '-f', network]));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    cleanups.push(async () => run(podman!, ['volume', 'rm', '-f', 'haproxy']));
    cleanups.push(async () => run(podman!, ['kube', 'down', file]));
    await run(podman!, ['kube', 'play', '--network', network, file]);

    const expected = deployments.flatMap((deployment) =>
      Array.from({ length: deployment.spec.replicas }, (_, index) =>
        deployment.spec.template.spec.containers.map(
          (container) => `${deployment.metadata.name}-pod-${index}-${container.name}`,
        ),
      ).flat(),
    );
    const appContainers = expected.filter((name) => name.startsWith('app-pod-'));
    expect(appContainers).toHaveLength(3);
    const healthz =
      "fetch('http://127.0.0.1:8080/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))";
    const deadline = Date.now() + 120_000;
    let answered: string[] = [];
    while (Date.now() < deadline && answered.length < appContainers.length) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      answered = [];
      for (const name of appContainers) {
        const ok = await run(podman!, ['exec', name, 'node', '-e', healthz]).then(
          () => true,
          () => false,
        );
        if (ok) answered.push(name);
      }
    }
    expect(answered).toEqual(appContainers);
    const { stdout } = await run(podman!, ['ps', '--filter', 'status=running', '--format', '{{.Names}}']);
    const running = stdout.split('\n');
    for (const name of expected) expect(running).toContain(name);
  }, 600_000);
});
