/**
 * The optional external programs (load balancers, peer load generators, a browser): whether each is
 * installed, its version, and the command that installs it. scalebench runs without any of them.
 */
import { execFile } from 'node:child_process';
import { findOnPath } from '../lifecycle/find-executable.ts';

export interface ToolInfo {
  name: string;
  /** absolute path, or null when it is not installed */
  path: string | null;
  version: string | null;
  /** how to install it */
  install: string;
}

interface ToolSpec {
  name: string;
  versionArgs: string[];
  /** first capture group is the version */
  versionPattern: RegExp;
  install: string;
}

export const balancerSpecs: ToolSpec[] = [
  { name: 'nginx', versionArgs: ['-v'], versionPattern: /nginx\/(\S+)/, install: 'apt-get install nginx' },
  {
    name: 'haproxy',
    versionArgs: ['-v'],
    versionPattern: /HAProxy version (\S+)/,
    install: 'apt-get install haproxy',
  },
];

export const toolSpecs: ToolSpec[] = [
  {
    name: 'wrk',
    versionArgs: ['--version'],
    versionPattern: /wrk (?:\S*\/)?(\d[\w.-]*)/,
    install: 'apt-get install wrk',
  },
  { name: 'hey', versionArgs: [], versionPattern: /$^/, install: 'apt-get install hey' },
  {
    name: 'chromium',
    versionArgs: ['--version'],
    versionPattern: /Chromium (\S+)/,
    install: 'apt-get install chromium',
  },
  {
    name: 'prometheus',
    versionArgs: ['--version'],
    versionPattern: /prometheus, version (\S+)/,
    install: 'apt-get install prometheus',
  },
];

/** the optional tools by name; nothing else is looked up by name */
export type OptionalToolName = 'haproxy' | 'nginx' | 'wrk' | 'hey' | 'chromium' | 'prometheus';

export const optionalToolNames: readonly OptionalToolName[] = [
  'haproxy',
  'nginx',
  'wrk',
  'hey',
  'chromium',
  'prometheus',
];

function optionalToolSpec(name: OptionalToolName): ToolSpec {
  return [...balancerSpecs, ...toolSpecs].find((spec) => spec.name === name)!;
}

/** Where an optional tool is (like `command -v`), without running it: path null when it is missing. */
export async function locateTool(
  name: OptionalToolName,
  pathVariable: string | undefined = process.env.PATH,
): Promise<Omit<ToolInfo, 'version'>> {
  const path = (await findOnPath(name, pathVariable)) ?? null;
  return { name, path, install: optionalToolSpec(name).install };
}

export async function detectTool(spec: ToolSpec): Promise<ToolInfo> {
  const path = await findOnPath(spec.name);
  if (!path) return { name: spec.name, path: null, version: null, install: spec.install };
  const output = spec.versionArgs.length > 0 ? await run(path, spec.versionArgs) : '';
  const version = spec.versionPattern.exec(output)?.[1] ?? null;
  return { name: spec.name, path, version, install: spec.install };
}

export function detectTools(specs: ToolSpec[]): Promise<ToolInfo[]> {
  return Promise.all(specs.map(detectTool));
}

/** stdout and stderr together; never throws (some tools print their version and exit 1) */
function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: 5000 }, (_error, stdout, stderr) => resolve(`${stdout}\n${stderr}`));
  });
}
