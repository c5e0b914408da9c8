/** `scalebench import`: its flags only; the command's code (cli/import.ts) is imported when it runs. */
import type { Command } from 'commander';
import type { CliContext } from '../context.ts';
import type { ImportHarFlags } from '../import.ts';

export function registerImport(program: Command, ctx: CliContext): void {
  const importCommand = program.command('import').description('turn a recording into a flow (HAR)');
  importCommand
    .command('har')
    .description('write a flow module that replays a HAR recording: requests in order, think times, cookies')
    .argument('<recording>', 'a .har file, e.g. saved from the browser devtools Network tab')
    .requiredOption('-o, --out <file>', 'the flow module to write, e.g. flows/recorded.ts')
    .option(
      '--export-name <name>',
      'name of the exported flow (default: from the file name, e.g. recordedFlow)',
    )
    .addHelpText(
      'after',
      [
        '',
        'Use the flow in an experiment of scalebench.config.ts whose target is the recorded service:',
        "  flow: { module: 'flows/recorded.ts', exportName: 'recordedFlow' }",
        '',
        'Example:',
        '  scalebench import har recording.har --out flows/recorded.ts',
      ].join('\n'),
    )
    .action(async (recording: string, flags: ImportHarFlags) => {
      const { parseImportHarOptions, runImportHar } = await import('../import.ts');
      await runImportHar(parseImportHarOptions(recording, flags, ctx.cwd), ctx);
    });
}
