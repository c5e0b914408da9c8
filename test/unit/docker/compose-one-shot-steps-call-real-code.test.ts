/**
 * The compose stacks' one-shot steps (seeding the shop and orders databases, prerendering) are short
 * scripts in the compose files that import the targets' own modules. Each module they import must exist
 * and export every name the script takes from it, so a rename in targets/ fails here, not in a container.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadComposeFiles, repoRoot } from './docker-files.ts';

interface ScriptImport {
  service: string;
  module: string;
  names: string[];
}

function scriptImports(): ScriptImport[] {
  return loadComposeFiles().flatMap((file) =>
    Object.entries(file.services).flatMap(([service, definition]) => {
      const command = Array.isArray(definition['command']) ? definition['command'].map(String) : [];
      const script = command[command.indexOf('-e') + 1] ?? '';
      if (!command.includes('-e')) return [];
      const imports = [...script.matchAll(/const \{([^}]+)\} = await import\('([^']+)'\)/g)];
      return imports.map((match) => ({
        service: `${file.name} ${service}`,
        module: match[2] ?? '',
        names: (match[1] ?? '').split(',').map((name) => name.trim()),
      }));
    }),
  );
}

describe('one-shot steps of the compose stacks', () => {
  const imports = scriptImports();

  it('are found: seeding for caching and database, prerendering for async', () => {
    const services = new Set(imports.map((entry) => entry.service));
    expect([...services].sort()).toEqual([
      'async.yaml prerender',
      'caching.yaml prepare',
      'database.yaml prepare',
    ]);
  });

  it.each(imports.map((entry) => [`${entry.service}: ${entry.module}`, entry] as const))(
    '%s exports what the script uses',
    async (_, entry) => {
      const module = (await import(pathToFileURL(join(repoRoot, entry.module)).href)) as Record<
        string,
        unknown
      >;
      const missing = entry.names.filter((name) => typeof module[name] !== 'function');
      expect(missing).toEqual([]);
    },
  );
});
