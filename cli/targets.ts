/**
 * `scalebench targets list [--json]`: the reference targets, their variant knobs and defaults, and which
 * balancer would run in front of clones. `scalebench targets start <experiment> --variant k=v ...
 * [--clones N] [--workers N] [--log-dir DIR]`: starts one, prints `ready <url>` once it answers, keeps
 * it running until Ctrl-C (SIGINT/SIGTERM), then stops everything it started.
 */
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { untilAborted } from '../orchestration/run-context.ts';
import { type BalancerChoice, chooseBalancer } from '../targets/balancer/choose.ts';
import { findTarget, targetRegistry } from '../targets/registry.ts';
import { resolveServerSize } from '../targets/sizing/confine.ts';
import { parseServerSize, type ServerSizeRequest } from '../targets/sizing/server-size.ts';
import type { RunningTarget, TargetDefinition } from '../targets/target.ts';
import { resolveVariant } from '../targets/variant.ts';
import type { CliContext } from './context.ts';
import { parseKeyValues, parseNumber } from './parse.ts';

export interface TargetsStartOptions {
  definition: TargetDefinition;
  variant: Record<string, string>;
  clones: number | undefined;
  workers: number | undefined;
  logDir: string;
  /** --server-size: each server process's size; undefined runs them unsized */
  serverSize: ServerSizeRequest | undefined;
}

export interface StartFlags {
  variant?: string[];
  clones?: string;
  workers?: string;
  logDir?: string;
  serverSize?: string;
}

/**
 * The temp folder the logs go to without --log-dir, one per user: a shared /tmp/scalebench-logs made by
 * root stopped every other user's `targets start` with EACCES
 */
export function defaultLogFolder(uid: number | undefined): string {
  return uid === undefined ? 'scalebench-logs' : `scalebench-logs-${uid}`;
}

export function parseTargetsStart(experiment: string, flags: StartFlags, cwd: string): TargetsStartOptions {
  const definition = findTarget(experiment);
  const variant = resolveVariant(definition, parseKeyValues(flags.variant ?? [], '--variant'));
  const count = (text: string | undefined, flag: string) =>
    text === undefined ? undefined : parseNumber(text, flag, { min: 1, integer: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return {
    definition,
    variant,
    clones: count(flags.clones, '--clones'),
    workers: count(flags.workers, '--workers'),
    serverSize: flags.serverSize === undefined ? undefined : parseServerSize(flags.serverSize),
    logDir: flags.logDir
      ? resolve(cwd, flags.logDir)
      : join(tmpdir(), defaultLogFolder(process.getuid?.()), `${experiment}-${stamp}`),
  };
}

export async function listTargets(ctx: CliContext, json: boolean): Promise<void> {
  const choice = await chooseBalancer('auto', ctx.env);
  const experiments = Object.values(targetRegistry).map((definition) => ({
    name: definition.name,
    description: definition.description,
    variants: definition.variants,
    defaults: resolveVariant(definition, {}),
  }));
  if (json) {
    ctx.stdout(`${JSON.stringify({ balancer: choice.kind, experiments }, null, 2)}\n`);
    return;
  }
  for (const experiment of experiments) {
    ctx.stdout(`${experiment.name}\n  ${experiment.description}\n`);
    for (const [knob, values] of Object.entries(experiment.variants)) {
      ctx.stdout(`  --variant ${knob}=${values.join('|')}  (default ${values[0]})\n`);
    }
  }
  ctx.stdout(`balancer for clones: ${describeChoice(choice)}\n`);
}

function describeChoice(choice: BalancerChoice): string {
  if (choice.notice) return `${choice.kind} (${choice.notice})`;
  return choice.command ? `${choice.kind} (${choice.command})` : choice.kind;
}

export async function startTarget(options: TargetsStartOptions, ctx: CliContext): Promise<void> {
  if (options.variant.balancer !== undefined) {
    const choice = await chooseBalancer(options.variant.balancer as 'auto', ctx.env);
    if (choice.notice) ctx.stderr(`notice: ${choice.notice}\n`);
  }
  ctx.stderr(
    `starting ${options.definition.name} (${formatVariant(options.variant)}); logs in ${options.logDir}\n`,
  );
  const target = await options.definition.start({
    variant: options.variant,
    ...(options.clones !== undefined ? { clones: options.clones } : {}),
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    logDir: options.logDir,
    env: ctx.env,
    ...(options.serverSize ? { server: await resolveServerSize(options.serverSize) } : {}),
  });
  try {
    // interrupted while starting: stop without announcing a target that is about to go away
    if (ctx.signal.aborted) return;
    describeTarget(target, ctx);
    ctx.stdout(`ready ${target.url}\n`);
    await untilAborted(ctx.signal);
  } finally {
    await target.stop();
  }
}

function describeTarget(target: RunningTarget, ctx: CliContext): void {
  if (target.balancer) ctx.stderr(`balancer: ${target.balancer}\n`);
  for (const instance of target.instances()) {
    ctx.stderr(`  ${instance.kind} ${instance.id} ${instance.url ?? '-'} pid ${instance.pid ?? '-'}\n`);
  }
  ctx.stderr('press Ctrl-C to stop\n');
}

function formatVariant(variant: Record<string, string>): string {
  return Object.entries(variant)
    .map(([knob, value]) => `${knob}=${value}`)
    .join(' ');
}
