/**
 * One HAProxy config serves the compose stacks and Kubernetes: the ConfigMap in docker/k8s/clones.yaml
 * holds the same text as docker/haproxy/haproxy.cfg, every balancer sets each variable the config
 * reads, and, where haproxy is installed, `haproxy -c` accepts it in both affinity modes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireTool } from '../../helpers/requires-tool.ts';
import { dockerDir, isMap, loadComposeFiles, loadK8sManifests } from './docker-files.ts';

const configPath = join(dockerDir, 'haproxy', 'haproxy.cfg');
const config = readFileSync(configPath, 'utf8');
const required = ['APP_HOST'];

/** Names of the environment variables the config reads ("$NAME" or "${NAME}"). */
function configVariables(): string[] {
  const names = [...config.matchAll(/\$\{?([A-Z_][A-Z0-9_]*)\}?/g)].map((match) => match[1] ?? '');
  return [...new Set(names)].sort();
}

interface Manifest {
  kind: string;
  metadata: { name: string };
  data?: Record<string, string>;
  spec?: { template: { spec: { containers: { env?: { name: string; value: string }[] }[] } } };
}

function k8sBalancer(): { env: Record<string, string>; configMap: string | undefined } {
  const docs = loadK8sManifests().map((doc) => doc.data as Manifest);
  const find = (kind: string, name: string) =>
    docs.find((doc) => doc.kind === kind && doc.metadata.name === name);
  const container = find('Deployment', 'balancer')?.spec?.template.spec.containers[0];
  const env = Object.fromEntries((container?.env ?? []).map((entry) => [entry.name, entry.value]));
  return { env, configMap: find('ConfigMap', 'haproxy')?.data?.['haproxy.cfg'] };
}

describe('the HAProxy config', () => {
  it('reads the variables the balancers set', () => {
    expect(configVariables()).toEqual(['AFFINITY', 'AFFINITY_KEY', 'APP_HOST']);
  });

  it.each(loadComposeFiles().map((file) => [file.name, file] as const))(
    '%s sets APP_HOST for its balancer',
    (_, file) => {
      const env = file.services['balancer']?.['environment'];
      expect(isMap(env) ? Object.keys(env) : []).toEqual(expect.arrayContaining(required));
    },
  );

  it('is the same text in the Kubernetes ConfigMap, whose balancer sets every variable', () => {
    const { env, configMap } = k8sBalancer();
    expect(configMap).toBe(config);
    expect(Object.keys(env).sort()).toEqual(configVariables());
  });

  it.for(['none', 'sticky'])('passes `haproxy -c` with AFFINITY=%s', async (affinity, ctx) => {
    const haproxy = await requireTool(ctx, 'haproxy');
    const env = { ...process.env, APP_HOST: 'app', AFFINITY: affinity, AFFINITY_KEY: 'test' };
    const check = spawnSync(haproxy, ['-c', '-f', configPath], { env, encoding: 'utf8' });
    expect(`${check.stdout}${check.stderr}`).toContain('Configuration file is valid');
    expect(check.status).toBe(0);
  });
});
