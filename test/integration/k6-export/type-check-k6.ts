/** Runs this repo's tsc over generated k6 scripts (JavaScript with // @ts-check) against @types/k6. */
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const tscBin = join(repo, 'node_modules/typescript/bin/tsc');

/** Writes a tsconfig (types: ['k6'], typeRoots: this repo's) into `folder` and runs tsc --noEmit there. */
export async function typeCheck(folder: string, files: string[]): Promise<{ code: number; output: string }> {
  const compilerOptions = {
    allowJs: true,
    checkJs: true,
    strict: true,
    noEmit: true,
    module: 'esnext',
    moduleResolution: 'bundler',
    target: 'es2022',
    lib: ['es2022'],
    types: ['k6'],
    typeRoots: [join(repo, 'node_modules/@types')],
  };
  await writeFile(join(folder, 'tsconfig.json'), JSON.stringify({ compilerOptions, files }));
  const child = spawn(process.execPath, [tscBin, '--noEmit', '-p', join(folder, 'tsconfig.json')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number>((resolve) => child.on('close', (status) => resolve(status ?? 1)));
  return { code, output };
}
