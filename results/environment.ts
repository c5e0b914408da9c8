/**
 * The environment fingerprint written into every results file: which machine, Node and commit
 * produced these numbers (results from different machines are not comparable).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { arch, cpus, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../core/entry-points.ts';
import type { Environment } from './schema.ts';

function packageVersion(): string {
  const text = readFileSync(join(packageRoot, 'package.json'), 'utf8');
  return (JSON.parse(text) as { version: string }).version;
}

/** The commit of the git work tree at `cwd`, or null outside git (or without git installed). */
export function gitCommit(cwd: string): string | null {
  try {
    const out = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd,
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    });
    const commit = out.toString().trim();
    return /^[0-9a-f]{40}$/.test(commit) ? commit : null;
  } catch {
    return null;
  }
}

/** The branch checked out at `cwd`, or null outside git, without git, or on a detached HEAD. */
export function gitBranch(cwd: string): string | null {
  try {
    const out = execFileSync('git', ['rev-parse', '--abbrev-ref', 'HEAD'], {
      cwd,
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 5000,
    });
    const branch = out.toString().trim();
    return branch && branch !== 'HEAD' ? branch : null;
  } catch {
    return null;
  }
}

export function collectEnvironment(cwd: string = process.cwd()): Environment {
  const cpuList = cpus();
  return {
    scalebenchVersion: packageVersion(),
    nodeVersion: process.version,
    os: `${platform()} ${release()}`,
    arch: arch(),
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    cores: cpuList.length,
    totalMemoryBytes: totalmem(),
    gitCommit: gitCommit(cwd),
  };
}
