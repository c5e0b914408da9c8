/**
 * Every path the Dockerfile or a compose file refers to exists: COPY sources (and none of them excluded
 * by .dockerignore), compose build contexts and dockerfiles, bind-mount sources, configs, secrets and
 * env files. A missing one would only show up as a failed `docker build` / `compose up` elsewhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ComposeFile, isMap, loadComposeFiles, readDockerfile, repoRoot } from './docker-files.ts';

/** COPY/ADD sources from the build context (not `--from=<stage>` copies). */
function dockerfileSources(): string[] {
  return readDockerfile()
    .filter((step) => (step.keyword === 'COPY' || step.keyword === 'ADD') && !/--from=/.test(step.args))
    .flatMap((step) => {
      const words = step.args.split(/\s+/).filter((word) => !word.startsWith('--'));
      return words.slice(0, -1);
    });
}

function dockerignorePatterns(): string[] {
  return readFileSync(join(repoRoot, '.dockerignore'), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#') && !line.startsWith('!'));
}

function ignored(source: string, patterns: string[]): boolean {
  const path = source.replace(/^\.\//, '').replace(/\/$/, '');
  return patterns.some((pattern) => {
    const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`);
    return regex.test(path);
  });
}

function volumeSources(service: Record<string, unknown>): string[] {
  const volumes = Array.isArray(service['volumes']) ? service['volumes'] : [];
  return volumes.flatMap((volume: unknown) => {
    if (isMap(volume)) return volume['type'] === 'bind' ? [String(volume['source'])] : [];
    const source = String(volume).split(':')[0] ?? '';
    return source.startsWith('.') || source.startsWith('/') ? [source] : [];
  });
}

/** [what, absolute path] for every local path a compose file names. */
function composePaths(file: ComposeFile): [string, string][] {
  const base = dirname(file.path);
  const paths: [string, string][] = [];
  for (const [name, service] of Object.entries(file.services)) {
    const build = service['build'];
    if (typeof build === 'string') paths.push([`${name}.build`, resolve(base, build)]);
    if (isMap(build)) {
      const context = resolve(base, String(build['context'] ?? '.'));
      paths.push([`${name}.build.context`, context]);
      if (typeof build['dockerfile'] === 'string') {
        paths.push([`${name}.build.dockerfile`, resolve(context, build['dockerfile'])]);
      }
    }
    for (const source of volumeSources(service)) paths.push([`${name}.volumes`, resolve(base, source)]);
    const envFiles = [service['env_file'] ?? []]
      .flat()
      .map((entry) => (isMap(entry) ? entry['path'] : entry));
    for (const envFile of envFiles) paths.push([`${name}.env_file`, resolve(base, String(envFile))]);
  }
  for (const section of ['configs', 'secrets'] as const) {
    const entries = isMap(file.data[section]) ? file.data[section] : {};
    for (const [name, entry] of Object.entries(entries)) {
      if (isMap(entry) && typeof entry['file'] === 'string') {
        paths.push([`${section}.${name}`, resolve(base, entry['file'])]);
      }
    }
  }
  return paths;
}

describe('paths referenced by docker/', () => {
  const sources = dockerfileSources();

  it('the Dockerfile copies sources that exist in the build context', () => {
    expect(sources.length).toBeGreaterThan(3);
    expect(sources.filter((source) => !existsSync(join(repoRoot, source)))).toEqual([]);
  });

  it('.dockerignore excludes none of the Dockerfile sources, but does exclude node_modules', () => {
    const patterns = dockerignorePatterns();
    expect(sources.filter((source) => ignored(source, patterns))).toEqual([]);
    expect(ignored('node_modules', patterns)).toBe(true);
  });

  it.each(loadComposeFiles().map((file) => [file.name, file] as const))(
    '%s names only paths that exist',
    (_, file) => {
      const paths = composePaths(file);
      expect(paths.length).toBeGreaterThan(1);
      expect(paths.filter(([, path]) => !existsSync(path)).map(([what, path]) => `${what}: ${path}`)).toEqual(
        [],
      );
    },
  );
});
