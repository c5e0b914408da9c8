/**
 * `scalebench --help` from the built binary loads each command's flags and nothing of what the commands
 * do: no cli/<command>.js, no engine, no reports, no undici or zod (issue 12: fast start). Every module
 * the process resolves is traced by a module hook into a file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { binPath } from '../../helpers/cli.ts';

const hooks = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  appendFileSync(process.env.SB_TRACE, resolved.url + '\\n');
  return resolved;
}`;
const registerHooks = `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hooks)}));`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sb-help-trace-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('resolves only the entry, the flags modules and commander', async () => {
  const trace = join(dir, 'trace.txt');
  const importHooks = `data:text/javascript,${encodeURIComponent(registerHooks)}`;
  const help = execFileSync(process.execPath, ['--import', importHooks, binPath, '--help'], {
    env: { ...process.env, SB_TRACE: trace },
    encoding: 'utf8',
  });
  expect(help).toContain('Usage: scalebench');
  const loaded = (await readFile(trace, 'utf8')).split('\n').filter((url) => url.startsWith('file:'));
  expect(loaded.some((url) => url.includes('/dist/cli/flags/run.js'))).toBe(true);
  const heavy = loaded.filter((url) =>
    /\/dist\/cli\/(run|bench|targets|report|compare|doctor|export|merge|services)\.js$|\/dist\/(load\/engine|orchestration|reports\/(html|charts|markdown))\/|node_modules\/(undici|zod|ioredis|pg|bullmq|@napi-rs)\//.test(
      url,
    ),
  );
  expect(heavy).toEqual([]);
});
