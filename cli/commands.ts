/**
 * The explicit list of subcommands: name → module. No registration by import side effects.
 * Each module declares its flags with commander and parses them into typed, validated options.
 */
import type { Command } from 'commander';
import { registerCompare } from './compare.ts';
import type { CliContext } from './context.ts';
import { registerDoctor } from './doctor.ts';
import { registerReport } from './report.ts';
import { registerTargets } from './targets.ts';

export type RegisterCommand = (program: Command, ctx: CliContext) => void;

export const commands: RegisterCommand[] = [registerDoctor, registerReport, registerCompare, registerTargets];
