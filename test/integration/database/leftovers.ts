/** What a stopped cluster may leave behind: postmasters still naming its data folder, or the folder itself. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

export async function processesNaming(text: string): Promise<string[]> {
  try {
    const { stdout } = await promisify(execFile)('pgrep', ['-af', text]);
    return stdout.split('\n').filter((line) => line.trim() !== '');
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

export async function leftovers(dir: string): Promise<{ processes: string[]; dirExists: boolean }> {
  return { processes: await processesNaming(dir), dirExists: existsSync(dir) };
}
