/**
 * `scalebench import har <recording> --out FILE`: writes a flow module replaying a HAR recording
 * (scenarios/har/). Exit 2 when the file cannot be read, is not JSON or has no entries.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import { codePath } from '../core/entry-points.ts';
import { ScalebenchError } from '../core/errors.ts';
import { writeFileAtomic } from '../results/files.ts';
import { parseHar } from '../scenarios/har/har-file.ts';
import { harToFlow } from '../scenarios/har/har-flow.ts';
import type { CliContext } from './context.ts';

export interface ImportHarFlags {
  out: string;
  exportName?: string;
}

export interface ImportHarOptions {
  harPath: string;
  outPath: string;
  exportName: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** 'flows/recorded-checkout.ts' → 'recordedCheckoutFlow' */
export function exportNameFor(outPath: string): string {
  const words = basename(outPath, extname(outPath))
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const camel = words
    .map((word, i) => (i === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1)))
    .join('');
  const name = /^[A-Za-z_$]/.test(camel) ? camel : `recorded${camel}`;
  return name.endsWith('Flow') ? name : `${name}Flow`;
}

export function parseImportHarOptions(
  recording: string,
  flags: ImportHarFlags,
  cwd: string,
): ImportHarOptions {
  const outPath = resolve(cwd, flags.out);
  if (!/\.(ts|mts|js|mjs)$/.test(outPath)) {
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `--out ${flags.out} is not a .ts or .js module`, {
      hint: 'e.g. --out flows/recorded.ts',
    });
  }
  const exportName = flags.exportName ?? exportNameFor(outPath);
  if (!IDENTIFIER.test(exportName)) {
    throw new ScalebenchError(
      'SB_ERR_INVALID_ARGUMENT',
      `--export-name '${exportName}' is not an identifier`,
      {
        hint: 'use letters, digits and _, e.g. --export-name checkoutFlow',
      },
    );
  }
  return { harPath: resolve(cwd, recording), outPath, exportName };
}

/** defineFlow's module (sources or dist), as an import specifier relative to the written flow */
function defineFlowImport(outPath: string): string {
  const path = relative(dirname(outPath), codePath('load-model/flows/define-flow.ts')).split(sep).join('/');
  return path.startsWith('.') ? path : `./${path}`;
}

export async function runImportHar(options: ImportHarOptions, ctx: CliContext): Promise<void> {
  let text: string;
  try {
    text = await readFile(options.harPath, 'utf8');
  } catch (error: unknown) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ScalebenchError('SB_ERR_INVALID_ARGUMENT', `cannot read ${options.harPath} (${reason})`, {
      hint: 'pass the path of a .har file',
    });
  }
  const flow = harToFlow(parseHar(options.harPath, text), {
    source: basename(options.harPath),
    exportName: options.exportName,
    defineFlowImport: defineFlowImport(options.outPath),
  });
  await writeFileAtomic(options.outPath, flow.code);
  const skipped = flow.skipped.length > 0 ? `, ${flow.skipped.length} on other origins skipped` : '';
  const dynamic = flow.dynamic > 0 ? `; ${flow.dynamic} value(s) marked where a capture may be needed` : '';
  ctx.stdout(
    `wrote ${options.outPath}: ${flow.requests} requests to ${flow.origin}${skipped}${dynamic}\n` +
      `use it with flow: { module: '${relative(ctx.cwd, options.outPath).split(sep).join('/')}', exportName: '${options.exportName}' } and target: '${flow.origin}'\n`,
  );
}
