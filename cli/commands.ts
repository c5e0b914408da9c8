/**
 * The explicit list of subcommands: name → module. No registration by import side effects.
 * Each module declares its flags with commander and parses them into typed, validated options.
 */
import type { Command } from 'commander';
import { registerBench } from './bench.ts';
import { registerCompare } from './compare.ts';
import type { CliContext } from './context.ts';
import { registerDoctor } from './doctor.ts';
import { registerExport } from './export.ts';
import { registerMerge } from './merge.ts';
import { registerReport } from './report.ts';
import { registerRun } from './run.ts';
import { registerServices } from './services.ts';
import { registerTargets } from './targets.ts';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

export const commands: RegisterCommand[] = [
  registerRun,
  registerBench,
  registerDoctor,
  registerServices,
  registerReport,
  registerCompare,
  registerTargets,
  registerMerge,
  registerExport,
];
