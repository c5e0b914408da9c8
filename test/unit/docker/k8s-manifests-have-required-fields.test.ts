/**
 * Every Kubernetes manifest in docker/k8s/ parses (multi-document YAML) and has the fields its kind
 * requires, so `kubectl apply` will not reject it: apiVersion/kind/metadata.name everywhere, selectors
 * that match their pod labels, containers with name and image, Services with ports, Jobs that never
 * restart forever. The rules are checked against a broken manifest too, so they can fail.
 */
import { describe, expect, it } from 'vitest';
import { isMap, loadK8sManifests, type YamlMap } from './docker-files.ts';

const knownKinds: Record<string, string> = {
  Namespace: 'v1',
  Service: 'v1',
  ConfigMap: 'v1',
  Pod: 'v1',
  PersistentVolumeClaim: 'v1',
  Deployment: 'apps/v1',
  Job: 'batch/v1',
};

function get(value: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (isMap(node) ? node[key] : undefined), value);
}

function podSpecProblems(spec: unknown, where: string): string[] {
  const containers = get(spec, 'containers');
  if (!Array.isArray(containers) || containers.length === 0) return [`${where}.containers: missing`];
  const all = [...containers, ...[get(spec, 'initContainers') ?? []].flat()];
  return all.flatMap((container: unknown, index) =>
    typeof get(container, 'name') === 'string' && typeof get(container, 'image') === 'string'
      ? []
      : [`${where}.containers[${index}]: needs name and image`],
  );
}

function templateProblems(doc: YamlMap): string[] {
  const template = get(doc, 'spec.template');
  if (!isMap(template)) return ['spec.template: missing'];
  return podSpecProblems(template['spec'], 'spec.template.spec');
}

function deploymentProblems(doc: YamlMap): string[] {
  const matchLabels = get(doc, 'spec.selector.matchLabels');
  const labels = get(doc, 'spec.template.metadata.labels');
  if (!isMap(matchLabels) || Object.keys(matchLabels).length === 0)
    return ['spec.selector.matchLabels: missing'];
  const mismatched = Object.entries(matchLabels).filter(
    ([key, value]) => !isMap(labels) || labels[key] !== value,
  );
  return [
    ...templateProblems(doc),
    ...mismatched.map(([key]) => `spec.selector.matchLabels.${key}: not on the pod template`),
  ];
}

function jobProblems(doc: YamlMap): string[] {
  const restart = get(doc, 'spec.template.spec.restartPolicy');
  const problems = templateProblems(doc);
  if (restart !== 'Never' && restart !== 'OnFailure')
    problems.push('restartPolicy: must be Never or OnFailure');
  if (get(doc, 'spec.completionMode') === 'Indexed' && typeof get(doc, 'spec.completions') !== 'number') {
    problems.push('spec.completions: required by completionMode Indexed');
  }
  return problems;
}

function kindProblems(doc: YamlMap): string[] {
  switch (doc['kind']) {
    case 'Deployment':
      return deploymentProblems(doc);
    case 'Job':
      return jobProblems(doc);
    case 'Pod':
      return podSpecProblems(doc['spec'], 'spec');
    case 'Service': {
      const ports = get(doc, 'spec.ports');
      const ok =
        Array.isArray(ports) &&
        ports.length > 0 &&
        ports.every((port) => typeof get(port, 'port') === 'number');
      return ok ? [] : ['spec.ports: needs at least one port with a number'];
    }
    case 'ConfigMap':
      return isMap(doc['data']) ? [] : ['data: missing'];
    case 'PersistentVolumeClaim':
      return Array.isArray(get(doc, 'spec.accessModes')) && get(doc, 'spec.resources.requests.storage')
        ? []
        : ['spec.accessModes and spec.resources.requests.storage: required'];
    default:
      return [];
  }
}

function manifestProblems(data: unknown): string[] {
  if (!isMap(data)) return ['not a mapping'];
  const kind = data['kind'];
  if (typeof kind !== 'string' || !(kind in knownKinds))
    return [`kind: unknown or missing (${String(kind)})`];
  const problems: string[] = [];
  if (data['apiVersion'] !== knownKinds[kind]) problems.push(`apiVersion: ${kind} needs ${knownKinds[kind]}`);
  const name = get(data, 'metadata.name');
  if (typeof name !== 'string' || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) {
    problems.push('metadata.name: missing or not a DNS name');
  }
  return [...problems, ...kindProblems(data)];
}

describe('Kubernetes manifests', () => {
  const documents = loadK8sManifests();

  it('include Deployments, Services and an Indexed Job', () => {
    const kinds = new Set(documents.map((doc) => get(doc.data, 'kind')));
    expect([...kinds]).toEqual(expect.arrayContaining(['Namespace', 'Deployment', 'Service', 'Job']));
  });

  it.each(
    documents.map((doc) => [`${doc.file}#${doc.index} ${String(get(doc.data, 'kind'))}`, doc] as const),
  )('%s parses and has the required fields', (_, doc) => {
    expect(doc.errors).toEqual([]);
    expect(manifestProblems(doc.data)).toEqual([]);
  });

  it('reject a Deployment whose selector misses its pods, and a Job that restarts Always', () => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: {
        selector: { matchLabels: { app: 'x' } },
        template: { metadata: { labels: { app: 'y' } }, spec: { containers: [{ name: 'x' }] } },
      },
    };
    expect(manifestProblems(deployment)).toEqual([
      'spec.template.spec.containers[0]: needs name and image',
      'spec.selector.matchLabels.app: not on the pod template',
    ]);
    const job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'j' },
      spec: { template: { spec: { restartPolicy: 'Always', containers: [{ name: 'a', image: 'b' }] } } },
    };
    expect(manifestProblems(job)).toEqual(['restartPolicy: must be Never or OnFailure']);
  });
});
