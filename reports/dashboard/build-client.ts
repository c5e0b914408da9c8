/** `npm run build`'s step after tsc: the dashboard's client compiled into one script in dist/ (client-script.ts). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { BUILT_CLIENT, compileClient } from './client-script.ts';

await mkdir(dirname(BUILT_CLIENT), { recursive: true });
await writeFile(BUILT_CLIENT, await compileClient());
