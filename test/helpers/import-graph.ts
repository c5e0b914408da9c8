/**
 * The import graph of the source folders, read from the files themselves: every relative `import`,
 * `export … from`, `import()` and `new URL('…', import.meta.url)` that names a code file. Paths are
 * relative to the repository root; `test/`, `docs/` and `node_modules/` are not source folders.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

const NOT_SOURCE = new Set(['node_modules', 'test', 'docs', 'bin', 'dist']); // dist: the build's output, not a source
const CODE = /\.(ts|mts|mjs|js)$/;
const SPECIFIER =
  /(?:import|export)\s[^'";]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)|import\s*['"](\.[^'"]+)['"]|new URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url/g;

/** file → the code files it imports, both as repository-relative paths with '/' */
export type ImportGraph = Map<string, string[]>;

function codeFiles(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...codeFiles(path));
    else if (CODE.test(name)) found.push(path);
  }
  return found;
}

const toKey = (path: string): string => relative(repoRoot, path).split(sep).join('/');

export function sourceFolders(): string[] {
  return readdirSync(repoRoot)
    .filter((name) => !name.startsWith('.') && !NOT_SOURCE.has(name))
    .filter((name) => statSync(join(repoRoot, name)).isDirectory())
    .filter((name) => codeFiles(join(repoRoot, name)).length > 0);
}

export function readImportGraph(): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const folder of sourceFolders()) {
    for (const file of codeFiles(join(repoRoot, folder))) {
      const targets = new Set<string>();
      for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
        const specifier = match[1] ?? match[2] ?? match[3] ?? match[4]!;
        const target = resolve(dirname(file), specifier);
        if (CODE.test(target) && existsSync(target)) targets.add(toKey(target));
      }
      graph.set(toKey(file), [...targets]);
    }
  }
  return graph;
}

export const topFolder = (path: string): string => path.split('/')[0]!;

/** "a -> b" → the file imports behind that folder-to-folder arrow */
export function folderArrows(graph: ImportGraph): Map<string, string[]> {
  const arrows = new Map<string, string[]>();
  for (const [file, targets] of graph) {
    for (const target of targets) {
      if (topFolder(file) === topFolder(target)) continue;
      const arrow = `${topFolder(file)} -> ${topFolder(target)}`;
      arrows.set(arrow, [...(arrows.get(arrow) ?? []), `${file} -> ${target}`]);
    }
  }
  return arrows;
}

/** groups of files that import each other, directly or round a loop (Tarjan's strongly connected components) */
export function importCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(file, Math.min(low.get(file)!, index.get(target)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const group: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      group.push(member);
    } while (member !== file);
    if (group.length > 1) cycles.push(group.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return cycles;
}
