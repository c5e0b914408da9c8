/**
 * The explicit list of subcommands. No registration by import side effects. Each cli/flags/ module
 * declares one command's flags with commander and is cheap to load; its action imports the command's
 * module (cli/<name>.ts: parsing into typed, validated options, and the work) only when it runs, so
 * `--help` or one command never loads the others.
 */
import type { Command } from 'commander';
import type { CliContext } from './context.ts';
import { registerAb } from './flags/ab.ts';
import { registerBench } from './flags/bench.ts';
import { registerCompare } from './flags/compare.ts';
import { registerDoctor } from './flags/doctor.ts';
import { registerExport } from './flags/export.ts';
import { registerHistory } from './flags/history.ts';
import { registerImport } from './flags/import.ts';
import { registerMerge } from './flags/merge.ts';
import { registerReport } from './flags/report.ts';
import { registerRun } from './flags/run.ts';
import { registerServices } from './flags/services.ts';
import { registerTargets } from './flags/targets.ts';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

export const commands: RegisterCommand[] = [
  registerRun,
  registerBench,
  registerDoctor,
  registerServices,
  registerReport,
  registerCompare,
  registerAb,
  registerHistory,
  registerTargets,
  registerMerge,
  registerExport,
  registerImport,
];
