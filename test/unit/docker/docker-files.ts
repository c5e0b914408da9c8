/**
 * Reads the files under docker/ for the static checks: compose files (YAML with anchors and merge keys),
 * Kubernetes manifests (multi-document YAML) and the Dockerfile's instructions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const dockerDir = join(repoRoot, 'docker');
export const composeDir = join(dockerDir, 'compose');
export const k8sDir = join(dockerDir, 'k8s');
export const dockerfilePath = join(dockerDir, 'Dockerfile');

export type YamlMap = Record<string, unknown>;

export interface ComposeFile {
  path: string;
  name: string;
  data: YamlMap;
  services: Record<string, YamlMap>;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
    .sort()
    .map((name) => join(dir, name));
}

export function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function loadComposeFiles(): ComposeFile[] {
  return yamlFiles(composeDir).map((path) => {
    const data: unknown = parse(readFileSync(path, 'utf8'), { merge: true, prettyErrors: true });
    if (!isMap(data)) throw new Error(`${path}: not a YAML mapping`);
    const services = isMap(data['services']) ? (data['services'] as Record<string, YamlMap>) : {};
    return { path, name: path.slice(composeDir.length + 1), data, services };
  });
}

export interface ManifestDocument {
  file: string;
  index: number;
  data: unknown;
  errors: string[];
}

export function loadK8sManifests(): ManifestDocument[] {
  return yamlFiles(k8sDir).flatMap((path) => {
    const file = path.slice(k8sDir.length + 1);
    return parseAllDocuments(readFileSync(path, 'utf8'), { merge: true })
      .filter((doc) => doc.contents !== null)
      .map((doc, index) => ({
        file,
        index,
        data: doc.toJS() as unknown,
        errors: [...doc.errors, ...doc.warnings].map((error) => error.message),
      }));
  });
}

export interface DockerInstruction {
  keyword: string;
  args: string;
  line: number;
}

/** The Dockerfile's instructions with continuation lines joined and comments dropped. */
export function readDockerfile(path: string = dockerfilePath): DockerInstruction[] {
  const instructions: DockerInstruction[] = [];
  let pending = '';
  let startLine = 0;
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      const line = raw.trim();
      if (pending === '' && (line === '' || line.startsWith('#'))) return;
      if (pending === '') startLine = index + 1;
      pending += `${line.replace(/\\$/, '').trim()} `;
      if (line.endsWith('\\')) return;
      const [keyword = '', ...rest] = pending.trim().split(/\s+/);
      instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' '), line: startLine });
      pending = '';
    });
  return instructions;
}
